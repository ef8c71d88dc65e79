"""A generated text deck: title, five bullets and speaker notes on every slide.

The text is plain, realistic English assembled from fixed phrases with a seeded random
generator, so every run (and every machine) benchmarks the same file.
"""

from __future__ import annotations

import random
from pathlib import Path

from pptx import Presentation

SUBJECTS = (
    "Quarterly revenue",
    "Customer onboarding",
    "Release process",
    "Support backlog",
    "Hiring plan",
    "Data retention policy",
    "Mobile app adoption",
    "Infrastructure costs",
    "Partner programme",
    "Security review",
)
ASPECTS = (
    "where we stand",
    "what changed this quarter",
    "risks and open questions",
    "lessons learned",
    "next steps",
    "decisions we need today",
)
BULLETS = (
    "Revenue grew 12% against the same quarter last year, mostly from renewals",
    "Average time to first value dropped from nine days to four",
    "Two of the three largest accounts asked for single sign-on before renewal",
    "The release train now ships every second Tuesday without a freeze week",
    "Support tickets older than thirty days fell by a third since March",
    "We still depend on one engineer for the billing integration",
    "Cloud spend is 8% over budget because of unused staging environments",
    "Churn is concentrated in small teams that never invite a second user",
    "The new onboarding checklist is completed by 61% of trial accounts",
    "Legal has approved the updated data processing agreement",
    "Backups are restored and verified automatically once a week",
    "Mobile users now account for a quarter of all weekly sessions",
    "The partner portal brought in eleven qualified leads last month",
    "Penetration test findings were fixed within the agreed two weeks",
    "Hiring for the platform team is behind plan by two positions",
    "Customers ask most often for bulk export and better search",
    "Median page load time is 1.4 seconds on a typical office connection",
    "Feature flags let us roll changes out to five percent of users first",
    "Documentation visits rose after we added short video walkthroughs",
    "The finance team wants monthly rather than quarterly forecasts",
    "We retired the legacy reporting service and saved one server",
    "Accessibility audit scores improved on every page we reworked",
    "Renewal conversations now start ninety days before the contract ends",
    "The pilot with the regional hospital ends in June",
    "On-call pages dropped by half after we tuned the alert thresholds",
    "Translations into German and Swedish are complete and reviewed",
    "A shared glossary reduced back-and-forth between sales and engineering",
    "Storage grows by roughly forty gigabytes a month at current usage",
    "Three customers volunteered for the beta of the new dashboard",
    "We need a decision on the pricing change before the summer campaign",
)
NOTES = (
    "Start with the headline number and pause for questions before the detail.",
    "The comparison is against the same quarter last year, not the previous quarter.",
    "If asked about the outlier, the spike in week six was a one-off migration.",
    "Mention that the figures were checked with finance on Monday.",
    "Keep this slide short; the appendix has the full breakdown by region.",
    "The team that did the work is in the room, so thank them by name.",
    "Be clear that this is a proposal, not a decision that has already been made.",
    "Link back to the goal we set in January so the progress is easy to see.",
    "There is a risk here that we should name rather than hide.",
    "Offer to share the spreadsheet after the meeting for anyone who wants it.",
)


def make_text_deck(path: Path, slides: int = 50, seed: int = 50) -> Path:
    """Write a `slides`-slide PPTX with a title, five bullets and notes on each slide."""
    rng = random.Random(seed)
    deck = Presentation()
    layout = deck.slide_layouts[1]  # "Title and Content"
    for title in _titles(rng, slides):
        slide = deck.slides.add_slide(layout)
        slide.shapes.title.text = title
        body = slide.placeholders[1].text_frame
        bullets = rng.sample(BULLETS, 5)
        body.text = bullets[0]
        for bullet in bullets[1:]:
            body.add_paragraph().text = bullet
        slide.notes_slide.notes_text_frame.text = " ".join(rng.sample(NOTES, 3))
    deck.save(str(path))
    return path


def _titles(rng: random.Random, slides: int) -> list[str]:
    """`slides` titles: every subject and aspect once in a shuffled round, then again in
    another round with the round's number after it ("… (2)"), as often as it takes. Up to
    one round's worth the titles (and the random numbers drawn) are those of a single sample,
    so decks of up to 60 slides stay what they always were."""
    titles = [f"{subject}: {aspect}" for subject in SUBJECTS for aspect in ASPECTS]
    picked: list[str] = []
    round_number = 1
    while len(picked) < slides:
        suffix = f" ({round_number})" if round_number > 1 else ""
        count = min(len(titles), slides - len(picked))
        picked += [title + suffix for title in rng.sample(titles, count)]
        round_number += 1
    return picked
