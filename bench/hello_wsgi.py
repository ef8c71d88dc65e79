"""slideshelf's WSGI application with bench's /hello/ route: `gunicorn bench.hello_wsgi`."""

from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

os.environ["DJANGO_SETTINGS_MODULE"] = "bench.hello_settings"
application = get_wsgi_application()
