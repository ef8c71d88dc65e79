from __future__ import annotations

import base64
import secrets

PUBLIC_ID_BYTES = 10  # 80 random bits


def new_public_id() -> str:
    """An unguessable, URL-friendly id: 16 characters of lower-case base32 (80 bits)."""
    return base64.b32encode(secrets.token_bytes(PUBLIC_ID_BYTES)).decode("ascii").lower()
