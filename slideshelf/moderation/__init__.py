"""Reports from visitors and staff decisions about them; nothing here hides a deck on its own."""
