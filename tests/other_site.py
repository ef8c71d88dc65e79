"""Another web site, on another origin (127.0.0.1 at a port of its own), that shows the pages
it is given: what a blog or a municipality's site that embeds a deck is to the browser."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import count


class OtherSite:
    def __init__(self, server: ThreadingHTTPServer) -> None:
        self._server = server
        self._pages: dict[str, bytes] = {}
        self._numbers = count(1)

    @property
    def origin(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def page(self, body: str, title: str = "A blog post") -> str:
        """The address of a new page whose body is `body` (HTML, pasted as it is)."""
        path = f"/post-{next(self._numbers)}.html"
        html = (
            f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
            '<meta name="viewport" content="width=device-width, initial-scale=1"></head>'
            f"<body><h1>{title}</h1>{body}</body></html>"
        )
        self._pages[path] = html.encode()
        return self.origin + path

    def answer(self, path: str) -> bytes | None:
        return self._pages.get(path)


@contextmanager
def other_site() -> Iterator[OtherSite]:
    site: OtherSite

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = site.answer(self.path)
            self.send_response(200 if body is not None else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body or b"not here")

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    site = OtherSite(server)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
