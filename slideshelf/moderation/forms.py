"""What visitors, staff and owners type: a report, a decision, an answer."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from slideshelf.accounts.forms import AccessibleErrors
from slideshelf.moderation.models import DETAILS_MAX_LENGTH, Reason

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class ReportForm(AccessibleErrors, forms.Form):
    reason = forms.ChoiceField(
        label=_("Why should staff look at this presentation?"),
        choices=Reason.choices,
        widget=forms.RadioSelect,
    )
    details = forms.CharField(
        label=_("Details"),
        help_text=_(
            "Required when you choose “Something else”. At most 2000 characters. "
            "For a copyright claim, say where the original is."
        ),
        max_length=DETAILS_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("reason") == Reason.OTHER and not cleaned.get("details", "").strip():
            self.add_error("details", _("Please say what is wrong with the presentation."))
        return cleaned


def _text_field(
    label: StrOrPromise, help_text: StrOrPromise = "", *, required: bool = True
) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=DETAILS_MAX_LENGTH,
        required=required,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class HideForm(AccessibleErrors, forms.Form):
    reason = _text_field(
        _("Reason"), _("The owner reads this in the e-mail and on the presentation's page.")
    )


class RestoreForm(AccessibleErrors, forms.Form):
    note = _text_field(_("Note to the owner"), _("Optional."), required=False)


class AnswerForm(AccessibleErrors, forms.Form):
    text = _text_field(_("Your answer"), _("Staff read it in the moderation queue."))


class ReplyForm(AccessibleErrors, forms.Form):
    text = _text_field(
        _("Message to the owner"),
        _("The owner gets it by e-mail and on the presentation's moderation page."),
    )
