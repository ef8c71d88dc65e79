"""Settings for the test suite: slideshelf's own, in a throw-away data folder."""

import os
import tempfile

# Before slideshelf's settings read them: tests never touch a developer's ./data folder.
os.environ.setdefault("SLIDESHELF_DATA_DIR", tempfile.mkdtemp(prefix="slideshelf-test-"))
os.environ.setdefault("SLIDESHELF_CONVERSION_RETRY_DELAY", "0.2")
# Tests read what a page shows at once: no page cache, view counts written immediately.
os.environ.setdefault("SLIDESHELF_PAGE_CACHE_SECONDS", "0")
os.environ.setdefault("SLIDESHELF_VIEW_COUNT_FLUSH_SECONDS", "0")
# Search results follow every change at once, as the worker would a moment later.
os.environ.setdefault("SLIDESHELF_SEARCH_SYNC_ON_COMMIT", "true")
# The API's fuzzing makes thousands of requests a minute from one address; the limit's own
# tests set a small one.
os.environ.setdefault("SLIDESHELF_API_REQUESTS_PER_MINUTE", "1000000")

from slideshelf.settings import *

# Templates find static files without `collectstatic` having run.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Password hashing is deliberately slow; tests that log in need it fast, not safe.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# xdist's workers share the data folder (they inherit its environment variable), not the index.
SEARCH_INDEX_DIR = DATA_DIR / f"search-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
