"""`python -m deploy.nginx`: print the nginx configuration for the settings in effect."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings

from deploy.environment import read_environment_file
from deploy.nginx import Site, render

LETSENCRYPT = "/etc/letsencrypt/live"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m deploy.nginx",
        description="Print slideshelf's nginx configuration, filled in from its settings.",
    )
    parser.add_argument(
        "--env-file", type=Path, help="the units' environment file, read before the settings"
    )
    parser.add_argument("--server-name", help="default: the host of SLIDESHELF_SITE_URL")
    parser.add_argument("--certificate", help=f"default: {LETSENCRYPT}/NAME/fullchain.pem")
    parser.add_argument("--certificate-key", help=f"default: {LETSENCRYPT}/NAME/privkey.pem")
    parser.add_argument("--upstream", default=Site.upstream, help="gunicorn's address")
    parser.add_argument("--http-port", type=int, default=Site.http_port)
    parser.add_argument("--https-port", type=int, default=Site.https_port)
    args = parser.parse_args(argv)
    if args.env_file:
        os.environ.update(read_environment_file(args.env_file))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "slideshelf.settings")
    server_name = args.server_name or urlsplit(settings.SITE_URL).hostname
    if not server_name:
        parser.error("give --server-name, or set SLIDESHELF_SITE_URL")
    site = Site(
        server_name=server_name,
        certificate=args.certificate or f"{LETSENCRYPT}/{server_name}/fullchain.pem",
        certificate_key=args.certificate_key or f"{LETSENCRYPT}/{server_name}/privkey.pem",
        upstream=args.upstream,
        http_port=args.http_port,
        https_port=args.https_port,
    )
    sys.stdout.write(render(site, settings))
    if not settings.ACCEL_REDIRECT:
        sys.stderr.write(
            "SLIDESHELF_ACCEL_REDIRECT is not set: slideshelf streams files itself. "
            "Set it to /_media/ to have nginx send them.\n"
        )


if __name__ == "__main__":
    main()
