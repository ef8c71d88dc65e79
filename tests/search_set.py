"""A small labelled set for search relevance: Swedish and English decks, two per topic.

Each deck has words of its own (what the relevance queries look for) and words it shares with
the other deck on its topic (what makes them similar). Written for these tests; not real decks.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LabelledDeck:
    key: str
    topic: str
    language: str
    title: str
    slides: tuple[str, ...]
    tags: tuple[str, ...] = ()


DECKS = (
    LabelledDeck(
        "grannkommuner",
        "samverkan",
        "sv",
        "Samverkan mellan grannkommuner",
        (
            "Varför samverkan? Kommundirektören om gemensamma utmaningar",
            "Grannkommunerna delar räddningstjänst, IT-drift och upphandling",
            "En gemensam nämnd för överförmyndare sedan 2024",
            "Samverkan kräver tydliga avtal och en styrgrupp med alla kommundirektörer",
        ),
        ("samverkan", "kommun"),
    ),
    LabelledDeck(
        "samverkansformer",
        "samverkan",
        "sv",
        "Samverkansformer i regionen",
        (
            "Fyra samverkansformer: avtal, nämnd, förbund och bolag",
            "När ska kommuner samverka? Kommunförbund passar för räddningstjänst",
            "Styrgruppen följer upp avtalen varje år",
            "Kommundirektörer och förbundschefer möts varje kvartal",
        ),
        ("samverkan",),
    ),
    LabelledDeck(
        "budget",
        "budget",
        "sv",
        "Budget 2027 för Sjöbacka kommun",
        (
            "Driftbudgeten ökar med tre procent",
            "Skattesatsen är oförändrad: 21,95 kronor",
            "Budgetprocessen: nämnderna lämnar budgetunderlag i mars",
            "Kommunfullmäktige beslutar om budgeten i juni",
        ),
        ("budget", "ekonomi"),
    ),
    LabelledDeck(
        "investeringar",
        "budget",
        "sv",
        "Investeringsbudget för skolor och vägar",
        (
            "Investeringarna 2027–2030: nya skolor och vägunderhåll",
            "Budgeten för investeringar finansieras med egna medel och lån",
            "Skattesatsen påverkas inte av lånen",
            "Prioriteringar när budgeten inte räcker",
        ),
        ("budget", "investeringar"),
    ),
    LabelledDeck(
        "dagvatten",
        "klimat",
        "sv",
        "Klimatanpassning av dagvatten",
        (
            "Dagvatten från hårdgjorda ytor belastar ledningsnätet",
            "Gröna tak och regnbäddar fördröjer dagvattnet",
            "Översvämning vid kraftiga regn: en karta över riskområden",
            "Klimatanpassning i detaljplanen",
        ),
        ("klimat",),
    ),
    LabelledDeck(
        "skyfall",
        "klimat",
        "sv",
        "Skyfall och översvämningar i stadsplaneringen",
        (
            "Skyfallskartering visar var vattnet samlas",
            "Översvämningar i källare efter skyfallet 2021",
            "Klimatanpassning: höjdsättning av gator och torg",
            "Dagvattenhantering och skyfallsleder",
        ),
        ("klimat",),
    ),
    LabelledDeck(
        "venue",
        "conference",
        "en",
        "Conference planning for organisers",
        (
            "Choosing a venue: capacity, transport and accessibility",
            "Registration opens in March; early-bird tickets until April",
            "Speakers: call for proposals and the programme committee",
            "Conference budget and sponsorship",
        ),
        ("conference", "events"),
    ),
    LabelledDeck(
        "hybrid",
        "conference",
        "en",
        "Running a hybrid conference",
        (
            "Hybrid conferences: streaming talks to remote attendees",
            "Speakers need a moderator for online questions",
            "Streaming platform, captions and recordings",
            "Lessons from our first hybrid conference",
        ),
        ("conference", "events"),
    ),
    LabelledDeck(
        "documents",
        "accessibility",
        "en",
        "Accessibility of public documents",
        (
            "The web accessibility directive covers documents on public websites",
            "WCAG 2.1 AA: headings, reading order and alternative text",
            "Tagged PDF exports keep the reading order",
            "Check documents with a screen reader before publishing",
        ),
        ("accessibility",),
    ),
    LabelledDeck(
        "screenreaders",
        "accessibility",
        "en",
        "Screen readers and accessible slides",
        (
            "How screen readers read a slide: titles first, then the reading order",
            "Alternative text for every picture and chart",
            "Slide titles must be unique for accessible navigation",
            "Test with NVDA and VoiceOver; WCAG contrast ratios",
        ),
        ("accessibility",),
    ),
    LabelledDeck(
        "apis",
        "opendata",
        "en",
        "Open data APIs in local government",
        (
            "Open data: publish once, reuse everywhere",
            "REST APIs with versioning and rate limits",
            "Open licences for datasets: CC0 and CC BY",
            "Open data portal for the municipality",
        ),
        ("open data",),
    ),
    LabelledDeck(
        "datasets",
        "opendata",
        "en",
        "Publishing datasets on a data portal",
        (
            "Which datasets to publish first: demand and quality",
            "Metadata, licences and a data catalogue",
            "The data portal harvests open data from every department",
            "Measuring reuse of open datasets",
        ),
        ("open data",),
    ),
)

# (query, the deck that must rank first)
RANKED = (
    ("grannkommuner", "grannkommuner"),
    ("gemensam nämnd överförmyndare", "grannkommuner"),
    ("samverkansformer", "samverkansformer"),
    ("kommunförbund", "samverkansformer"),
    ("driftbudget", "budget"),
    ("kommunfullmäktige budgeten", "budget"),
    ("investeringsbudget", "investeringar"),
    ("vägunderhåll skolor", "investeringar"),
    ("regnbäddar", "dagvatten"),
    ("gröna tak", "dagvatten"),
    ("skyfallskartering", "skyfall"),
    ("skyfall källare", "skyfall"),
    ("venue registration", "venue"),
    ("early-bird tickets", "venue"),
    ("hybrid streaming", "hybrid"),
    ("remote attendees", "hybrid"),
    ('"tagged pdf"', "documents"),
    ("accessibility directive", "documents"),
    ("NVDA VoiceOver", "screenreaders"),
    ("accessible slides", "screenreaders"),
    ("REST versioning", "apis"),
    ("data catalogue metadata", "datasets"),
    ("budget -kommun -skolor", "venue"),
    ('"open data portal"', "apis"),
)

# (query, a deck that must be found) — stemming, folding and compounds.
FOUND = (
    ("samverkan", "samverkansformer"),  # samverka, samverkansformer
    ("samverka", "grannkommuner"),  # samverkan
    ("conferences", "venue"),  # conference
    ("conference", "hybrid"),  # conferences
    ("översvämning", "skyfall"),  # översvämningar
    ("ÖVERSVÄMNING", "dagvatten"),  # capitals fold
    ("klimatanpassningen", "dagvatten"),
    ("screen reader", "screenreaders"),
)
