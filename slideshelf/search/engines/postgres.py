"""The scaled-out engine: PostgreSQL full-text search in the site's own database.

Terms come from `search.analysis` and reach PostgreSQL as tsvector literals (`'samverk':3`),
never through `to_tsvector`, so both engines index the same terms and a compound's parts keep
its position. Queries are tsquery literals passed as parameters; no typed text becomes SQL.

Three tables (migration 0002), read with plain SQL:

- `search_pg_deck`: one row per deck with its filter fields and two vectors. `terms` holds every
  term of the deck without positions, for matching through its GIN index; a plain term query
  needs no recheck, so the big vector is never read from disk. `summary` is small and stays in
  the row: the title (weight A), tags and description (B) with positions, and the slides' most
  frequent terms (C, a position per occurrence up to a few). Relevance is `ts_rank` of the
  summary: "rank only what can win" — decks are ranked, never slides, by what a deck is about,
  and a common word costs about a kilobyte per matching deck instead of the deck's vector.
- `search_pg_slide`: one row per slide with its text and positional vector; the page's decks
  get their best slides from it, and "phrases" are matched in it (a phrase does not run from
  one slide into the next, and a long deck's positions would overflow a deck-wide vector).
- `search_pg_term`: in how many decks each term occurs, kept on every write, for TF-IDF
  (`ts_stat` over the deck vectors takes seconds).

A search: match and count the decks and rank them (one statement), count facets when at most
FACETS_UP_TO decks match, then rank only the page's decks' slides and cut their snippets.
At 33k decks / 1M slides a one-word query in every deck takes 30-45 ms.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import OperationalError, connection, transaction

from slideshelf.search import analysis
from slideshelf.search.facets import FACET_SIZE, FACETS
from slideshelf.search.snippets import query_forms, slide_hit
from slideshelf.search.types import (
    DeckDoc,
    DeckHit,
    Facets,
    Filters,
    ParsedQuery,
    Results,
    SlideHit,
    Sort,
)

log = logging.getLogger(__name__)
QUERY_CANCELED = "57014"  # PostgreSQL's error code for statement_timeout

FACETS_UP_TO = 5_000  # matching decks: counting more would cost more than the search
MAX_TOKENS = 200_000  # per slide; a pathological deck is cut, not refused
MAX_TERM_BYTES = 200  # PostgreSQL refuses lexemes over 2 kB; no word worth finding is this long
SUMMARY_TERMS = 48  # the slides' most frequent terms that rank a deck
SUMMARY_REPEATS = 4  # occurrences counted per summary term; ts_rank adds little beyond
SUMMARY_BODY = 8192  # summary positions of slide terms: even numbers, so no phrase spans them
WRITE_LOCK = 0x5EA2C4  # advisory lock: one writer at a time keeps the term counts exact


class PostgresEngine:
    # Writing

    def index(self, docs: Sequence[DeckDoc]) -> None:
        latest = {doc.deck_id: doc for doc in docs}
        if not latest:
            return
        decks = [_deck_row(doc) for doc in latest.values()]
        slides = [row for doc in latest.values() for row in _slide_rows(doc)]
        ids = list(latest)
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [WRITE_LOCK])
            _forget(cursor, ids)
            _copy(cursor, "search_pg_deck", _DECK_COLUMNS, decks)
            _copy(cursor, "search_pg_slide", ("deck_id", "number", "text", "terms"), slides)
            cursor.execute(
                """
                INSERT INTO search_pg_term (term, decks)
                SELECT lexeme, count(*) FROM search_pg_deck, unnest(terms)
                WHERE deck_id = ANY(%s) GROUP BY lexeme ORDER BY lexeme
                ON CONFLICT (term) DO UPDATE SET decks = search_pg_term.decks + EXCLUDED.decks
                """,
                [ids],
            )

    def remove(self, deck_ids: Iterable[int]) -> None:
        ids = list(deck_ids)
        if not ids:
            return
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [WRITE_LOCK])
            _forget(cursor, ids)

    def clear(self) -> None:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [WRITE_LOCK])
            cursor.execute("TRUNCATE search_pg_deck, search_pg_slide, search_pg_term")

    # Reading

    def search(
        self, query: ParsedQuery, filters: Filters, sort: Sort, offset: int, limit: int, slides: int
    ) -> Results:
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                # A word in most decks looks cheaper to the planner by a table scan, which reads
                # every deck's whole vector; the GIN index answers it without reading any.
                cursor.execute(
                    "SELECT set_config('enable_seqscan', 'off', true),"
                    " set_config('jit', 'off', true), set_config('statement_timeout', %s, true)",
                    [str(settings.SEARCH_TIMEOUT_MS)],
                )
                languages = _languages(cursor)
                built = TsQuery.build(query, languages)
                if built is None:
                    return Results(total=0, hits=())
                total, start, page = _page(cursor, built, filters, sort, offset, limit)
                # Facets match the decks again (cheap when few match); a broad query gets none.
                facets = _facets(cursor, built, filters) if 0 < total <= FACETS_UP_TO else {}
                best = _best_slides(cursor, built, page, slides, query, languages)
                cursor.execute("SET LOCAL enable_seqscan TO DEFAULT; SET LOCAL jit TO DEFAULT")
        except OperationalError as error:
            if getattr(error.__cause__, "sqlstate", None) != QUERY_CANCELED:
                raise
            # A phrase of the commonest words can take seconds: ask for a narrower search.
            log.warning("search timed out after %d ms", settings.SEARCH_TIMEOUT_MS)
            return Results(total=0, hits=(), too_broad=True)
        hits = tuple(DeckHit(deck_id, score, best.get(deck_id, ())) for deck_id, _, score in page)
        return Results(total=total, hits=hits, facets=facets, offset=start)

    # Upkeep

    def indexed_ids(self) -> set[int]:
        with connection.cursor() as cursor:
            cursor.execute("SELECT deck_id FROM search_pg_deck")
            return {row[0] for row in cursor.fetchall()}

    def document_frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        wanted = list(dict.fromkeys(terms))
        found: dict[str, int] = dict.fromkeys(wanted, 0)
        with connection.cursor() as cursor:
            cursor.execute("SELECT term, decks FROM search_pg_term WHERE term = ANY(%s)", [wanted])
            found.update(cursor.fetchall())
        return found

    def deck_count(self) -> int:
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM search_pg_deck")
            return int(cursor.fetchone()[0])


# Vectors


def _quoted(term: str) -> str:
    """A lexeme quoted for a tsvector or tsquery literal."""
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def _usable(term: str) -> bool:
    return len(term.encode()) <= MAX_TERM_BYTES


def _vector(positions: dict[str, list[str]]) -> str:
    """A tsvector literal from term → ["3", "8A", …] (PostgreSQL clamps positions to 16383)."""
    return " ".join(
        f"{_quoted(term)}:{','.join(found)}" for term, found in positions.items() if found
    )


def _slide_vector(tokens: list[analysis.Token]) -> str:
    positions: dict[str, list[str]] = defaultdict(list)
    for token in tokens:
        if _usable(token.term):
            positions[token.term].append(str(token.position + 1))
    return _vector(positions)


def _summary(doc: DeckDoc, body: Counter[str]) -> str:
    positions: dict[str, list[str]] = defaultdict(list)
    start = 1
    parts = [(doc.title, "A"), (" ".join(doc.tags), "B"), (doc.description, "B")]
    for text, weight in parts:
        tokens = analysis.analyze(text, doc.language)
        for token in tokens:
            position = start + token.position
            if position < SUMMARY_BODY - 1 and _usable(token.term):
                positions[token.term].append(f"{position}{weight}")
        # A gap, so a phrase does not run from the title into the tags.
        start += (tokens[-1].position + 2) if tokens else 0
    for term, count in body.most_common(SUMMARY_TERMS):
        if _usable(term):
            repeats = min(count, SUMMARY_REPEATS)
            positions[term] += [f"{SUMMARY_BODY + 2 * n}C" for n in range(repeats)]
    return _vector(positions)


_DECK_COLUMNS = (
    "deck_id",
    "language",
    "tags",
    "collection",
    "uploader",
    "year",
    "created",
    "terms",
    "summary",
)


def _deck_row(doc: DeckDoc) -> tuple[Any, ...]:
    body: Counter[str] = Counter()
    for slide in doc.slides:
        body.update(token.term for token in analysis.analyze(slide.text, doc.language))
    every = set(body)
    for text in (doc.title, doc.description, *doc.tags):
        every.update(token.term for token in analysis.analyze(text, doc.language))
    terms = " ".join(_quoted(term) for term in sorted(every) if _usable(term))
    tags = sorted({tag.lower() for tag in doc.tags})
    return (
        doc.deck_id,
        doc.language,
        tags,
        doc.collection,
        doc.uploader,
        doc.year,
        doc.created,
        terms,
        _summary(doc, body),
    )


def _slide_rows(doc: DeckDoc) -> Iterator[tuple[Any, ...]]:
    for slide in doc.slides:
        tokens = analysis.analyze(slide.text, doc.language)[:MAX_TOKENS]
        yield doc.deck_id, slide.number, slide.text, _slide_vector(tokens)


def _copy(cursor: Any, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
    # COPY: a reindex writes a million slides, and row-by-row INSERTs take minutes.
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def _forget(cursor: Any, ids: list[int]) -> None:
    # Terms whose count drops to 0 keep their row: the vocabulary only grows, and `clear()`
    # (before a rebuild) empties it.
    cursor.execute(
        """
        WITH gone AS (DELETE FROM search_pg_deck WHERE deck_id = ANY(%s) RETURNING terms),
        counts AS (SELECT lexeme, count(*) AS n FROM gone, unnest(gone.terms) GROUP BY lexeme)
        UPDATE search_pg_term SET decks = decks - counts.n
        FROM counts WHERE term = counts.lexeme
        """,
        [ids],
    )
    cursor.execute("DELETE FROM search_pg_slide WHERE deck_id = ANY(%s)", [ids])


# Queries


@dataclass(frozen=True)
class TsQuery:
    """A visitor's query as tsquery literals, each word any of its forms in any language."""

    match: str  # every word and every phrase's words, none of the excluded: selects decks
    phrases: tuple[str, ...]  # each phrase's words in order: checked in slides and summary
    rank: str  # any form of any word: ranks decks
    slides: str  # any word or phrase: picks a matching deck's slides to show

    @classmethod
    def build(cls, query: ParsedQuery, languages: Sequence[str]) -> TsQuery | None:
        words = [_any_form(piece, languages) for piece in _pieces(query.words)]
        phrases = []
        for phrase in query.phrases:
            pieces = list(_pieces(phrase))
            words += [_any_form(piece, languages) for piece in pieces]
            if len(pieces) > 1:
                phrases.append(_phrase(pieces, languages))
        if not words or "()" in words:  # a word too long to be indexed matches nothing
            return None
        excluded = [f"!{form}" for form in _excluded(query.excluded, languages)]
        forms = {
            form for piece in _pieces(query.highlight_words) for form in _forms(piece, languages)
        }
        return cls(
            match=" & ".join(dict.fromkeys(words + excluded)),
            phrases=tuple(phrases),
            rank=" | ".join(_quoted(form) for form in sorted(forms)),
            slides=" | ".join(dict.fromkeys(words + phrases)),
        )


