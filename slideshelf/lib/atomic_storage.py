"""A file system storage in which a file appears under its name only once it is complete.

Each file is written under a temporary name beside its own and linked to its name at the end,
so a full disk or a killed process never leaves a truncated original or a 0-byte slide image
where a page or a download would serve it; the temporary file is removed on failure.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from typing import Any

from django.core.files.storage import FileSystemStorage

NO_LINKS = (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK)


class AtomicFileSystemStorage(FileSystemStorage):
    def _save(self, name: str, content: Any) -> str:
        part = f"{name}.part-{secrets.token_hex(6)}"
        try:
            # `_save` is Django's documented hook, missing from its type stubs.
            written = super()._save(part, content)  # type: ignore[misc]
        except BaseException:
            with contextlib.suppress(OSError):
                os.remove(self.path(part))
            raise
        try:
            return self._publish(written, name)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.remove(self.path(written))

    def _publish(self, written: str, name: str) -> str:
        """Give the complete file its name (a free one): a hard link never replaces a file."""
        while True:
            try:
                os.link(self.path(written), self.path(name))
            except FileExistsError:
                name = self.get_available_name(name)
            except OSError as error:
                if error.errno not in NO_LINKS:
                    raise
                # A file system without hard links: a rename, after a check for a free name.
                name = self.get_available_name(name)
                os.rename(self.path(written), self.path(name))
                return name.replace("\\", "/")
            else:
                return name.replace("\\", "/")
