"""One contained PDF process: the far end of `pdf_pool`, started as
`python -I -m slideshelf.conversion.pdf_child` under the containment's prefix.

It reads one request a line on stdin, `{"call": name, "args": {...}}`, and answers each with
one line of JSON on stdout: `{"result": ...}`, or `{"error": kind, ...}`. JSON and not
pickle: the worker must be able to read whatever a process taken over by a hostile file sends
back without running any of it. Files it draws go into the folder it was lent.
"""

from __future__ import annotations

import dataclasses
import errno
import json
import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from slideshelf.conversion.errors import PermanentError
from slideshelf.conversion.extractors.pdf import page_by_page, page_count
from slideshelf.conversion.ocr import png_to_read
from slideshelf.conversion.pictures import Placement, pictures_to_read, template_pictures
from slideshelf.conversion.render import Density, RenderSettings, render_range


def _page_count(pdf: str) -> int:
    return page_count(pdf)


def _pages(pdf: str) -> list[dict[str, Any]]:
    return [dataclasses.asdict(page) for page in page_by_page(pdf)]


def _draw(
    pdf: str, numbers: list[int], out_dir: str, settings: dict[str, int], density: dict[str, Any]
) -> list[list[int]]:
    drawn = render_range(pdf, numbers, out_dir, RenderSettings(**settings), Density(**density))
    return [
        [image.number, image.width, image.height, image.thumb_width, image.thumb_height]
        for image in drawn
    ]


def _templates(pdf: str) -> list[list[Any]]:
    return [[list(place.bounds), place.digest.hex()] for place in template_pictures(pdf)]


def _pictures(
    pdf: str, numbers: list[int], whole_pages: list[int], templates: list[list[Any]], out_dir: str
) -> list[list[Any]]:
    """Each picture as a PNG ready for Tesseract, `<page>-<n>.png` in `out_dir`."""
    known = {Placement(tuple(bounds), bytes.fromhex(digest)) for bounds, digest in templates}
    written = []
    for index, (number, image) in enumerate(
        pictures_to_read(pdf, numbers, set(whole_pages), known)
    ):
        name = f"{number}-{index}.png"
        Path(out_dir, name).write_bytes(png_to_read(image))
        written.append([number, name])
    return written


CALLS: dict[str, Callable[..., Any]] = {
    "page_count": _page_count,
    "pages": _pages,
    "draw": _draw,
    "templates": _templates,
    "pictures": _pictures,
}


def answer(request: dict[str, Any]) -> dict[str, Any]:
    try:
        return {"result": CALLS[request["call"]](**request["args"])}
    except PermanentError as error:
        return {"error": "permanent", "msgid": error.msgid, "params": error.params}
    except MemoryError:
        return {"error": "memory"}
    except OSError as error:
        if error.errno == errno.ENOSPC:
            return {"error": "disk_full"}
        return {"error": "failed", "detail": f"{type(error).__name__}: {error}"[:500]}
    except Exception as error:  # the worker says the drawing failed; the detail is for its log
        return {"error": "failed", "detail": f"{type(error).__name__}: {error}"[:500]}


def end_with_the_worker(every: float = 1.0) -> None:
    """Exit once the worker is gone, even in the middle of a page.

    Not PR_SET_PDEATHSIG: Linux sends that when the *thread* that started the process ends,
    and the worker starts these from whichever thread needs one first. A process that is
    waiting for a request ends at once anyway: its stdin closes with the worker.
    """
    worker = os.getppid()

    def watch() -> None:
        while os.getppid() == worker:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def main() -> None:
    end_with_the_worker()
    out = sys.stdout
    out.write('{"ready": true}\n')
    out.flush()
    for line in sys.stdin:
        out.write(json.dumps(answer(json.loads(line))) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