def _pieces(words: Iterable[str]) -> Iterator[str]:
    # A query word may be several index words: CJK pairs, or "e-mail" typed without quotes.
    for word in words:
        yield from analysis.query_words(word)


def _forms(piece: str, languages: Sequence[str]) -> list[str]:
    return [form for form in analysis.query_forms(piece, languages) if _usable(form)]


def _any_form(piece: str, languages: Sequence[str]) -> str:
    return "(" + " | ".join(_quoted(form) for form in _forms(piece, languages)) + ")"


def _excluded(words: Iterable[str], languages: Sequence[str]) -> Iterator[str]:
    for piece in _pieces(words):
        if _forms(piece, languages):
            yield _any_form(piece, languages)


def _phrase(pieces: list[str], languages: Sequence[str]) -> str:
    """The phrase stemmed in each language (as tantivy does), any of them matching."""
    variants = {
        tuple(analysis.terms_of_word(piece, analysis.language_of(lang))[0] for piece in pieces)
        for lang in [*languages, ""]
    }
    return (
        "("
        + " | ".join(
            "(" + " <-> ".join(_quoted(term) for term in terms) + ")" for terms in sorted(variants)
        )
        + ")"
    )


def _languages(cursor: Any) -> list[str]:
    """The indexed decks' languages, by skipping through the language index (no table scan)."""
    cursor.execute(
        """
        WITH RECURSIVE found AS (
            (SELECT language FROM search_pg_deck ORDER BY language LIMIT 1)
            UNION ALL
            SELECT (
                SELECT language FROM search_pg_deck WHERE language > found.language
                ORDER BY language LIMIT 1
            ) FROM found WHERE found.language IS NOT NULL
        )
        SELECT language FROM found WHERE language <> ''
        """
    )
    return [row[0] for row in cursor.fetchall()]


