"""Uploading decks, following their conversion, and managing one's own decks."""
