"""Where originals, PDFs and slide images are kept: `SLIDESHELF_STORAGE_URL`, read into the
`STORAGES["default"]` entry of an S3-compatible object store (lib/object_storage.py).

    SLIDESHELF_STORAGE_URL=s3://bucket/prefix?endpoint=https://s3.example.org&region=eu-north-1

The store is private: objects are written without an ACL (the bucket's own, which should block
public access), and visitors reach them only through slideshelf's views, which check who may
see a deck and say how long a copy may be kept. Keys come from the URL's user part
(`s3://KEY:SECRET@bucket/…`, URL-quoted) or, without one, from boto3's usual places (the
`AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY` variables, a profile, the host's role).

Apart from the storage itself, so that settings read the URL without loading boto3, which
every command would then pay for at start.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

SCHEME = "s3"
QUERY_OPTIONS = ("endpoint", "region", "addressing")
# A file up to this size is read into memory; a larger one (an original) into a temporary file.
IN_MEMORY_BYTES = 4 * 1024 * 1024


def backend(url: str) -> dict[str, Any]:
    """The `STORAGES["default"]` entry for a storage URL."""
    parts = urlsplit(url)
    if parts.scheme != SCHEME or not parts.hostname:
        raise ImproperlyConfigured(
            f"SLIDESHELF_STORAGE_URL must look like s3://bucket/prefix?endpoint=…, not {url!r}."
        )
    query = {name: values[-1] for name, values in parse_qs(parts.query).items()}
    unknown = set(query) - set(QUERY_OPTIONS)
    if unknown:
        raise ImproperlyConfigured(
            f"SLIDESHELF_STORAGE_URL has options slideshelf does not know: {', '.join(unknown)}; "
            f"it knows {', '.join(QUERY_OPTIONS)}."
        )
    options: dict[str, Any] = {
        # The bucket's name as written: urlsplit lowercases the host.
        "bucket_name": parts.netloc.rpartition("@")[2],
        "location": parts.path.strip("/"),
        "endpoint_url": query.get("endpoint"),
        "region_name": query.get("region"),
        "file_overwrite": False,  # a name already taken gets a free one, as on a disk
        "default_acl": None,
        "querystring_auth": True,
        "max_memory_size": IN_MEMORY_BYTES,
        "addressing_style": query.get("addressing"),
    }
    if parts.username:
        options["access_key"] = unquote(parts.username)
        options["secret_key"] = unquote(parts.password or "")
    return {"BACKEND": "slideshelf.lib.object_storage.ObjectStorage", "OPTIONS": options}