def _matching(built: TsQuery, filters: Filters) -> tuple[str, dict[str, Any]]:
    """`FROM … WHERE …` of the matching decks (as `d`), and its parameters."""
    params: dict[str, Any] = {"match": built.match}
    where = ["d.terms @@ %(match)s::tsquery"]
    joins = []
    for number, phrase in enumerate(built.phrases):
        # Decks with the phrase on a slide, found once through the slides' GIN index and
        # joined by hash (an `IN (…) OR …` would run the subquery once per deck).
        params[f"phrase{number}"] = phrase
        joins.append(
            f"LEFT JOIN (SELECT DISTINCT deck_id FROM search_pg_slide "  # noqa: S608
            f"WHERE terms @@ %(phrase{number})s::tsquery) p{number} USING (deck_id)"
        )
        in_summary = f"d.summary @@ %(phrase{number})s::tsquery"
        where.append(f"(p{number}.deck_id IS NOT NULL OR {in_summary})")
    if filters.language:
        # `|| ''` keeps the language index out: the planner would take it, then read every
        # deck's whole vector in that language to check the words; the GIN index reads none.
        params["language"] = filters.language
        where.append("d.language || '' = %(language)s")
    for field in ("collection", "uploader"):
        if getattr(filters, field):
            params[field] = getattr(filters, field)
            where.append(f"d.{field} = %({field})s")
    if filters.tag:
        params["tag"] = filters.tag.lower()
        where.append("d.tags @> ARRAY[%(tag)s::text]")
    if filters.year:
        params["year"] = filters.year
        where.append("d.year = %(year)s")
    if filters.exclude_ids:
        params["exclude"] = sorted(filters.exclude_ids)
        where.append("NOT (d.deck_id = ANY(%(exclude)s))")
    return f"search_pg_deck d {' '.join(joins)} WHERE {' AND '.join(where)}", params


