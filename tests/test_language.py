from __future__ import annotations

import pytest

from slideshelf.conversion.job import Job, SlideResult
from slideshelf.conversion.language import detect_language
from slideshelf.conversion.models import Status
from slideshelf.conversion.runtime import job_config
from slideshelf.conversion.stages.language import DetectLanguage
from slideshelf.conversion.types import SlideText
from tests.conftest import CORPUS
from tests.factories import convert_now, upload

SNIPPETS = [
    ("sv", "Välkommen till kursen\nDagens agenda\nGenomgång av laborationer"),
    ("sv", "Varför ska vi byta system?\nDet gamla är långsamt\nSvårt att underhålla"),
    ("sv", "Mål för nästa år\nÖka försäljningen\nAnställa tre utvecklare"),
    ("sv", "Fundera, planera och involvera."),
    ("sv", "Kvartalsrapport Q3 2024\nIntäkterna ökade med 12 procent\nNya kunder i Malmö"),
    ("en", "Welcome to the course\nToday's agenda\nReview of the lab work"),
    ("en", "Why should we switch systems?\nThe old one is slow\nHard to maintain"),
    ("en", "Goals for next year\nIncrease sales\nHire three developers"),
    ("en", "Quarterly report Q3 2024\nRevenue grew by 12 percent\nNew customers in Leeds"),
    ("de", "Warum sollten wir das System wechseln?\nDas alte ist langsam und schwer zu warten"),
    ("fr", "Pourquoi changer de système ?\nL'ancien est lent et difficile à maintenir"),
    ("fi", "Miksi meidän pitäisi vaihtaa järjestelmää?\nVanha on hidas ja vaikea ylläpitää"),
]


@pytest.mark.parametrize(("expected", "text"), SNIPPETS)
def test_it_tells_the_language_of_slide_sized_text(expected, text):
    assert detect_language(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Summary",
        "Frågor?",
        "2023 2024 Q1 Q2 100 % 45 kr 3.14",
        "https://example.com/a/very/long/path/to/somewhere www.example.org/x",
        "Anna Svensson, Erik Johansson",  # names only: enough letters, too little language
    ],
)
def test_it_says_nothing_when_the_text_is_too_short_or_unsure(text):
    assert detect_language(text) == ""


def test_addresses_and_numbers_do_not_sway_it():
    text = "https://example.com/docs 2024-05-01 Välkommen till kursen, dagens agenda"
    assert detect_language(text) == "sv"


def test_it_returns_only_two_letter_codes():
    """The model knows languages without an ISO 639-1 code; those come back as unknown."""
    acehnese = "Ureueng Aceh nyang na lam nanggroe geutanyoe hana jeut tatinggai adat ngon budaya"
    assert detect_language(acehnese) == ""  # langid says "ace"


def _job(tmp_path, language: str, *texts: SlideText) -> Job:
    job = Job(tmp_path / "original", tmp_path, job_config(), language=language)
    job.slides = [SlideResult(text, "structure") for text in texts]
    return job


def test_the_stage_sets_the_language_from_titles_bodies_and_notes(tmp_path):
    job = _job(
        tmp_path,
        "",
        SlideText(title="Dagens agenda"),
        SlideText(body="Bakgrund och mål", notes="Berätta kort om varför vi startade projektet"),
    )
    DetectLanguage().run(job)
    assert job.language == job.detected_language == "sv"


def test_the_stage_keeps_the_owners_language(tmp_path):
    job = _job(tmp_path, "en", SlideText(title="Varför ska vi byta system? Det gamla är långsamt"))
    DetectLanguage().run(job)
    assert job.language == "en" and job.detected_language == ""


def test_the_stage_leaves_the_language_unknown_when_the_text_is_too_short(tmp_path):
    job = _job(tmp_path, "", SlideText(title="Agenda"), SlideText())
    DetectLanguage().run(job)
    assert job.language == job.detected_language == ""


@pytest.mark.django_db(transaction=True)
def test_a_swedish_deck_is_stored_as_swedish(media):
    deck = convert_now(upload(CORPUS / "ppt/poi_41071.ppt"))
    assert deck.conversion.status == Status.READY, deck.conversion.failure_english
    assert deck.language == "sv"


@pytest.mark.django_db(transaction=True)
def test_an_english_deck_is_stored_as_english(media):
    deck = convert_now(upload(CORPUS / "pptx/mkd_test.pptx"))
    assert deck.conversion.status == Status.READY, deck.conversion.failure_english
    assert deck.language == "en"


@pytest.mark.django_db(transaction=True)
def test_the_language_the_owner_gave_is_kept(media):
    deck = convert_now(upload(CORPUS / "pptx/mkd_test.pptx", language="sv"))
    assert deck.conversion.status == Status.READY, deck.conversion.failure_english
    assert deck.language == "sv"


@pytest.mark.django_db(transaction=True)
def test_a_deck_whose_language_cannot_be_told_stays_unknown(media):
    deck = convert_now(upload(CORPUS / "pptx/unst_fake-power-point-table.pptx"))
    assert deck.conversion.status == Status.READY, deck.conversion.failure_english
    assert deck.language == ""


@pytest.mark.django_db(transaction=True)
def test_an_image_only_deck_takes_its_language_from_the_recognised_text(media):
    deck = convert_now(upload(CORPUS / "pdf/unst_loremipsum-flat.pdf"))
    assert deck.slides.get().text_source == "ocr"
    assert deck.language == "la"  # lorem ipsum is pseudo-Latin, and langid hears Latin
