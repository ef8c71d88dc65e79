"""How far a view got, as the reader's browser reports it (static/slideshelf/reach.js): a
beacon sent when the page is left or hidden, `from` the slide last reported (or opened at)
`to` the furthest slide shown since. It carries nothing else, and nothing else is kept."""

from __future__ import annotations

from django import forms
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from slideshelf.pages import counter, counting
from slideshelf.presentations import access


class ReachForm(forms.Form):
    # `from` is a Python keyword: the form reads it under that name all the same.
    earlier = forms.IntegerField(min_value=1)
    furthest = forms.IntegerField(min_value=1)

    def __init__(self, data: dict[str, str], slide_count: int) -> None:
        super().__init__({"earlier": data.get("from"), "furthest": data.get("to")})
        self.slide_count = slide_count

    def clean(self) -> dict[str, int]:
        data: dict[str, int] = super().clean() or {}
        earlier, furthest = data.get("earlier"), data.get("furthest")
        if (
            earlier is not None
            and furthest is not None
            and not earlier < furthest <= self.slide_count
        ):
            raise forms.ValidationError("Not a move forward within the deck")
        return data


# A beacon carries no CSRF token, and needs none: it changes only a count, as a page view does.
@csrf_exempt
@require_POST
def reach(request: HttpRequest, public_id: str) -> HttpResponse:
    deck = access.viewable_or_404(request.user, public_id)
    form = ReachForm(request.POST.dict(), deck.slide_count if deck.has_slides else 0)
    if not form.is_valid():
        return HttpResponseBadRequest()
    if counting.counts_for(request, deck):
        counter.count_reach(deck.pk, form.cleaned_data["earlier"], form.cleaned_data["furthest"])
    return HttpResponse(status=204)
