"""The upload form: the files of one batch and the details applied to each of them."""

from __future__ import annotations

import os
import shutil
import tempfile
from typing import Any, cast

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from slideshelf.conversion.errors import PermanentError
from slideshelf.conversion.messages import translated
from slideshelf.conversion.sniff import EXTENSIONS, sniff
from slideshelf.lib.languages import language_name
from slideshelf.presentations import access
from slideshelf.presentations.models import Collection, Licence, Presentation, Visibility
from slideshelf.search import api as search

ACCEPT = ",".join(EXTENSIONS)
MAX_TAGS = 20
MAX_BULK = 500  # decks one bulk action may change
TAG_LENGTH = 64


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A list of files; each is checked by `FileField.clean` and then by `check_upload`."""

    widget = MultipleFileInput

    def __init__(self, **kwargs: Any) -> None:
        # Empty files are refused by `check_upload`, with the file's name in the message.
        super().__init__(allow_empty_file=True, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile[bytes]]:
        if not isinstance(data, list | tuple):
            data = [data] if data else []
        if not data:
            raise ValidationError(self.error_messages["required"], code="required")
        return [check_upload(super(MultipleFileField, self).clean(item, initial)) for item in data]


def check_upload(upload: UploadedFile[bytes]) -> UploadedFile[bytes]:
    """Refuse what the pipeline would refuse anyway, before anything is stored."""
    name = upload.name or ""
    if not upload.size:
        raise ValidationError(
            gettext("%(name)s is empty (0 bytes).") % {"name": name}, code="empty"
        )
    if upload.size > settings.MAX_UPLOAD_BYTES:
        raise ValidationError(
            gettext("%(name)s is %(size)s; the largest file accepted is %(limit)s.")
            % {
                "name": name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(settings.MAX_UPLOAD_BYTES),
            },
            code="too_large",
        )
    try:
        sniff_upload(upload)
    except PermanentError as error:
        # Sniffer messages are stored untranslated; the visitor reads them in their language.
        reason = translated(error.as_message())
        raise ValidationError(f"{name}: {reason}", code="wrong_type") from None
    return upload


def sniff_upload(upload: UploadedFile[bytes]) -> None:
    """Sniff the upload's content; small uploads live in memory and get a scratch copy."""
    path = getattr(upload, "temporary_file_path", None)
    if path is not None:
        sniff(path())
        return
    # The scratch copy is in the system's temporary folder, never in the media folder.
    handle, scratch = tempfile.mkstemp(prefix="slideshelf-upload-")
    try:
        with os.fdopen(handle, "wb") as copy:
            upload.seek(0)
            shutil.copyfileobj(upload, copy)
        sniff(scratch)
    finally:
        upload.seek(0)
        os.unlink(scratch)


class LanguageField(forms.ChoiceField):
    """A deck's language, one of those search reads well; a regional code ("sv-SE") is taken
    as its language. A deck's own language stays a choice, whatever detection gave it."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=language_choices, **kwargs)

    def to_python(self, value: Any) -> str:
        code = str(super().to_python(value)).strip().lower()
        base = code.split("-", 1)[0]
        return base if base in search.KNOWN_LANGUAGES else code

    def offer(self, code: str) -> None:
        """Keep `code` a choice, though search has no rules for it (detection knows more)."""
        if code and code not in search.KNOWN_LANGUAGES:
            self.choices = [*language_choices(), (code, language_name(code))]


def language_choices() -> list[tuple[str, str]]:
    """Every language search reads well, by its name in the visitor's language."""
    named = sorted(
        ((code, language_name(code)) for code in search.KNOWN_LANGUAGES),
        key=lambda choice: choice[1].casefold(),
    )
    return [("", gettext("Detect it from the slides")), *named]


