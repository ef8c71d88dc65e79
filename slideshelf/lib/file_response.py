"""A stored file as the answer to a request: sent by nginx when it can be, else by the site.

With SLIDESHELF_ACCEL_REDIRECT set ("/_media/", an nginx `internal` location aliased to the
media folder) and files on this machine's disk, the answer has no body, only the headers a
streamed file would have and `X-Accel-Redirect`: nginx sends the file itself (with sendfile
and byte ranges), and no Python thread waits on a slow download. The view has checked who may
see the file before it asks for this; the location is `internal`, so nginx answers only to
such a header, never to a visitor asking for it. Files in object storage have no path nginx
could open: they stream through the site as before.
"""

from __future__ import annotations

import posixpath
from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.utils.http import content_disposition_header


def file_response(
    name: str | None,
    content_type: str,
    cache_control: str,
    *,
    download_as: str | None = None,
) -> HttpResponseBase:
    """The stored file `name`, as an attachment called `download_as` when one is given;
    404 when there is no such file."""
    if not name:
        raise Http404("File not found")
    prefix = accel_redirect_prefix()
    response: HttpResponseBase
    if prefix:
        if not default_storage.exists(name):  # a stat: nginx is not asked for a missing file
            raise Http404("File not found")
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = prefix + quote(name)
        # What FileResponse says of the file, less its length: nginx gives that.
        filename = download_as or posixpath.basename(name)
        if disposition := content_disposition_header(download_as is not None, filename):
            response["Content-Disposition"] = disposition
    else:
        # Opened without asking first whether it exists: in an object store that would be
        # one more request per file, and opening tells as much.
        try:
            opened = default_storage.open(name, "rb")
        except FileNotFoundError:
            raise Http404("File not found") from None
        response = FileResponse(
            opened,
            as_attachment=download_as is not None,
            filename=download_as or "",
            content_type=content_type,
        )
    response["Cache-Control"] = cache_control
    return response


def accel_redirect_prefix() -> str:
    """The nginx location files are handed to; "" when the site sends them itself."""
    if not settings.ACCEL_REDIRECT or not isinstance(default_storage, FileSystemStorage):
        return ""
    return str(settings.ACCEL_REDIRECT)
