"""Originals, PDFs and slide images in an S3-compatible object store, through django-storages
(configured by `SLIDESHELF_STORAGE_URL`, see lib/storage_url.py).

A store that does not answer raises `StoreUnavailable`, an OSError: the visitor is told to try
again (nothing was saved), and a conversion goes back to the queue without counting against
its file.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from botocore.config import Config
from botocore.exceptions import ClientError, ConnectionError, HTTPClientError
from storages.backends.s3 import S3Storage

from slideshelf.lib.files import StoreUnavailable

T = TypeVar("T")

# Seconds: a store that is down is noticed in one request's time, not a minute's.
CONNECT_TIMEOUT = 5
READ_TIMEOUT = 60
# What the store says when it, not the request, is at fault.
BUSY_CODES = {"SlowDown", "ServiceUnavailable", "RequestTimeout", "InternalError"}


def is_unavailable(error: BaseException) -> bool:
    """Whether the error says the store cannot answer now (rather than that a file is not
    there, or that slideshelf may not touch it)."""
    if isinstance(error, ConnectionError | HTTPClientError):
        return True
    if isinstance(error, ClientError):
        status = error.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0)
        return status >= 500 or error.response.get("Error", {}).get("Code") in BUSY_CODES
    return False


def _unavailable_as_os_error(method: Callable[..., T]) -> Callable[..., T]:
    @functools.wraps(method)
    def calling(*args: Any, **kwargs: Any) -> T:
        try:
            return method(*args, **kwargs)
        except Exception as error:
            if is_unavailable(error):
                raise StoreUnavailable(f"the file store does not answer: {error}") from error
            raise

    return calling


class ObjectStorage(S3Storage):  # type: ignore[misc]  # django-storages has no type hints
    """django-storages' S3 storage whose every call says a store that is down the same way,
    and soon."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        made: Config = self.client_config  # type: ignore[has-type]  # set by the base class
        self.client_config = made.merge(
            Config(
                connect_timeout=CONNECT_TIMEOUT,
                read_timeout=READ_TIMEOUT,
                retries={"max_attempts": 3, "mode": "standard"},
            )
        )

    @_unavailable_as_os_error
    def _open(self, name: str, mode: str = "rb") -> Any:
        opened = super()._open(name, mode)
        if "r" in mode:
            # Read now, not at the first `read()` inside a response already under way: an
            # unreachable store is found while the view can still say so.
            opened.file  # noqa: B018
        return opened

    _save = _unavailable_as_os_error(S3Storage._save)
    delete = _unavailable_as_os_error(S3Storage.delete)
    exists = _unavailable_as_os_error(S3Storage.exists)
    listdir = _unavailable_as_os_error(S3Storage.listdir)
    size = _unavailable_as_os_error(S3Storage.size)
    get_modified_time = _unavailable_as_os_error(S3Storage.get_modified_time)
