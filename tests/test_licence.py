"""The licence: chosen on upload and edit, shown on the page and told to search engines."""

from __future__ import annotations

import json
import re

import pytest

from slideshelf.presentations.models import Licence, Presentation
from tests.conftest import CORPUS
from tests.factories import upload
from tests.uploading import files_in, make_user

pytestmark = pytest.mark.django_db(transaction=True)

PDF = CORPUS / "pdf/pdfjs_german-umlaut-r.pdf"
JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def owner():
    return make_user("ada")


def deck(owner, **fields) -> Presentation:
    """A deck that counts as converted, without running the conversion."""
    made = upload(PDF, owner=owner, title="Umlaute", **fields)
    made.revision = 1
    made.save(update_fields=["revision"])
    return made


def json_ld(html: str) -> dict:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert found
    return json.loads(found.group(1))


def post_upload(client, **fields):
    with PDF.open("rb") as handle:
        return client.post("/upload/", {"file": handle, "visibility": "public", **fields}, **JSON)


def test_upload_form_offers_the_licences_with_all_rights_reserved_first(client, owner):
    client.force_login(owner)
    html = client.get("/upload/").content.decode()
    assert '<label for="id_licence">Licence</label>' in html
    assert '<option value="all-rights-reserved" selected>All rights reserved</option>' in html
    assert '<option value="cc-by-4.0">CC BY 4.0: share and adapt, with credit</option>' in html
    assert "Creative Commons licences let others share your slides" in html


def test_upload_stores_the_chosen_licence(client, media, owner):
    client.force_login(owner)
    assert post_upload(client, licence="cc-by-sa-4.0").status_code == 201
    assert Presentation.objects.get().licence == Licence.CC_BY_SA


def test_upload_without_a_licence_is_all_rights_reserved(client, media, owner):
    client.force_login(owner)
    assert post_upload(client).status_code == 201
    assert Presentation.objects.get().licence == Licence.ALL_RIGHTS_RESERVED


def test_unknown_licence_is_refused_with_400_and_nothing_is_stored(client, media, owner):
    client.force_login(owner)
    before = files_in(media)
    response = post_upload(client, licence="gpl-3.0")
    assert response.status_code == 400
    assert response.json()["error"].startswith("Licence:")
    assert Presentation.objects.count() == 0
    assert files_in(media) == before


def test_owner_changes_the_licence_on_the_edit_page(client, media, owner):
    mine = deck(owner)
    client.force_login(owner)
    url = f"/my/{mine.public_id}/edit/"
    assert '<option value="all-rights-reserved" selected>' in client.get(url).content.decode()
    response = client.post(url, {"title": "Umlaute", "visibility": "public", "licence": "cc0-1.0"})
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.licence == Licence.CC0
    assert '<option value="cc0-1.0" selected>' in client.get(url).content.decode()


def test_unknown_licence_on_edit_is_refused_with_400(client, media, owner):
    mine = deck(owner, licence=Licence.CC_BY)
    client.force_login(owner)
    data = {"title": "Changed", "visibility": "public", "licence": "mine-all-mine"}
    response = client.post(f"/my/{mine.public_id}/edit/", data)
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    mine.refresh_from_db()
    assert (mine.title, mine.licence) == ("Umlaute", Licence.CC_BY)


def test_another_user_cannot_change_the_licence(client, media, owner):
    mine = deck(owner)
    client.force_login(make_user("bob"))
    data = {"title": "Umlaute", "visibility": "public", "licence": "cc0-1.0"}
    assert client.post(f"/my/{mine.public_id}/edit/", data).status_code == 404
    assert Presentation.objects.get().licence == Licence.ALL_RIGHTS_RESERVED


def test_page_links_a_creative_commons_licence_with_rel_license(client, media, owner):
    mine = deck(owner, licence=Licence.CC_BY_NC)
    html = client.get(mine.get_absolute_url()).content.decode()
    link = (
        '<a href="https://creativecommons.org/licenses/by-nc/4.0/" rel="license">CC BY-NC 4.0</a>'
    )
    assert f'<p class="licence">Licence: {link}</p>' in html
    assert json_ld(html)["license"] == "https://creativecommons.org/licenses/by-nc/4.0/"


def test_swedish_visitors_get_the_swedish_deed(client, media, owner):
    mine = deck(owner, licence=Licence.CC0)
    html = client.get(mine.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert 'href="https://creativecommons.org/publicdomain/zero/1.0/deed.sv" rel="license"' in html
    assert json_ld(html)["license"] == "https://creativecommons.org/publicdomain/zero/1.0/"


def test_all_rights_reserved_is_said_without_a_licence_link(client, media, owner):
    mine = deck(owner)
    html = client.get(mine.get_absolute_url()).content.decode()
    assert '<p class="licence">Licence: All rights reserved</p>' in html
    assert 'rel="license"' not in html
    assert "license" not in json_ld(html)
