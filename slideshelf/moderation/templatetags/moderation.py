"""What any page may say about a deck staff hid: `{% hiding_reason deck as reason %}`."""

from __future__ import annotations

from django import template

from slideshelf.moderation.services import hiding_reason as reason_for
from slideshelf.presentations.models import Presentation

register = template.Library()


@register.simple_tag
def hiding_reason(deck: Presentation) -> str:
    return reason_for(deck)
