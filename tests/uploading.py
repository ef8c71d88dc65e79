"""Helpers for the upload, status and my-presentations tests."""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model

BOUNDARY = "slideshelf-test-boundary"


def make_user(username: str, **fields):
    return get_user_model().objects.create_user(username, password="correct horse", **fields)


def files_in(folder: Path) -> set[Path]:
    return (
        {path for path in Path(folder).rglob("*") if path.is_file()} if folder.exists() else set()
    )


def multipart(parts: list[tuple[str, str | None, bytes]]) -> bytes:
    """A multipart body written by hand, so file names reach the server untouched."""
    chunks = []
    for name, filename, content in parts:
        disposition = f'form-data; name="{name}"'
        if filename is not None:
            disposition += f'; filename="{filename}"'
        head = f"--{BOUNDARY}\r\nContent-Disposition: {disposition}\r\n"
        if filename is not None:
            head += "Content-Type: application/octet-stream\r\n"
        chunks.append(head.encode() + b"\r\n" + content + b"\r\n")
    return b"".join(chunks) + f"--{BOUNDARY}--\r\n".encode()


def post_multipart(client, path: str, parts, **headers):
    return client.post(
        path,
        data=multipart(parts),
        content_type=f"multipart/form-data; boundary={BOUNDARY}",
        **headers,
    )
