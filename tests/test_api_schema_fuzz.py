"""Schemathesis against the running site's own schema: every operation, with inputs made from
the schema (and made wrong on purpose), as anonymous, with a read token and with a token that
may write. No answer may be a server error, and every answer must be one the schema
describes, in status, content type and body."""

from __future__ import annotations

import pytest
import schemathesis
from django.contrib.auth import get_user_model
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from slideshelf.accounts import tokens
from slideshelf.presentations.models import Visibility
from tests.conftest import SQLITE_PASS_ONLY
from tests.factories import deck_with_slides

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True), SQLITE_PASS_ONLY]

EXAMPLES = 50  # per operation and persona


@pytest.fixture
def api_schema(live_server, media):
    return schemathesis.openapi.from_url(f"{live_server.url}/api/v1/openapi.json")


@pytest.fixture
def ada(media):
    ada = get_user_model().objects.create_user("ada", password="pw")
    for visibility in (Visibility.PUBLIC, Visibility.UNLISTED, Visibility.PRIVATE):
        deck_with_slides(2, owner=ada, title=f"A {visibility} deck", visibility=visibility)
    return ada


def bearer(user, scope: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {tokens.issue(user, 'Fuzzing', scope)[1]}"}


# Left out: "a request the schema allows is accepted". What makes an upload acceptable is its
# file's content (a PNG is not a presentation), and a collection is named by a slug that
# must exist: no schema can say either, and the API refuses both with a 422 problem.
fuzzed = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))


def every_operation(api_schema, headers: dict[str, str]) -> list[str]:
    """Fuzz each operation in turn; the operations' names."""
    names = []
    for result in api_schema.get_all_operations():
        operation = result.ok()
        names.append(operation.label)

        @given(case=operation.as_strategy())
        @fuzzed
        def answers_as_described(case):
            case.call_and_validate(headers=headers, excluded_checks=[positive_data_acceptance])

        answers_as_described()
    return names


def test_anonymous(api_schema, ada):
    assert "GET /api/v1/decks/{public_id}/" in every_operation(api_schema, {})


def test_a_read_token(api_schema, ada):
    every_operation(api_schema, bearer(ada, "read"))


def test_a_token_that_may_write(api_schema, ada):
    every_operation(api_schema, bearer(ada, "write"))
