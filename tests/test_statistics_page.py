"""The owner's statistics page: its numbers, who may see it, and the totals for /my/."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from slideshelf.pages import counter
from slideshelf.statistics.models import Kind
from slideshelf.statistics.report import Totals, totals_by_deck
from tests.factories import text_deck
from tests.uploading import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return make_user("owner")


@pytest.fixture
def deck(owner):
    return text_deck(owner, "Budget 2027", [f"Part {n}\nWords" for n in range(1, 5)])


def cells(html: str, row_header: str) -> list[str]:
    row = re.search(rf"<th scope=\"row\">{re.escape(row_header)}</th>(.*?)</tr>", html, re.S)
    assert row, row_header
    return re.findall(r"<td>(.*?)</td>", row.group(1))


def test_the_owner_sees_views_reach_downloads_and_player_views(client, deck, owner):
    for slide in (1, 1, 1, 2):
        counter.count_view(deck.pk, Kind.PAGE, slide)
    counter.count_view(deck.pk, Kind.EMBED, 1)
    counter.count_reach(deck.pk, 1, 3)
    counter.count_download(deck.pk, Kind.PDF)
    client.force_login(owner)
    html = client.get(reverse("deck-statistics", args=[deck.public_id])).content.decode()
    assert "5 views" in html
    today = timezone.localdate()
    assert cells(html, f'<time datetime="{today:%Y-%m-%d}">{today:%a %-d %b}</time>') == [
        "4",
        "1",
        "5",
    ]
    # Five views: one went on to slide 3, one opened at slide 2.
    assert cells(html, "1") == ["5", "100%"]
    assert cells(html, "2") == ["2", "40%"]
    assert cells(html, "3") == ["1", "20%"]
    assert cells(html, "4") == ["0", "0%"]
    assert cells(html, "Downloads as PDF") == ["1", "1"]
    assert cells(html, "Views in other sites") == ["1", "1"]
    assert html.count('role="img"') == 2 and html.count("<table") == 3


def test_staff_may_see_it_and_other_people_get_404(client, deck):
    client.force_login(make_user("someone"))
    assert client.get(reverse("deck-statistics", args=[deck.public_id])).status_code == 404
    client.force_login(make_user("staff", is_staff=True))
    assert client.get(reverse("deck-statistics", args=[deck.public_id])).status_code == 200


def test_an_anonymous_visitor_is_sent_to_log_in(client, deck):
    response = client.get(reverse("deck-statistics", args=[deck.public_id]))
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_totals_by_deck_are_read_in_one_query(deck, owner, django_assert_num_queries):
    quiet = text_deck(owner, "Quiet", ["One\nslide"])
    counter.count_view(deck.pk, Kind.PAGE, 1)
    counter.count_view(deck.pk, Kind.PAGE, 2)
    counter.count_view(deck.pk, Kind.EMBED, 1)
    counter.count_download(deck.pk, Kind.ORIGINAL)
    counter.count_download(deck.pk, Kind.PDF)
    with django_assert_num_queries(1):
        totals = totals_by_deck([deck.pk, quiet.pk])
    assert totals == {deck.pk: Totals(views=2, embed_views=1, downloads=2), quiet.pk: Totals()}
