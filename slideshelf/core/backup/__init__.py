"""Backing up this site to a folder and restoring it into an empty one after a loss: an exact
copy of this instance (export-site and import-site move decks between sites instead).

A backup folder holds:

- `database.sqlite3` (SQLite's online backup) or `database.pgdump` (`pg_dump --format=custom`):
  the database at one instant, copied first;
- `secret_key`: the key sessions and signed links were made with;
- `media.jsonl`: every stored file's name, size and SHA-256, and `media/` the files themselves
  (unless backed up with `--media list`, for a bucket the object store keeps);
- `manifest.json`, written last: the slideshelf version, the database engine, the time, the
  counts of people, decks, slides and files, and the checksums of the parts above.

The search index and the collected static files are derived, so not copied: restore builds the
index again, and `make install` collects the static files.

`take.take_backup()` and `restore.restore_backup()` are what the commands call.
"""
