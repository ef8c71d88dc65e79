"""The routers operations are declared on. Every operation on one address must be on one
router (django-ninja makes one URL pattern per router and address), so reading decks
(`decks.py`) and publishing them (`publishing.py`) share `decks`."""

from __future__ import annotations

from ninja import Router

decks = Router(tags=["decks"])
