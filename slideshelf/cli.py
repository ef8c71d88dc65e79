"""The `slideshelf` command: Django's manage.py with slideshelf's settings."""

from __future__ import annotations

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "slideshelf.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(command_line(sys.argv))


def command_line(argv: list[str]) -> list[str]:
    """`slideshelf check-files` as the README spells it: a Django command's name is its
    module's, with underscores."""
    if len(argv) > 1 and not argv[1].startswith("-"):
        return [argv[0], argv[1].replace("-", "_"), *argv[2:]]
    return argv


if __name__ == "__main__":
    main()
