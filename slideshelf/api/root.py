"""The API's root: `/api/v1/`, its OpenAPI 3.1 schema at `openapi.json` and its documentation
at `docs/`, served from slideshelf itself (django-ninja's Swagger UI files), no CDN."""

from __future__ import annotations

from typing import Any

from ninja import NinjaAPI, Swagger
from ninja.openapi.schema import OpenAPISchema

# `decks` and `publishing` declare their operations on `routes.decks`.
from slideshelf.api import collections, decks, finding, problems, publishing, routes  # noqa: F401
from slideshelf.api.problems import CONTENT_TYPE


class SlideshelfAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs: Any) -> OpenAPISchema:
        """django-ninja's schema, saying that errors come as `application/problem+json`."""
        schema = super().get_openapi_schema(**kwargs)
        for operations in schema["paths"].values():
            for operation in operations.values():
                for status, answer in operation.get("responses", {}).items():
                    if int(status) >= 400 and "application/json" in answer.get("content", {}):
                        answer["content"] = {CONTENT_TYPE: answer["content"]["application/json"]}
        return schema


api = SlideshelfAPI(
    title="slideshelf API",
    version="1",
    description="Presentations, their slides and their text. Errors are RFC 9457 problem details.",
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url="/docs/",
    # Deep links put a link inside each operation's button, which axe rightly refuses (nested
    # interactive controls): a keyboard or screen reader user meets one control, not two.
    docs=Swagger(settings={"deepLinking": False}),
)
problems.register(api)
api.add_router("", routes.decks)
api.add_router("", finding.router)
api.add_router("", collections.router)
