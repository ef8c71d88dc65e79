"""The environment file every unit reads (deploy/slideshelf.env), read as systemd reads it.

Only the part of systemd's EnvironmentFile= format such a file needs: NAME=value lines,
comments and blank lines, a value in matching quotes. Kept this small on purpose: a line this
reader would misread is a line systemd might read differently too.
"""

from __future__ import annotations

import re
from pathlib import Path

ASSIGNMENT = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)=(.*)$")


def read_environment_file(path: Path) -> dict[str, str]:
    """The variables `path` sets, in its order; a line that is not an assignment is an error."""
    found: dict[str, str] = {}
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        match = ASSIGNMENT.match(line)
        if not match:
            raise ValueError(f"{path}:{number}: not NAME=value: {line!r}")
        name, value = match.groups()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        found[name] = value
    return found
