"""slideshelf's settings with bench's URLs: the site plus /hello/, for bench.pages."""

from slideshelf.settings import *  # noqa: F403

ROOT_URLCONF = "bench.hello_urls"
