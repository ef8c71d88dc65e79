"""An 800-slide deck's page: every word in the HTML, the first slides' images, the rest later."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache

from slideshelf.presentations.models import Slide
from tests.factories import deck_with_slides

pytestmark = pytest.mark.django_db(transaction=True)
SLIDES = 800


@pytest.fixture
def big(media):
    return deck_with_slides(SLIDES, title="Eight hundred slides", language="en")


def noscript_images(html: str) -> list[str]:
    block = html.split('<ol class="all-slides"')[1].split("</ol>")[0]
    return re.findall(r'<li id="s(\d+)"><img ', block)


def test_every_slide_is_in_the_transcript_and_only_the_first_have_images(client, big):
    html = client.get(big.get_absolute_url()).content.decode()
    assert html.count('<section id="slide-') == SLIDES
    assert all(f"marker{n}x." in html for n in range(1, SLIDES + 1)), "every word stays"
    assert html.count("<img ") <= 3 * 20 + 1, "strip, no-script block and transcript: 20 each"
    assert html.count("data-thumb=") == SLIDES - 20, "the script adds the others' thumbnails"
    assert noscript_images(html) == [str(n) for n in range(1, 21)]
    assert 'data-count="800"' in html and "Slide 1 of 800" in html
    assert len(html) < 900_000, f"{len(html):,} bytes"


def test_a_slide_address_deep_in_the_deck_opens_there_with_its_block(client, big):
    html = client.get(big.get_absolute_url() + "437/").content.decode()
    assert 'data-start="437"' in html and "Slide 437 of 800" in html
    assert f'<img class="current" src="{big.slide_image_prefix}437.webp"' in html
    assert noscript_images(html) == [str(n) for n in range(421, 441)]
    base = big.get_absolute_url()
    assert f'<a href="{base}401/">Slides 401–420</a>' in html
    assert "Slides 421–440 of 800" in html
    assert f'<a href="{base}441/">Slides 441–460</a>' in html


def test_the_last_block_ends_at_the_last_slide(client, big):
    html = client.get(big.get_absolute_url() + "800/").content.decode()
    assert noscript_images(html) == [str(n) for n in range(781, 801)]
    assert "Slides 781–800 of 800" in html and "Slides 801" not in html


def test_the_transcript_is_rendered_once_for_every_slide_address(client, big, settings):
    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    client.get(big.get_absolute_url())
    # A change the deck's version does not record: only a cached transcript still says "old".
    Slide.objects.filter(presentation=big, number=700).update(text="changed behind its back")
    signed_in = get_user_model().objects.create_user("reader", password="pw")
    client.force_login(signed_in)  # signed-in visitors get no cached page, but this part
    html = client.get(big.get_absolute_url() + "12/").content.decode()
    assert "marker700x." in html and "changed behind its back" not in html
    big.save()  # a real edit moves updated_at, and with it the transcript's key
    assert "changed behind its back" in client.get(big.get_absolute_url()).content.decode()


def test_a_search_that_led_here_marks_words_deep_in_the_deck(client, big):
    html = client.get(big.get_absolute_url() + "?q=marker612x").content.decode()
    assert "<mark>marker612x</mark>" in html
