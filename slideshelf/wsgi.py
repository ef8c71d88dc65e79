import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "slideshelf.settings")
application = get_wsgi_application()
# What is loaded by now (settings, apps, models) lives as long as the process: the garbage
# collector need not scan it again at every collection while a request waits.
gc.freeze()