Page = list[tuple[int, float, float]]  # (deck id, created, score), best first


def _page(
    cursor: Any, built: TsQuery, filters: Filters, sort: Sort, offset: int, limit: int
) -> tuple[int, int, Page]:
    """The number of matching decks, the offset served, and the decks of the page.

    One statement: an offset past the last match serves the last page, found in the same
    matches as their count.
    """
    source, params = _matching(built, filters)
    # Ranked only when asked (sorted by date, no summary is read), and by the summary: a
    # few hundred bytes in the row, where the deck's whole vector would be kilobytes.
    score = "ts_rank(d.summary, %(rank)s::tsquery)" if sort == Sort.RELEVANCE else "0::real"
    order = "created DESC, deck_id"
    if sort == Sort.RELEVANCE:
        order = f"score DESC, {order}"
    cursor.execute(
        f"""
        WITH matched AS MATERIALIZED (
            SELECT d.deck_id, d.created, {score} AS score FROM {source}
        ),
        served AS MATERIALIZED (
            SELECT count(*) AS total, CASE WHEN count(*) > %(offset)s THEN %(offset)s
                ELSE greatest(count(*) - 1, 0) / %(step)s * %(step)s END AS start
            FROM matched
        )
        (SELECT deck_id, created, score, NULL::bigint, NULL::bigint FROM matched
         ORDER BY {order} LIMIT %(limit)s OFFSET (SELECT start FROM served))
        UNION ALL SELECT NULL, NULL, NULL, total, start FROM served
        """,  # noqa: S608 - only this module's constants are formatted in
        {
            **params,
            "rank": built.rank,
            "limit": max(limit, 0),
            "offset": max(offset, 0),
            "step": max(limit, 1),
        },
    )
    return _read_page(cursor.fetchall(), sort)


