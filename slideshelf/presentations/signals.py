"""What the deck model announces to the apps above it.

Conversion sends; search listens (connected in `search/signals.py`). Neither imports the other.
"""

from __future__ import annotations

from django.dispatch import Signal

# Sent inside the transaction that gives a deck its new slides, with `deck` and `first` (its
# first conversion). Receivers run in that transaction: what they write is committed with it.
slides_published = Signal()
