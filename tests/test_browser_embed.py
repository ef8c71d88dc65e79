"""The embed player in real Chromium, inside a page of another site (another origin): slides
turned by keyboard and by click, the start slide, any frame width, axe, the private notice,
and the share box's codes pasted into that other site's page."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from slideshelf.pages.embedding import BAR_HEIGHT
from slideshelf.presentations.models import Visibility
from tests.browser import WIDTHS, assert_no_axe_violations, horizontal_overflow
from tests.conftest import CORPUS, SQLITE_PASS_ONLY
from tests.factories import convert_now, deck_with_slides, draw_2x_now, upload
from tests.other_site import other_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), SQLITE_PASS_ONLY]


@pytest.fixture
def owner():
    return get_user_model().objects.create_user("ada", password="pw")


@pytest.fixture
def public(media, owner):
    return convert_now(upload(CORPUS / "pptx/mkd_test.pptx", owner=owner, title="AutoGen talk"))


@pytest.fixture
def unlisted(media, owner):
    return deck_with_slides(4, owner=owner, title="Board minutes", visibility=Visibility.UNLISTED)


@pytest.fixture
def site():
    with other_site() as running:
        yield running


def player(live_server, deck, query="") -> str:
    return f"{live_server.url}/embed/{deck.public_id}/{query}"


def frame_tag(src: str, name: str, width: int = 640, height: int = 408) -> str:
    return (
        f'<iframe id="{name}" src="{src}" width="{width}" height="{height}" '
        f'title="{name}" allowfullscreen style="border:0"></iframe>'
    )


def counter(frame) -> str:
    return frame.locator(".counter").inner_text()


def test_another_site_shows_a_public_and_an_unlisted_deck_that_turn(
    page, live_server, site, public, unlisted
):
    post = site.page(
        frame_tag(player(live_server, public), "public")
        + frame_tag(player(live_server, unlisted, "?slide=2"), "unlisted")
    )
    page.goto(post)
    first = page.frame_locator("#public")
    second = page.frame_locator("#unlisted")
    assert counter(first) == "Slide 1 of 6"
    assert counter(second) == "Slide 2 of 4", "it starts at ?slide=N"
    assert second.locator("img.current").get_attribute("src").endswith("/2.webp")

    # By keyboard: into the frame with Tab, then the keys the page's viewer knows.
    first.locator(".stage").focus()
    page.keyboard.press("ArrowRight")
    assert counter(first) == "Slide 2 of 6"
    page.keyboard.press("End")
    assert counter(first) == "Slide 6 of 6"
    page.keyboard.press("Home")
    assert counter(first) == "Slide 1 of 6"
    assert counter(second) == "Slide 2 of 4", "each frame keeps its own slide"

    # By click: the buttons, and the halves of the slide.
    second.get_by_role("link", name="Next slide").click()
    assert counter(second) == "Slide 3 of 4"
    assert second.locator("img.current").get_attribute("src").endswith("/3.webp")
    stage = second.locator(".stage").bounding_box()
    page.mouse.click(stage["x"] + stage["width"] * 0.1, stage["y"] + stage["height"] / 2)
    assert counter(second) == "Slide 2 of 4"
    assert "Part 2" in second.locator("img.current").get_attribute("alt")

    # The link back goes to the deck's page, at the slide shown, in a new tab.
    back = second.locator("a.embed-title")
    assert back.get_attribute("target") == "_blank"
    assert back.get_attribute("href") == unlisted.get_absolute_url() + "2/"
    assert page.url == post, "turning slides never moved the other site's page"


def test_the_player_never_scrolls_sideways_and_passes_axe_in_both_languages(
    browser, live_server, public
):
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 800})
        try:
            tab = context.new_page()
            for language, label in (("sv", "Bild 3 av 6"), ("en", "Slide 3 of 6")):
                tab.goto(player(live_server, public, f"?slide=3&lang={language}"))
                tab.wait_for_selector(".viewer.ready")
                assert tab.locator(".counter").inner_text() == label
                assert horizontal_overflow(tab) == 0, (width, language)
                title = tab.locator("a.embed-title").bounding_box()
                assert title["x"] + title["width"] <= width
                assert_no_axe_violations(tab)
        finally:
            context.close()


def test_frames_of_any_width_hold_the_player_without_overflow(page, live_server, site, public):
    post = site.page(
        frame_tag(player(live_server, public, "?slide=6"), "narrowest", 220, 170)
        + frame_tag(player(live_server, public), "narrow", 320, 240)
        + frame_tag(player(live_server, public), "wide", 1280, 720 + BAR_HEIGHT)
    )
    page.set_viewport_size({"width": 1400, "height": 1200})
    page.goto(post)
    frames = [frame for frame in page.frames if frame.url.startswith(live_server.url)]
    assert len(frames) == 3
    for frame in frames:
        frame.wait_for_selector(".viewer.ready")
        overflow = frame.evaluate("() => document.documentElement.scrollWidth - innerWidth")
        assert overflow == 0, frame.url
        box = frame.evaluate(
            "() => { const r = document.querySelector('.controls').getBoundingClientRect();"
            " return [r.bottom, innerHeight]; }"
        )
        assert box[0] <= box[1], "the bar is inside the frame"


def test_a_private_decks_frame_shows_the_notice(page, live_server, site, unlisted):
    unlisted.visibility = Visibility.PRIVATE
    unlisted.save()
    page.goto(site.page(frame_tag(player(live_server, unlisted), "private")))
    notice = page.frame_locator("#private").locator(".embed-notice")
    assert "This presentation is not available." in notice.inner_text()
    assert "Board minutes" not in notice.inner_text()


def test_the_share_boxs_codes_work_pasted_into_another_site(page, live_server, site, public):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(live_server.url + public.get_absolute_url() + "2/")
    page.wait_for_selector(".viewer.ready")
    page.get_by_text("Share", exact=True).click()
    assert page.locator("#share-page").input_value() == live_server.url + public.get_absolute_url()
    assert page.locator("#share-slide").input_value().endswith(public.get_absolute_url() + "2/")
    page.get_by_role("button", name="Next slide").click()
    assert page.locator("#share-slide").input_value().endswith(public.get_absolute_url() + "3/")
    assert page.locator('label[for="share-slide"]').inner_text() == "Link to slide 3"

    slide_link = page.locator("#share-slide").input_value()

    page.get_by_label("Size").select_option("480")
    page.get_by_label("Start at slide").fill("4")
    code = page.locator("#embed-code").input_value()
    page.locator('button.copy[data-field="embed-code"]').click()
    expect(page.locator(".copy-status")).to_have_text("Copied")
    assert page.evaluate("() => navigator.clipboard.readText()") == code

    page.goto(site.page(code))
    frame = page.locator("iframe")
    assert frame.get_attribute("width") == "480"
    box = frame.bounding_box()
    assert round(box["width"]) == 480
    inside = page.frame_locator("iframe")
    assert inside.locator(".counter").inner_text() == "Slide 4 of 6"
    inside.locator(".stage").focus()
    page.keyboard.press("ArrowLeft")
    assert inside.locator(".counter").inner_text() == "Slide 3 of 6"

    # The slide's link, pasted as a link, opens the deck at that slide.
    page.goto(site.page(f'<p><a href="{slide_link}">the third slide</a></p>'))
    page.get_by_role("link", name="the third slide").click()
    page.wait_for_selector(".viewer.ready")
    assert page.url == slide_link
    expect(page.locator(".viewer .counter")).to_have_text("Slide 3 of 6")


def test_without_javascript_the_codes_are_text_and_the_form_makes_new_ones(
    browser, live_server, public
):
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(live_server.url + public.get_absolute_url())
        tab.get_by_text("Share", exact=True).click()
        assert (
            tab.locator("#share-page").input_value() == live_server.url + public.get_absolute_url()
        )
        assert 'width="640"' in tab.locator("#embed-code").input_value()
        tab.get_by_label("Size").select_option("800")
        tab.get_by_label("Start at slide").fill("5")
        tab.get_by_role("button", name="Update the code").click()
        code = tab.locator("#embed-code").input_value()
        assert 'width="800"' in code and f"/embed/{public.public_id}/?slide=5" in code
        assert tab.locator("details.share").get_attribute("open") is not None
    finally:
        context.close()


@pytest.mark.parametrize(("scale", "picture"), [(1, "/2.webp"), (2, "/2@2x.webp")])
def test_the_player_picks_the_picture_for_the_screens_density(
    browser, live_server, public, scale, picture
):
    deck = draw_2x_now(public)
    # A frame as wide as the large picture at 1× (1600 px) on a screen of `scale` × density.
    context = browser.new_context(
        viewport={"width": 1600, "height": 1000}, device_scale_factor=scale
    )
    try:
        tab = context.new_page()
        tab.goto(player(live_server, deck, "?slide=2"))
        tab.wait_for_selector(".viewer.ready")
        assert tab.evaluate("() => document.querySelector('img.current').currentSrc").endswith(
            picture
        )
        tab.keyboard.press("Tab")  # the slide first, then the bar's controls in order
        assert tab.evaluate("() => document.activeElement.className") == "stage"
        tab.keyboard.press("Tab")
        assert tab.evaluate("() => document.activeElement.getAttribute('aria-label')") == (
            "Previous slide"
        )
        tab.keyboard.press("Enter")
        assert tab.locator(".counter").inner_text() == "Slide 1 of 6"
        assert tab.evaluate("() => document.querySelector('img.current').currentSrc").endswith(
            picture.replace("2", "1", 1)
        )
    finally:
        context.close()
