"""The site's own pages for 400, 403 (a refused CSRF token too), 404, 429 and 500: the site's
look, the visitor's language, a search box and a way home, the status kept, and none kept by a
shared cache. The 500 page renders with the database gone and with a context processor failing."""

from __future__ import annotations

import copy

import pytest
from django.db import OperationalError, connection
from django.test import Client

pytestmark = pytest.mark.django_db

SEARCH_BOX = '<form role="search" action="/search/" method="get" class="search-form">'
HOME_LINK = '<a href="/">'

# path: (status, English heading, Swedish heading)
PAGES = {
    "/test-errors/400/": (400, "The request could not be read", "Förfrågan kunde inte läsas"),
    "/test-errors/403/": (403, "You may not see this page", "Du har inte behörighet till sidan"),
    "/no-such-page/": (404, "Page not found", "Sidan finns inte"),
    "/p/nosuchdeck/": (404, "Page not found", "Sidan finns inte"),
    "/test-errors/429/": (429, "Too many reports", "För många anmälningar"),
    "/test-errors/500/": (500, "Something went wrong", "Något gick fel"),
}


@pytest.fixture(autouse=True)
def failing_views(settings):
    settings.ROOT_URLCONF = "tests.error_urls"


def visitor(language: str = "en") -> Client:
    client = Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE=language)
    return client


def is_error_page(response, status: int, heading: str) -> bool:
    page = response.content.decode()
    return (
        response.status_code == status
        and f"<h1>{heading}</h1>" in page
        and SEARCH_BOX in page
        and 'name="q"' in page
        and HOME_LINK in page
        and '<link rel="stylesheet" href="/static/slideshelf/site.css">' in page
    )


def test_the_tests_see_the_pages_visitors_see_not_djangos_technical_ones(settings):
    assert settings.DEBUG is False


@pytest.mark.parametrize("path", PAGES)
def test_each_error_page_is_in_the_sites_look_in_english(path):
    status, heading, _ = PAGES[path]
    response = visitor("en").get(path)
    assert is_error_page(response, status, heading)
    assert '<html lang="en">' in response.content.decode()


@pytest.mark.parametrize("path", PAGES)
def test_each_error_page_is_in_swedish_for_a_swedish_visitor(path):
    status, _, heading = PAGES[path]
    response = visitor("sv").get(path)
    assert '<html lang="sv">' in response.content.decode()
    assert is_error_page(response, status, heading)


@pytest.mark.parametrize("path", ["/no-such-page/", "/test-errors/500/", "/test-errors/403/"])
def test_error_pages_are_never_kept_by_a_shared_cache(path):
    response = visitor().get(path)
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control


def test_the_404_page_says_what_to_do(client):
    page = visitor().get("/no-such-page/").content.decode()
    assert "search for what you were looking for, or start from the home page" in page


def test_a_signed_in_person_sees_their_name_on_the_404_page(django_user_model):
    ada = django_user_model.objects.create_user("ada", password="x")
    client = visitor()
    client.force_login(ada)
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert 'href="/account/profile/">ada</a>' in response.content.decode()


def test_a_request_for_an_unknown_host_gets_the_400_page():
    response = visitor().get("/", HTTP_HOST="elsewhere.example")
    assert is_error_page(response, 400, "The request could not be read")


def test_a_form_sent_without_its_csrf_token_gets_the_sites_403_page():
    client = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="en")
    response = client.post("/login/", {"username": "ada", "password": "x"})
    assert is_error_page(response, 403, "The form could not be sent")
    assert "reload the page and send the form again" in response.content.decode()
    assert "CSRF" not in response.content.decode()


def test_the_csrf_page_is_in_swedish_for_a_swedish_visitor():
    client = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="sv")
    response = client.post("/login/", {"username": "ada", "password": "x"})
    assert is_error_page(response, 403, "Formuläret kunde inte skickas")


def test_too_many_tries_at_a_password_reset_gets_the_error_look(settings):
    settings.PASSWORD_RESETS_PER_HOUR = 1
    client = visitor()
    client.post("/password-reset/", {"email": "nobody@example.org"})
    response = client.post("/password-reset/", {"email": "nobody@example.org"})
    assert is_error_page(response, 429, "Too many tries")
    assert "Too many password resets" in response.content.decode()


def refuse_every_query(execute, sql, params, many, context):
    raise OperationalError("could not connect to server: Connection refused")


def test_the_500_page_renders_when_the_database_cannot_be_reached(django_user_model):
    """A signed-in visitor: a page rendered with the usual context would read the session and
    the user from the database. Django's execute-wrapper hook stands for a database that does
    not answer, on SQLite and PostgreSQL alike."""
    client = visitor()
    client.force_login(django_user_model.objects.create_user("ada", password="x"))
    with connection.execute_wrapper(refuse_every_query):
        broken = client.get("/test-errors/500/")
        # The hook works: a page that does read the session fails, and gets the 500 page.
        missing = client.get("/no-such-page/")
    assert is_error_page(broken, 500, "Something went wrong")
    assert is_error_page(missing, 500, "Something went wrong")
    assert client.get("/no-such-page/").status_code == 404


def test_the_500_page_renders_when_a_context_processor_fails(settings):
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["OPTIONS"]["context_processors"].append("tests.error_urls.failing_context")
    settings.TEMPLATES = templates
    assert is_error_page(visitor().get("/test-errors/500/"), 500, "Something went wrong")
    assert is_error_page(visitor().get("/test-errors/400/"), 400, "The request could not be read")
