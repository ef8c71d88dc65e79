"""A database made before conversion state had its own model migrates with nothing lost.

The old schema is built with the old migrations, filled through their historical models, and
migrated forward; every deck, slide, search hit, similar list, near-duplicate and staff reason
must come through.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from slideshelf.conversion.models import Conversion, Status
from slideshelf.moderation.services import hiding_reason
from slideshelf.presentations.models import Presentation, Slide
from slideshelf.search import api as search
from slideshelf.search.engines import engine
from slideshelf.search.models import SimilarPresentation
from slideshelf.search.types import DeckDoc, SlideDoc

BEFORE = [
    ("presentations", "0004_near_duplicate_of"),
    ("search", "0002_postgres_tables"),
    ("moderation", "0001_initial"),
    ("conversion", None),
]
REFUSED = {"msgid": "The new file %(name)s could not be used.", "params": {"name": "new.pdf"}}
CREATED = datetime(2025, 3, 1, tzinfo=UTC)


def migrate(targets: list[tuple[str, str | None]]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return MigrationExecutor(connection)


def latest() -> list[tuple[str, str | None]]:
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


@pytest.fixture
def old_schema(transactional_db):
    executor = migrate(BEFORE)
    yield executor.loader.project_state([node for node in BEFORE if node[1]]).apps
    migrate(latest())


def old_deck(apps, owner, title: str, **fields) -> object:
    deck = apps.get_model("presentations", "Presentation").objects.create(
        title=title,
        owner=owner,
        original_name=f"{title}.pptx",
        original_sha256="0" * 64,
        created_at=CREATED,
        **fields,
    )
    Slide = apps.get_model("presentations", "Slide")
    for number in (1, 2):
        Slide.objects.create(
            presentation=deck,
            number=number,
            title=f"{title} {number}",
            text="Solceller på taken",
            text_source="structure",
        )
    return deck


def fill_old_database(apps) -> dict[str, object]:
    owner = apps.get_model("auth", "User").objects.create(username="ada")
    ready = old_deck(
        apps,
        owner,
        "Energiplan",
        status="ready",
        stage="done",
        revision=1,
        slide_count=2,
        file_type="pptx",
        converted_at=CREATED,
        attempts=1,
        error="The new file new.pdf could not be used.",
        error_message=REFUSED,
        replacement_name="",
    )
    failed = old_deck(
        apps,
        owner,
        "Trasig",
        status="failed",
        error="Only English, from long ago.",
        attempts=3,
    )
    waiting = old_deck(
        apps,
        owner,
        "Ny version",
        status="converting",
        stage="images",
        progress_done=1,
        progress_total=2,
        revision=1,
        replacement="originals/x/new.pptx",
        replacement_name="new.pptx",
        replacement_sha256="1" * 64,
        replacement_size=1234,
        near_duplicate_of=ready,
        hidden_by_staff=True,
        hidden_reason="Someone's address.",
    )
    apps.get_model("search", "SimilarPresentation").objects.create(
        deck=ready, other=waiting, rank=1, score=0.5, shared_words=["solceller"]
    )
    return {"ready": ready, "failed": failed, "waiting": waiting}


def index_as_before(deck) -> None:
    """The index as the old code left it: indexes outlive a migration untouched."""
    slides = tuple(SlideDoc(n, f"Energiplan {n}\nSolceller på taken") for n in (1, 2))
    doc = DeckDoc(deck.pk, "Energiplan", "", (), "sv", "", "ada", 2025, CREATED.timestamp(), slides)
    engine().index([doc])


def test_every_deck_keeps_its_conversion_state(old_schema):
    old = fill_old_database(old_schema)
    migrate(latest())
    ready = Conversion.objects.get(pk=old["ready"].pk)
    assert (ready.status, ready.stage, ready.file_type, ready.attempts) == (
        Status.READY,
        "done",
        "pptx",
        1,
    )
    assert ready.finished_at == CREATED
    assert ready.failure == REFUSED
    failed = Conversion.objects.get(pk=old["failed"].pk)
    assert failed.is_failed and failed.failure_text == "Only English, from long ago."
    waiting = Conversion.objects.get(pk=old["waiting"].pk)
    assert (waiting.status, waiting.progress_done, waiting.progress_total) == ("converting", 1, 2)
    assert waiting.replacement.name == "originals/x/new.pptx"
    assert (waiting.replacement_name, waiting.replacement_size) == ("new.pptx", 1234)


def test_slides_similar_lists_and_near_duplicates_come_through(old_schema):
    old = fill_old_database(old_schema)
    migrate(latest())
    assert Presentation.objects.count() == 3
    assert Slide.objects.filter(presentation_id=old["ready"].pk).count() == 2
    entry = SimilarPresentation.objects.get(deck_id=old["ready"].pk)
    assert (entry.other_id, entry.shared_words) == (old["waiting"].pk, ["solceller"])
    assert search.near_duplicates_of([old["waiting"].pk]) == {
        old["waiting"].pk: Presentation.objects.get(pk=old["ready"].pk)
    }


def test_staff_reasons_move_into_the_conversation(old_schema):
    old = fill_old_database(old_schema)
    migrate(latest())
    assert hiding_reason(Presentation.objects.get(pk=old["waiting"].pk)) == "Someone's address."


def test_search_hits_survive_the_migration(old_schema):
    old = fill_old_database(old_schema)
    index_as_before(old["ready"])
    migrate(latest())
    found = search.find("solceller")
    assert [hit.deck_id for hit in found.hits] == [old["ready"].pk]
