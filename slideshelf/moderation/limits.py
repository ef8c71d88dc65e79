"""At most REPORTS_PER_HOUR reports per signed-in user or, for anonymous visitors, per client
address (slideshelf.limits keeps it only as a keyed hash, for a day).

An address is shared by everyone behind it, and a new session or a cleared cookie does not
give a fresh allowance. The limit can be generous because reports never hide anything by
themselves: the worst a flood does is lengthen the staff queue.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from slideshelf.limits import api as attempts

REPORT = "report"


def take_report(request: HttpRequest) -> bool:
    """Count a report by this visitor, or say they have sent their hour's worth."""
    if request.user.is_authenticated:
        who = f"user:{request.user.pk}"
    else:
        who = f"address:{attempts.client_of(request)}"
    return attempts.take(attempts.Claim(REPORT, who, settings.REPORTS_PER_HOUR))
