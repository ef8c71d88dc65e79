"""Test set-up shared by every test: a throw-away data folder per test run."""

import os
import tempfile

# Before Django reads its settings: tests never touch a developer's ./data folder.
os.environ.setdefault("SLIDESHELF_DATA_DIR", tempfile.mkdtemp(prefix="slideshelf-test-"))
os.environ.setdefault("SLIDESHELF_CONVERSION_RETRY_DELAY", "0.2")
