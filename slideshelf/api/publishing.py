"""Publishing through the API: upload, change a deck's details, give it a new file, delete it,
and follow its conversion. The same forms check what is sent as on the site, the same
lifecycle does the work, and the same hourly upload limit counts the files.

A write is done as a person: one whose token may write, or a browser signed in to the site
that sends the site's CSRF token, as its forms do. A deck the person may not change is a 404.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any, Literal

from django.conf import settings
from django.contrib.auth.models import User
from django.db import DatabaseError
from django.forms import Form
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import File, Schema, Status
from ninja import Form as FormData
from ninja.files import UploadedFile
from ninja.params.functions import File as files_param

from slideshelf.api import routes
from slideshelf.api.authentication import WRITERS, writer_of
from slideshelf.api.problems import Problem, invalid_request
from slideshelf.api.schemas import PROBLEMS, DeckDetailOut, ProblemOut
from slideshelf.lib.addresses import absolute
from slideshelf.lib.files import StoreUnavailable, is_disk_full
from slideshelf.presentations import access
from slideshelf.presentations.models import Presentation
from slideshelf.studio import lifecycle
from slideshelf.studio.forms import DeckDetailsForm, ReplaceForm, UploadForm
from slideshelf.studio.limits import take_uploads

router = routes.decks

Visibility = Literal["public", "unlisted", "private"]
HOUR = 3600


class UploadDetails(Schema):
    """The details every file of one upload gets, as form fields beside the files."""

    title: str = ""
    description: str = ""
    tags: str = ""  # separated by commas
    language: str = ""
    visibility: Visibility = "public"
    download_allowed: bool = True
    licence: str = ""
    collection: str = ""  # a collection's slug


class DetailsChange(Schema):
    """The details to change; what is left out stays as it is."""

    title: str | None = None
    description: str | None = None
    tags: list[str] | None = None
    language: str | None = None
    visibility: Visibility | None = None
    download_allowed: bool | None = None
    licence: str | None = None
    collection: str | None = None  # a collection's slug; "" takes the deck out of its own


class ConversionOut(Schema):
    status: str
    stage: str
    done: int
    total: int
    error: str
    deck_url: str


@router.post(
    "/decks/",
    response={201: list[DeckDetailOut], PROBLEMS: ProblemOut},
    summary="Upload one or more files, each a new deck",
    auth=WRITERS,
    url_name="api-upload",
)
def upload(
    request: HttpRequest,
    details: FormData[UploadDetails],
    file: Annotated[
        list[UploadedFile],
        files_param(min_length=1, max_length=settings.DATA_UPLOAD_MAX_NUMBER_FILES),
    ],
) -> Status[list[Presentation]]:
    user = writer_of(request)
    form = _checked(UploadForm(_form_data(details.dict(), user), request.FILES, user=user))
    files = form.cleaned_data["file"]
    with _room():
        if not take_uploads(user, len(files)):
            raise _too_many()
        decks = [lifecycle.create_uploaded(one, user, form.cleaned_data) for one in files]
    return Status(201, decks)


@router.patch(
    "/decks/{public_id}/",
    response={200: DeckDetailOut, PROBLEMS: ProblemOut},
    summary="Change a deck's details",
    auth=WRITERS,
    url_name="api-change-deck",
)
def change(request: HttpRequest, public_id: str, changes: DetailsChange) -> Presentation:
    user = writer_of(request)
    deck = access.changeable_or_404(user, public_id)
    current = lifecycle.details_of(deck)
    asked = {name: value for name, value in changes.dict().items() if value is not None}
    if "tags" in asked:
        asked["tags"] = ", ".join(asked["tags"])
    merged = {**current, **asked}
    data = _form_data(merged, user, collection_given="collection" in asked)
    form = _checked(DeckDetailsForm(data, initial=current, user=user))
    lifecycle.change_details(deck, form.cleaned_data)
    deck.refresh_from_db()
    return deck


# POST, not PUT: Django reads multipart bodies of POST requests only.
@router.post(
    "/decks/{public_id}/file/",
    response={202: DeckDetailOut, PROBLEMS: ProblemOut},
    summary="Give a deck a new file (same id and address)",
    auth=WRITERS,
    url_name="api-replace-file",
)
def replace(request: HttpRequest, public_id: str, file: File[UploadedFile]) -> Status[Presentation]:
    user = writer_of(request)
    deck = access.changeable_or_404(user, public_id)
    form = _checked(ReplaceForm({}, request.FILES))
    new = form.cleaned_data["file"]
    with _room():
        if not take_uploads(user, 1):
            raise _too_many()
        if not lifecycle.replace_file(deck, new, new.name or ""):
            raise Problem(
                409, "same_file", _("Nothing changed"), _("This is the file the deck already has.")
            )
    deck.refresh_from_db()
    return Status(202, deck)


@router.delete(
    "/decks/{public_id}/",
    response={204: None, PROBLEMS: ProblemOut},
    summary="Delete a deck",
    auth=WRITERS,
    url_name="api-delete",
)
def delete(request: HttpRequest, public_id: str) -> Status[None]:
    deck = access.changeable_or_404(writer_of(request), public_id)
    lifecycle.delete_presentation(deck)
    return Status(204, None)


@router.get(
    "/decks/{public_id}/conversion/",
    response={200: ConversionOut, PROBLEMS: ProblemOut},
    summary="Where a deck's conversion is",
    url_name="api-conversion",
)
def conversion(request: HttpRequest, public_id: str) -> dict[str, Any]:
    deck = access.viewable_or_404(request.user, public_id)
    state = deck.conversion
    return {
        "status": str(state.status),
        "stage": str(state.stage),
        "done": state.progress_done,
        "total": state.progress_total,
        "error": state.failure_text,
        "deck_url": absolute(request, reverse("api:api-deck", args=[deck.public_id])),
    }


def _form_data(
    details: dict[str, Any], user: User, collection_given: bool = True
) -> dict[str, Any]:
    """The details as the site's form takes them: a collection by its id, a box left out
    for no."""
    data = {name: value for name, value in details.items() if name != "download_allowed"}
    if details.get("download_allowed"):
        data["download_allowed"] = "on"
    slug = details.get("collection")
    if collection_given and isinstance(slug, str):
        found = access.editable_collections(user).filter(slug=slug).first() if slug else None
        if slug and found is None:
            message = _("You have no collection with this slug.")
            raise invalid_request(message, [{"where": "collection", "message": message}])
        data["collection"] = found.pk if found else ""
    return data


def _checked(form: Form) -> Any:
    if form.is_valid():
        return form
    errors = [
        {"where": field, "message": str(message)}
        for field, messages in form.errors.items()
        for message in messages
    ]
    if form.has_error("file", "too_large"):
        raise Problem(413, "too_large", _("Invalid request"), errors[0]["message"], errors=errors)
    raise invalid_request(errors[0]["message"], errors)


def _too_many() -> Problem:
    return Problem(
        429,
        "too_many_uploads",
        _("Too many uploads"),
        _("You have uploaded as many files as you can this hour."),
        headers={"Retry-After": str(HOUR)},
    )


@contextmanager
def _room() -> Iterator[None]:
    """A full disk (or a database on it) is a 507 problem, an object store that does not
    answer a 503 one; either way nothing is kept."""
    try:
        yield
    except (OSError, DatabaseError) as error:
        if isinstance(error, StoreUnavailable):
            raise Problem(
                503,
                "store_unavailable",
                _("Files unavailable"),
                _("The store that keeps the files is not answering. Nothing was kept."),
                headers={"Retry-After": str(StoreUnavailable.RETRY_AFTER)},
            ) from error
        if not is_disk_full(error):
            raise
        raise Problem(
            507,
            "no_room",
            _("No room"),
            _("The server has no room for this file just now. Nothing was kept."),
        ) from error
