"""The embedded engine: two tantivy indexes in the data folder, one of decks, one of slides.

Decks are ranked (BM25, the title counting triple) and counted in the deck index; the page's
decks then get their best slides from the slide index. Documents arrive as terms already
analysed by `search.analysis` (pre-tokenized), so tantivy never tokenizes text itself.

Writers are opened per batch: the worker and `slideshelf reindex` write, web processes only
read, reloading their searcher at most once a second.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import tantivy

from slideshelf.search import analysis
from slideshelf.search.snippets import snippet
from slideshelf.search.types import (
    DeckDoc,
    DeckHit,
    Filters,
    ParsedQuery,
    Results,
    SlideHit,
    Sort,
)

WRITER_HEAP = 64 * 1024 * 1024
WRITER_WAIT = 30.0  # seconds to wait for another process's writer
_WRITING = threading.RLock()
RELOAD_EVERY = 1.0
TITLE_BOOST = 3.0
FACETS = ("language", "tag", "collection", "uploader", "year")
FACET_SIZE = 20
MAX_TOKENS = 200_000  # per field of one document; a pathological deck is cut, not refused


def _deck_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_unsigned_field("deck_id", stored=True, indexed=True, fast=True)
    builder.add_text_field("title", stored=False, tokenizer_name="raw", index_option="position")
    builder.add_text_field("terms", stored=False, tokenizer_name="raw", index_option="position")
    for name in ("language", "tag", "collection", "uploader"):
        builder.add_text_field(name, stored=False, tokenizer_name="raw", fast=True)
    builder.add_unsigned_field("year", stored=False, indexed=True, fast=True)
    builder.add_float_field("created", stored=False, indexed=False, fast=True)
    return builder.build()


def _slide_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_unsigned_field("deck_id", stored=True, indexed=True, fast=True)
    builder.add_unsigned_field("number", stored=True, indexed=False)
    builder.add_text_field("terms", stored=False, tokenizer_name="raw", index_option="position")
    builder.add_text_field("text", stored=True, index_option="basic", tokenizer_name="raw")
    builder.add_text_field("language", stored=True, tokenizer_name="raw")
    return builder.build()


def pre_tokenized(text: str, language: str) -> tantivy.PreTokenizedString:
    tokens = analysis.analyze(text, language)[:MAX_TOKENS]
    return tantivy.PreTokenizedString(
        text,
        [tantivy.Token(t.term, t.position, t.start, t.end) for t in tokens],
    )


class _Store:
    """One tantivy index on disk, with a searcher kept fresh enough."""

    def __init__(self, path: Path, schema: tantivy.Schema) -> None:
        path.mkdir(parents=True, exist_ok=True)
        self.schema = schema
        self.index = tantivy.Index(schema, path=str(path), reuse=True)
        self._reloaded = 0.0
        self._lock = threading.Lock()
        self.generation = 0  # moves on whenever the searcher may see new documents

    def searcher(self) -> tantivy.Searcher:
        now = time.monotonic()
        if now - self._reloaded > RELOAD_EVERY:
            with self._lock:
                self.index.reload()
                self._reloaded = now
                self.generation += 1
        return self.index.searcher()

    @contextlib.contextmanager
    def writer(self) -> Iterator[tantivy.IndexWriter]:
        """The index's one writer: threads of this process take turns, other processes are
        waited for (tantivy allows one writer per index)."""
        with _WRITING:
            writer = self._open_writer()
            try:
                yield writer
                writer.commit()
            except BaseException:
                writer.rollback()
                raise
            finally:
                writer.wait_merging_threads()
                del writer  # releases the lock file now, not when collected
            self.index.reload()
            self._reloaded = time.monotonic()
            self.generation += 1

    def _open_writer(self) -> tantivy.IndexWriter:
        deadline = time.monotonic() + WRITER_WAIT
        while True:
            try:
                return self.index.writer(WRITER_HEAP, 1)
            except ValueError as error:
                if "LockBusy" not in str(error) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)


class TantivyEngine:
    def __init__(self, folder: Path) -> None:
        self.decks = _Store(Path(folder) / "decks", _deck_schema())
        self.slides = _Store(Path(folder) / "slides", _slide_schema())
        self._languages: tuple[int, list[str]] = (-1, [])

    # Writing

    def index(self, docs: Sequence[DeckDoc]) -> None:
        with self.decks.writer() as decks, self.slides.writer() as slides:
            for doc in docs:
                decks.delete_documents_by_term("deck_id", doc.deck_id)
                slides.delete_documents_by_term("deck_id", doc.deck_id)
                decks.add_document(self._deck_document(doc))
                for slide in doc.slides:
                    slides.add_document(self._slide_document(doc, slide.number, slide.text))

    def _deck_document(self, doc: DeckDoc) -> tantivy.Document:
        document = tantivy.Document()
        document.add_unsigned("deck_id", doc.deck_id)
        document.add_pre_tokenized_text("title", pre_tokenized(doc.title, doc.language))
        body = "\n".join(
            [doc.description, " ".join(doc.tags), *(slide.text for slide in doc.slides)]
        )
        document.add_pre_tokenized_text("terms", pre_tokenized(body, doc.language))
        document.add_text("language", doc.language or "-")
        for tag in doc.tags:
            document.add_text("tag", tag.lower())
        document.add_text("collection", doc.collection or "-")
        document.add_text("uploader", doc.uploader or "-")
        document.add_unsigned("year", doc.year)
        document.add_float("created", doc.created)
        return document

    def _slide_document(self, doc: DeckDoc, number: int, text: str) -> tantivy.Document:
        document = tantivy.Document()
        document.add_unsigned("deck_id", doc.deck_id)
        document.add_unsigned("number", number)
        document.add_pre_tokenized_text("terms", pre_tokenized(text, doc.language))
        document.add_text("text", text)
        document.add_text("language", doc.language)
        return document

    def remove(self, deck_ids: Iterable[int]) -> None:
        ids = list(deck_ids)
        if not ids:
            return
        with self.decks.writer() as decks, self.slides.writer() as slides:
            for deck_id in ids:
                decks.delete_documents_by_term("deck_id", deck_id)
                slides.delete_documents_by_term("deck_id", deck_id)

    def clear(self) -> None:
        for store in (self.decks, self.slides):
            with store.writer() as writer:
                writer.delete_all_documents()

    # Reading

    def languages(self, searcher: tantivy.Searcher) -> list[str]:
        """The languages of indexed decks: a query word is analysed in each of them.

        Counted over every deck, so kept until the searcher may have changed.
        """
        generation, languages = self._languages
        if generation != self.decks.generation:
            found = searcher.aggregate(
                tantivy.Query.all_query(), {"l": {"terms": {"field": "language", "size": 100}}}
            )
            languages = [b["key"] for b in found["l"]["buckets"] if b["key"] != "-"]
            self._languages = (self.decks.generation, languages)
        return languages

    def search(
        self,
        query: ParsedQuery,
        filters: Filters,
        sort: Sort,
        offset: int,
        limit: int,
        slides_per_deck: int,
    ) -> Results:
        searcher = self.decks.searcher()
        languages = self.languages(searcher)
        text_query = self._text_query(self.decks.schema, query, languages, ("title", "terms"))
        deck_query = self._filtered(text_query, filters)
        by_date = "created" if sort == Sort.DATE else None
        found = searcher.search(
            deck_query, limit, count=True, order_by_field=by_date, offset=offset
        )
        total: int = getattr(found, "count", 0) or 0  # missing from tantivy's type stubs
        hits = []
        for score, address in found.hits:
            deck_id = searcher.doc(address)["deck_id"][0]
            slides = self._best_slides(query, languages, deck_id, slides_per_deck)
            hits.append(DeckHit(deck_id, float(score), slides))
        facets = self._facets(searcher, deck_query) if total else {}
        return Results(total=total, hits=tuple(hits), facets=facets)

    def _best_slides(
        self, query: ParsedQuery, languages: list[str], deck_id: int, count: int
    ) -> tuple[SlideHit, ...]:
        searcher = self.slides.searcher()
        schema = self.slides.schema
        words = self._text_query(schema, query, languages, ("terms",), every_word=False)
        in_deck = tantivy.Query.term_query(schema, "deck_id", deck_id)
        both = tantivy.Query.boolean_query(
            [(tantivy.Occur.Must, words), (tantivy.Occur.Must, in_deck)]
        )
        hits = []
        for _, address in searcher.search(both, count, count=False).hits:
            doc = searcher.doc(address)
            number = doc["number"][0]
            text = doc["text"][0] if doc["text"] else ""
            hits.append(SlideHit(number, snippet(text, query, [doc["language"][0]])))
        return tuple(sorted(hits, key=lambda hit: hit.number))

    def _text_query(
        self,
        schema: tantivy.Schema,
        query: ParsedQuery,
        languages: list[str],
        fields: tuple[str, ...],
        every_word: bool = True,
    ) -> tantivy.Query:
        """Every word (any of its forms, in any field) and phrase; none of the excluded words.

        For the slides of a matching deck `every_word` is off: a slide shows when it has any of
        the words, since a deck matches when its slides together have them all.
        """
        occur = tantivy.Occur.Must if every_word else tantivy.Occur.Should
        parts: list[tuple[Any, tantivy.Query]] = []
        for word in query.words:
            for piece in analysis.query_words(word):
                parts.append((occur, self._any_form(schema, piece, languages, fields)))
        for phrase in query.phrases:
            parts.append((occur, self._phrase(schema, phrase, languages, fields)))
        for word in query.excluded:
            for piece in analysis.query_words(word):
                excluded = self._any_form(schema, piece, languages, fields)
                parts.append((tantivy.Occur.MustNot, excluded))
        return tantivy.Query.boolean_query(parts)

    def _any_form(
        self, schema: tantivy.Schema, word: str, languages: list[str], fields: tuple[str, ...]
    ) -> tantivy.Query:
        forms = analysis.query_forms(word, languages)
        options = []
        for field in fields:
            terms = tantivy.Query.term_set_query(schema, field, list(forms))
            boost = TITLE_BOOST if field == "title" else 1.0
            options.append((tantivy.Occur.Should, tantivy.Query.boost_query(terms, boost)))
        return tantivy.Query.boolean_query(options)

    def _phrase(
        self,
        schema: tantivy.Schema,
        phrase: tuple[str, ...],
        languages: list[str],
        fields: tuple[str, ...],
    ) -> tantivy.Query:
        pieces = [piece for word in phrase for piece in analysis.query_words(word)]
        variants = {
            tuple(analysis.terms_of_word(p, analysis.language_of(lang))[0] for p in pieces)
            for lang in [*languages, ""]
        }
        options = []
        for field in fields:
            for terms in variants:
                single = len(terms) == 1
                query = (
                    tantivy.Query.term_query(schema, field, terms[0])
                    if single
                    else tantivy.Query.phrase_query(schema, field, list(terms))
                )
                options.append((tantivy.Occur.Should, query))
        return tantivy.Query.boolean_query(options)

    def _filtered(self, query: tantivy.Query, filters: Filters) -> tantivy.Query:
        schema = self.decks.schema
        parts: list[tuple[Any, tantivy.Query]] = [(tantivy.Occur.Must, query)]
        for field, value in (
            ("language", filters.language),
            ("tag", filters.tag.lower()),
            ("collection", filters.collection),
            ("uploader", filters.uploader),
        ):
            if value:
                parts.append((tantivy.Occur.Must, tantivy.Query.term_query(schema, field, value)))
        if filters.year:
            year = tantivy.Query.term_query(schema, "year", filters.year)
            parts.append((tantivy.Occur.Must, year))
        if filters.exclude_ids:
            excluded = tantivy.Query.term_set_query(schema, "deck_id", sorted(filters.exclude_ids))
            parts.append((tantivy.Occur.MustNot, excluded))
        return tantivy.Query.boolean_query(parts)

    def _facets(self, searcher: tantivy.Searcher, query: tantivy.Query) -> dict[str, list]:
        request = {name: {"terms": {"field": name, "size": FACET_SIZE}} for name in FACETS}
        found = searcher.aggregate(query, request)
        return {
            name: [
                (_facet_value(bucket["key"]), int(bucket["doc_count"]))
                for bucket in found[name]["buckets"]
                if bucket["key"] != "-"
            ]
            for name in FACETS
        }

    # Upkeep

    def indexed_ids(self) -> set[int]:
        searcher = self.decks.searcher()
        total = searcher.num_docs
        if not total:
            return set()
        found = searcher.search(tantivy.Query.all_query(), total, count=False)
        return {searcher.doc(address)["deck_id"][0] for _, address in found.hits}

    def document_frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        searcher = self.decks.searcher()
        return {term: searcher.doc_freq("terms", term) for term in terms}

    def deck_count(self) -> int:
        return int(self.decks.searcher().num_docs)


def _facet_value(key: object) -> str:
    # Numbers (years) come back as floats.
    return str(int(key)) if isinstance(key, float) else str(key)
