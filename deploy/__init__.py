"""Running slideshelf in production: nginx in front, systemd units, the settings by
environment (docs/deploy.md). Used from a checkout of slideshelf, not installed with it."""
