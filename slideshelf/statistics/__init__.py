"""Statistics without tracking: per deck and day, how many views, embedded views and downloads,
and how far the views got through the slides. Nothing about a visitor is kept."""
