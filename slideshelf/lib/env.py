"""Typed readers for SLIDESHELF_* environment variables.

Each reader fails loudly on a value it cannot parse: a typo in a limit must stop the
start-up, not silently fall back to a default.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

N = TypeVar("N", int, float)

PREFIX = "SLIDESHELF_"


class ConfigError(ValueError):
    pass


def _raw(name: str) -> str | None:
    value = os.environ.get(PREFIX + name)
    return None if value is None or value == "" else value


def env_str(name: str, default: str) -> str:
    value = _raw(name)
    return default if value is None else value


def _number(name: str, default: N, minimum: N, parse: Callable[[str], N], kind: str) -> N:
    value = _raw(name)
    if value is None:
        return default
    try:
        number = parse(value)
    except ValueError:
        raise ConfigError(f"{PREFIX}{name} must be {kind}, got {value!r}") from None
    if number < minimum:
        raise ConfigError(f"{PREFIX}{name} must be at least {minimum}, got {number}")
    return number


def env_int(name: str, default: int, minimum: int = 0) -> int:
    return _number(name, default, minimum, int, "a whole number")


def env_float(name: str, default: float, minimum: float = 0.0) -> float:
    return _number(name, default, minimum, float, "a number")


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def env_bool(name: str, default: bool) -> bool:
    value = _raw(name)
    if value is None:
        return default
    if value.lower() in _TRUE:
        return True
    if value.lower() in _FALSE:
        return False
    raise ConfigError(f"{PREFIX}{name} must be true or false, got {value!r}")


def env_choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    value = env_str(name, default).lower()
    if value not in choices:
        raise ConfigError(f"{PREFIX}{name} must be one of {', '.join(choices)}, got {value!r}")
    return value


def env_path(name: str, default: Path) -> Path:
    return Path(env_str(name, str(default))).expanduser().resolve()


def env_list(name: str, default: list[str]) -> list[str]:
    value = _raw(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_origin(name: str) -> str:
    """A site's address, scheme and host (and port) only: "https://slides.example.se"; ""
    when unset. A path, query or fragment is refused: the site is served at its root."""
    value = env_str(name, "").strip().rstrip("/")
    if not value:
        return ""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"{PREFIX}{name} must start with https:// or http://, got {value!r}")
    if parts.path or parts.query or parts.fragment or parts.username or parts.password:
        raise ConfigError(
            f"{PREFIX}{name} must be a scheme and host only (like https://slides.example.se), "
            f"got {value!r}"
        )
    return f"{parts.scheme}://{parts.netloc.lower()}"