def _read_page(rows: list[tuple[Any, ...]], sort: Sort) -> tuple[int, int, Page]:
    total, start = 0, 0
    page: Page = []
    for deck_id, created, found, count, first in rows:
        if deck_id is None:
            total, start = int(count), int(first)
        else:
            page.append((int(deck_id), float(created), float(found)))
    # UNION ALL keeps no order of its own: the page is sorted again like the SQL sorted it.
    if sort == Sort.RELEVANCE:
        page.sort(key=lambda hit: (-hit[2], -hit[1], hit[0]))
    else:
        page.sort(key=lambda hit: (-hit[1], hit[0]))
    return total, start, page


def _facets(cursor: Any, built: TsQuery, filters: Filters) -> Facets:
    """How many matching decks have each language, tag, collection, uploader and year."""
    source, params = _matching(built, filters)
    cursor.execute(
        f"""
        WITH matched AS MATERIALIZED (
            SELECT d.language, d.tags, d.collection, d.uploader, d.year::text AS year
            FROM {source}
        )
        SELECT 'tag', tag, count(*) FROM matched, unnest(tags) AS tag GROUP BY tag
        UNION ALL
        SELECT CASE WHEN GROUPING(language) = 0 THEN 'language'
                    WHEN GROUPING(collection) = 0 THEN 'collection'
                    WHEN GROUPING(uploader) = 0 THEN 'uploader' ELSE 'year' END,
               coalesce(language, collection, uploader, year), count(*)
        FROM matched GROUP BY GROUPING SETS ((language), (collection), (uploader), (year))
        """,  # noqa: S608 - only this module's constants are formatted in
        params,
    )
    counts: Facets = {name: [] for name in FACETS}
    for name, value, count in cursor.fetchall():
        if value:
            counts[name].append((value, int(count)))
    return {
        name: sorted(values, key=lambda item: (-item[1], item[0]))[:FACET_SIZE]
        for name, values in counts.items()
    }


def _best_slides(
    cursor: Any,
    built: TsQuery,
    page: Page,
    count: int,
    query: ParsedQuery,
    languages: list[str],
) -> dict[int, tuple[SlideHit, ...]]:
    """The best `count` slides of each of the page's decks, in slide order, with snippets."""
    if not page or count <= 0:
        return {}
    # Only the page's decks: their slides are found through the primary key, and only
    # they are ranked, however many slides of other decks hold the words.
    cursor.execute(
        """
        SELECT deck_id, number, text, language FROM (
            SELECT s.deck_id, s.number, s.text, d.language,
                   row_number() OVER (
                       PARTITION BY s.deck_id
                       -- 1: divided by the slide's length, as BM25 would, so a slide
                       -- about the words beats a long one that mentions them
                       ORDER BY ts_rank(s.terms, %(slides)s::tsquery, 1) DESC, s.number
                   ) AS place
            FROM search_pg_slide s JOIN search_pg_deck d USING (deck_id)
            WHERE s.deck_id = ANY(%(ids)s) AND s.terms @@ %(slides)s::tsquery
        ) best
        WHERE place <= %(count)s
        ORDER BY deck_id, number
        """,
        {"slides": built.slides, "ids": [deck_id for deck_id, _, _ in page], "count": count},
    )
    forms = query_forms(query.highlight_words, languages)
    found: dict[int, list[SlideHit]] = defaultdict(list)
    for deck_id, number, text, language in cursor.fetchall():
        found[deck_id].append(slide_hit(number, text, forms, language))
    return {deck_id: tuple(hits) for deck_id, hits in found.items()}
