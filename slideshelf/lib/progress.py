"""A one-line progress bar for terminals; silent when the output is not a terminal."""

from __future__ import annotations

import shutil
from typing import TextIO


class ProgressBar:
    def __init__(self, total: int, stream: TextIO) -> None:
        self.total = max(total, 1)
        self.stream = stream
        self.enabled = stream.isatty()

    def show(self, done: int, label: str) -> None:
        if not self.enabled:
            return
        columns = shutil.get_terminal_size((80, 20)).columns
        width = 24
        filled = round(width * done / self.total)
        head = f"[{'#' * filled}{'-' * (width - filled)}] {done}/{self.total} "
        self.stream.write("\r" + (head + label)[: columns - 1].ljust(columns - 1))
        self.stream.flush()

    def clear(self) -> None:
        if self.enabled:
            columns = shutil.get_terminal_size((80, 20)).columns
            self.stream.write("\r" + " " * (columns - 1) + "\r")
            self.stream.flush()
