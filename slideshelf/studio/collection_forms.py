"""Forms of the collection pages: a collection's details, its running order, adding decks."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from slideshelf.presentations.models import Collection, Presentation

MOVES = {"up": -1, "down": 1}


class CollectionForm(forms.ModelForm[Collection]):
    """What an event is called, when and where it was, and what it was about."""

    class Meta:
        model = Collection
        fields = ["name", "date", "place", "description"]
        labels = {
            "name": _("Name"),
            "date": _("Date"),
            "place": _("Place"),
            "description": _("Description"),
        }
        help_texts = {"place": _("A city, a venue or “online”.")}
        widgets = {
            # The browser's own date picker; it sends and shows ISO dates (2026-05-14).
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 4}),
        }


class RunningOrderForm(forms.Form):
    """One button press on the running order: move a deck up or down, or take it out."""

    deck = forms.ModelChoiceField(queryset=Presentation.objects.none(), to_field_name="public_id")
    action = forms.ChoiceField(choices=[("up", "up"), ("down", "down"), ("remove", "remove")])

    def __init__(self, *args: Any, decks: QuerySet[Presentation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["deck"].queryset = decks  # type: ignore[attr-defined]


class AddDecksForm(forms.Form):
    """Decks to put at the end of the running order, in the order they are listed."""

    decks = forms.ModelMultipleChoiceField(
        label=_("Add presentations"),
        queryset=Presentation.objects.none(),
        to_field_name="public_id",
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, decks: QuerySet[Presentation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["decks"].queryset = decks  # type: ignore[attr-defined]
