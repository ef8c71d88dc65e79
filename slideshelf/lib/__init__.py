"""Pure helpers: nothing in here imports Django's ORM."""
