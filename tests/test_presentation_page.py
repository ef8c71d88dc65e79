from __future__ import annotations

import io
import re

import lxml.html
import pytest
from django.contrib.auth import get_user_model
from PIL import Image

from slideshelf.presentations.models import Presentation, Visibility
from slideshelf.presentations.records import slide_record
from tests.conftest import CORPUS
from tests.factories import convert_now, draw_2x_now, text_deck, upload

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def owner():
    return get_user_model().objects.create_user("owner", password="pw")


@pytest.fixture
def deck(media, owner):
    return convert_now(upload(CORPUS / "pptx/mkd_test.pptx", owner=owner, title="AutoGen talk"))


def test_page_shows_title_images_and_numbered_transcript(client, deck):
    response = client.get(deck.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    # The title is in the deck's language (detected: English), the words around it in the visitor's.
    assert 'A presentation on the topic: <span lang="en">AutoGen talk</span>' in html
    noscript = html.split('<ol class="all-slides">')[1].split("</ol>")[0]
    assert noscript.count("<img ") == 6, "without JavaScript every slide image is shown"
    assert 'id="slide-6"' in html and "ColA | ColB" in html
    assert "Speaker notes" not in html  # this deck has none
    assert f'href="/p/{deck.public_id}/download/"' in html


def test_chart_data_is_in_the_transcript_as_table_text(client, deck):
    html = client.get(deck.get_absolute_url()).content.decode()
    chart_slide = html.split('id="slide-4"')[1].split("</section>")[0]
    assert '<p class="table-text"> | Series 1<br>2000 | 2000<br>2001 | 2001<br>' in chart_slide


def test_short_and_stale_addresses_redirect_to_the_canonical_one(client, deck):
    assert client.get(f"/p/{deck.public_id}/")["Location"] == deck.get_absolute_url()
    stale = client.get(f"/p/{deck.public_id}/old-name/3/")
    assert stale.status_code == 301
    assert stale["Location"] == deck.get_absolute_url() + "3/"


def test_private_deck_is_404_for_others_and_shown_to_its_owner(client, deck, owner):
    deck.visibility = Visibility.PRIVATE
    deck.save()
    assert client.get(deck.get_absolute_url()).status_code == 404
    image = deck.slides.first().image_url()
    assert client.get(image).status_code == 404
    assert client.get(f"/p/{deck.public_id}/download/").status_code == 404
    client.force_login(owner)
    assert client.get(deck.get_absolute_url()).status_code == 200


def test_download_of_the_original_is_an_attachment_with_its_name(client, deck):
    response = client.get(f"/p/{deck.public_id}/download/")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="mkd_test.pptx"'
    assert b"".join(response.streaming_content)[:2] == b"PK"
    pdf = client.get(f"/p/{deck.public_id}/download/pdf/")
    assert pdf["Content-Type"] == "application/pdf"


def test_download_is_404_when_the_owner_does_not_allow_it(client, deck):
    deck.download_allowed = False
    deck.save()
    assert client.get(f"/p/{deck.public_id}/download/").status_code == 404
    assert "download/" not in client.get(deck.get_absolute_url()).content.decode()


def test_slide_images_are_cached_for_good_under_their_revision(client, deck):
    response = client.get(deck.slides.first().image_url())
    assert response["Content-Type"] == "image/webp"
    assert "immutable" in response["Cache-Control"]
    old = f"/p/{deck.public_id}/r{deck.revision + 1}.{deck.audience}/1.webp"
    assert client.get(old).status_code == 404


def test_failed_deck_page_says_why(client, media):
    failed = convert_now(upload(CORPUS / "broken/unst_password.pdf"))
    html = client.get(failed.get_absolute_url()).content.decode()
    assert "password-protected" in html
    assert html.count('class="about"') == 1, "its details, once, without a viewer"


def test_details_follow_the_viewer_in_its_column_beside_the_similar_list(client, deck):
    """However long the similar list beside the viewer, the details come right under it."""
    tree = lxml.html.fromstring(client.get(deck.get_absolute_url()).content)
    (column,) = tree.xpath('//div[@class="deck-top"]/div[@class="deck-main"]')
    assert [child.get("class") for child in column] == ["viewer", "about"]
    assert len(tree.xpath('//div[@class="about"]')) == 1


def test_slide_address_opens_the_viewer_at_that_slide(client, deck):
    html = client.get(deck.get_absolute_url() + "5/").content.decode()
    fifth = deck.slides.get(number=5)
    assert 'data-start="5"' in html
    assert f'<img class="current" src="{fifth.image_url()}"' in html
    assert "Slide 5 of 6" in html


def test_slide_number_past_the_end_shows_the_last_slide(client, deck):
    assert 'data-start="6"' in client.get(deck.get_absolute_url() + "99/").content.decode()


def test_json_ld_describes_the_deck_with_its_transcript(client, deck):
    import json
    import re

    html = client.get(deck.get_absolute_url()).content.decode()
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(raw)
    assert data["@type"] == "PresentationDigitalDocument"
    assert data["name"] == "AutoGen talk"
    assert data["numberOfPages"] == 6
    assert data["text"].startswith("1 AutoGen")
    assert data["url"].endswith(deck.get_absolute_url())


def test_sharing_tags_carry_the_first_slide_image(client, deck):
    html = client.get(deck.get_absolute_url()).content.decode()
    first = deck.slides.get(number=1)
    assert f'<meta property="og:image" content="http://testserver{first.image_url()}">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert f'<link rel="canonical" href="http://testserver{deck.get_absolute_url()}">' in html


def test_views_are_counted_without_setting_any_cookie(client, deck):
    response = client.get(deck.get_absolute_url())
    client.get(deck.get_absolute_url(), HTTP_USER_AGENT="Googlebot/2.1")
    assert response.cookies == {}
    deck.refresh_from_db()
    assert deck.view_count == 1


def test_owner_views_are_not_counted(client, deck, owner):
    client.force_login(owner)
    client.get(deck.get_absolute_url())
    deck.refresh_from_db()
    assert deck.view_count == 0


def test_transcript_takes_the_language_of_the_deck(client, deck):
    deck.language = "sv"
    deck.save()
    html = client.get(deck.get_absolute_url()).content.decode()
    assert 'aria-labelledby="transcript-heading" lang="sv">' in html


def test_speaker_notes_are_set_apart_and_labelled(client, media):
    noted = convert_now(upload(CORPUS / "pptx/pypptx_prs-notes.pptx"))
    html = client.get(noted.get_absolute_url()).content.decode()
    assert '<aside class="notes" aria-label="Speaker notes"><h4>Speaker notes</h4>' in html


@pytest.mark.slow
def test_page_of_a_50_slide_deck_is_under_100_kb_of_html(client, media, tmp_path):
    from bench.sample_deck import make_text_deck

    deck = convert_now(upload(make_text_deck(tmp_path / "fifty.pptx", slides=50)))
    assert deck.slide_count == 50
    html = client.get(deck.get_absolute_url()).content
    assert len(html) < 100_000, f"{len(html):,} bytes"
    assert html.count(b'<section id="slide-') == 50
    assert html.count(b'loading="lazy"') == 3 * 20 - 1, "all but the first slide load lazily"
    assert html.count(b"data-thumb=") == 30, "later thumbnails come as the reader scrolls"


def test_anonymous_page_is_served_from_the_cache_until_the_deck_changes(client, deck, settings):
    settings.PAGE_CACHE_SECONDS = 60
    first = client.get(deck.get_absolute_url()).content.decode()
    deck.description = "A new description"
    Presentation.objects.filter(pk=deck.pk).update(description=deck.description)
    assert "A new description" not in client.get(deck.get_absolute_url()).content.decode()
    deck.save()  # a real edit moves updated_at, and with it the cache key
    assert "A new description" in client.get(deck.get_absolute_url()).content.decode()
    assert first.count("<h1>") == 1


def test_signed_in_visitors_never_get_a_cached_page(client, deck, owner, settings):
    settings.PAGE_CACHE_SECONDS = 60
    client.get(deck.get_absolute_url())
    Presentation.objects.filter(pk=deck.pk).update(description="Fresh")
    client.force_login(owner)
    assert "Fresh" in client.get(deck.get_absolute_url()).content.decode()


def test_deck_titled_like_an_action_gets_an_address_of_its_own(media):
    deck = upload(CORPUS / "pdf/pdfjs_german-umlaut-r.pdf", title="Download")
    assert deck.get_absolute_url() == f"/p/{deck.public_id}/download-deck/"


@pytest.mark.parametrize("code", ["la", "mt"])
def test_a_language_nobody_has_a_name_for_still_shows_the_page(client, media, code):
    deck = text_deck(None, "Lingua", ["Prima\nverba"], code)
    html = client.get(deck.get_absolute_url()).content.decode()
    assert f" · <span>{code}</span>" in html


def test_a_language_django_lacks_is_named_by_slideshelf(client, media):
    deck = text_deck(None, "Zhongwen", ["Prima\nverba"], "zh")
    html = client.get(deck.get_absolute_url()).content.decode()
    assert " · <span>Chinese</span>" in html


def test_the_transcript_shows_each_slides_image_descriptions_but_no_file_names(client, deck):
    html = client.get(deck.get_absolute_url()).content.decode()
    assert (
        '<p class="alt-texts"><span class="label">Image descriptions:</span> '
        "This phrase of the caption is Human-written.</p>"
    ) in html
    marked = client.get(deck.get_absolute_url() + "?q=caption").content.decode()
    assert "This phrase of the <mark>caption</mark> is Human-written." in marked
    # python-pptx wrote each picture's file name ("python-logo.gif") as its description.
    named = convert_now(upload(CORPUS / "pptx/pypptx_test_slides.pptx"))
    html = client.get(named.get_absolute_url()).content.decode()
    assert 'class="alt-texts"' not in html and "python-logo" not in html
    assert slide_record(named.slides.get())["alt_texts"] == []  # as `show --json` has it


def offering_srcset(html: str) -> list[str]:
    return [tag for tag in re.findall(r"<img [^>]*>", html) if " srcset=" in tag]


def assert_each_candidate_is_there(client, tag: str) -> None:
    """Both files of the tag's srcset are served, each as wide as its w-descriptor says."""
    assert re.search(r' sizes="[^"]+"', tag), tag
    candidates = [c.split(" ") for c in re.search(r' srcset="([^"]+)"', tag)[1].split(", ")]
    assert [url.endswith("@2x.webp") for url, _ in candidates] == [False, True], tag
    for url, width in candidates:
        response = client.get(url)
        assert response.status_code == 200 and response["Content-Type"] == "image/webp"
        with Image.open(io.BytesIO(b"".join(response.streaming_content))) as image:
            assert f"{image.size[0]}w" == width


def test_every_slide_picture_offers_its_2x_file_which_is_there_to_fetch(client, deck):
    deck = draw_2x_now(deck)
    html = client.get(deck.get_absolute_url()).content.decode()
    tags = offering_srcset(html)
    # The viewer's picture, and each slide's in the strip, without JavaScript and beside its text.
    assert len(tags) == 1 + 3 * deck.slide_count
    for tag in tags:
        assert_each_candidate_is_there(client, tag)
    # For the slides the viewer's script adds, and the frame in the deck's shape (16:9).
    assert 'data-widths="1600 2400" data-thumb-widths="320 640"' in html
    assert '<canvas class="frame" width="1600" height="900" aria-hidden="true">' in html


def test_cards_and_search_results_offer_2x_thumbnails_too(client, deck):
    deck = draw_2x_now(deck)
    for address in ("/", "/search/?q=AutoGen"):
        tags = offering_srcset(client.get(address).content.decode())
        assert tags, f"no srcset on {address}"
        for tag in tags:
            assert_each_candidate_is_there(client, tag)


def test_a_deck_converted_before_2x_pictures_offers_its_1x_ones_alone(client, deck):
    html = client.get(deck.get_absolute_url()).content.decode()
    assert " srcset=" not in html and "data-widths" not in html
    assert html.count(f'<img class="current" src="{deck.slides.first().image_url()}" width=') == 1
    for address in ("/", "/search/?q=AutoGen"):
        assert " srcset=" not in client.get(address).content.decode()