class DeckDetailsForm(forms.Form):
    """What an owner says about a deck: on upload, and when editing it later."""

    title = forms.CharField(
        label=_("Title"),
        max_length=300,
        required=False,
        help_text=_("Leave empty to use the first slide's title."),
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=1000,
        help_text=_("Separate tags with commas."),
    )
    language = LanguageField(
        label=_("Language"),
        required=False,
        help_text=_("The language of the slides' text, for search and for screen readers."),
    )
    visibility = forms.ChoiceField(
        label=_("Who can see it"),
        choices=Visibility.choices,
        initial=Visibility.PUBLIC,
        widget=forms.RadioSelect,
    )
    download_allowed = forms.BooleanField(
        label=_("Allow downloading the original and the PDF"), required=False, initial=True
    )
    # Not required: a script that leaves it out gets the default, as an unticked box is a no.
    licence = forms.TypedChoiceField(
        label=_("Licence"),
        choices=Licence.choices,
        initial=Licence.ALL_RIGHTS_RESERVED,
        required=False,
        empty_value=Licence.ALL_RIGHTS_RESERVED,
        help_text=_(
            "Creative Commons licences let others share your slides on the terms you pick."
        ),
    )
    collection = forms.ModelChoiceField(
        label=_("Collection"),
        queryset=Collection.objects.none(),
        required=False,
        empty_label=_("No collection"),
    )

    def __init__(self, *args: Any, user: access.User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offered = access.editable_collections(user)
        # A deck staff put in someone else's collection stays there when its owner saves.
        if current := self.initial.get("collection"):
            offered = offered | Collection.objects.filter(pk=current)
        self.fields["collection"].queryset = offered  # type: ignore[attr-defined]
        cast(LanguageField, self.fields["language"]).offer(self.initial.get("language") or "")

    def clean_tags(self) -> list[str]:
        tags: list[str] = []
        for tag in self.cleaned_data["tags"].split(","):
            tag = " ".join(tag.split())
            if tag and tag.lower() not in {t.lower() for t in tags}:
                tags.append(tag)
        if len(tags) > MAX_TAGS:
            raise ValidationError(gettext("Use at most %(count)d tags.") % {"count": MAX_TAGS})
        if any(len(tag) > TAG_LENGTH for tag in tags):
            raise ValidationError(
                gettext("A tag can be at most %(length)d characters.") % {"length": TAG_LENGTH}
            )
        return tags


class UploadForm(DeckDetailsForm):
    file = MultipleFileField(
        label=_("Presentation files"),
        help_text=_("PowerPoint, OpenDocument, PDF or Keynote. You can choose several."),
        widget=MultipleFileInput(attrs={"accept": ACCEPT}),
    )
    field_order = ["file"]


class ReplaceForm(forms.Form):
    file = forms.FileField(
        label=_("New file"),
        help_text=_(
            "Slide links keep pointing at their slides, even when you inserted or removed some."
        ),
        allow_empty_file=True,  # refused by `check_upload`, with the file's name in the message
        widget=forms.FileInput(attrs={"accept": ACCEPT}),
    )

    def clean_file(self) -> UploadedFile[bytes]:
        return check_upload(self.cleaned_data["file"])


class BulkAction(models.TextChoices):
    PUBLIC = "public", _("Make public")
    UNLISTED = "unlisted", _("Make unlisted")
    PRIVATE = "private", _("Make private")
    DELETE = "delete", _("Delete…")


class BulkForm(forms.Form):
    """One action for several of the owner's decks, chosen on their list."""

    action = forms.ChoiceField(label=_("With the chosen presentations"), choices=BulkAction)
    deck = forms.MultipleChoiceField(
        error_messages={"required": _("Choose at least one presentation first.")}
    )

    def __init__(self, *args: Any, user: access.User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.owned = access.owned_presentations(user)
        chosen = self.data.getlist("deck") if hasattr(self.data, "getlist") else []
        # Only the owner's own decks are choices: another's id is refused as not one of them.
        found = self.owned.filter(public_id__in=chosen[:MAX_BULK])
        ids = found.values_list("public_id", flat=True)
        cast(forms.ChoiceField, self.fields["deck"]).choices = [(i, i) for i in ids]

    def chosen_decks(self) -> list[Presentation]:
        decks = self.owned.filter(public_id__in=self.cleaned_data["deck"])
        return list(decks.order_by("-created_at", "-pk"))
