"""The embedded engine: two tantivy indexes in the data folder, one of decks, one of slides.

Decks are ranked (BM25, the title counting triple) and counted in the deck index; the page's
decks then get their best slides from the slide index. Documents arrive as terms already
analysed by `search.analysis` (pre-tokenized), so tantivy never tokenizes text itself.

Writers are opened per batch: the worker and `slideshelf reindex` write, web processes only
read, reloading their searcher whenever another process has committed.
"""

from __future__ import annotations

import contextlib
import errno
import shutil
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import tantivy

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

WRITER_HEAP = 64 * 1024 * 1024
WRITER_WAIT = 30.0  # seconds to wait for another process's writer
_WRITING = threading.RLock()
TITLE_BOOST = 3.0
SLIDE_CANDIDATES = 1_000  # slides ranked at once for the best slides of a page's decks
MAX_TOKENS = 200_000  # per field of one document; a pathological deck is cut, not refused
# Rust's io::ErrorKind, as tantivy's errors show it, or the OS's own code for it (ENOSPC,
# EDQUOT) in an io::Error's text: "No space left on device (os error 28)".
NO_ROOM = (
    "StorageFull",
    "QuotaExceeded",
    f"(os error {errno.ENOSPC})",
    f"(os error {errno.EDQUOT})",
)
IO_ERROR = ("IoError", "io::Error")


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
    """One tantivy index on disk, with a searcher as fresh as the index's last commit."""

    def __init__(self, path: Path, schema: tantivy.Schema) -> None:
        path.mkdir(parents=True, exist_ok=True)
        self.schema = schema
        self.index = tantivy.Index(schema, path=str(path), reuse=True)
        self.path = path
        self._meta = path / "meta.json"
        self._seen: bytes | None = None  # meta.json as it was when the searcher last reloaded
        self._lock = threading.Lock()
        self.generation = 0  # moves on whenever the searcher may see new documents

    def searcher(self) -> tantivy.Searcher:
        """A searcher that sees every commit made before this call, by any process.

        Every commit writes a new meta.json (its opstamp at least changes), so reading that
        small file tells whether to reload: cheaper than reloading every time. The facade
        relies on it: once the worker has dropped a deck's outbox row, its index change
        is on disk, and no search after that can still see the old entry.
        """
        changed = self._meta_changed()
        if changed is not None:
            with self._lock:
                self.index.reload()
                self._seen = changed
                self.generation += 1
        return self.index.searcher()

    def _meta_changed(self) -> bytes | None:
        try:
            meta = self._meta.read_bytes()
        except FileNotFoundError:
            meta = b""
        return meta if meta != self._seen else None

    @contextlib.contextmanager
    def writer(self) -> Iterator[tantivy.IndexWriter]:
        """The index's one writer: threads of this process take turns, other processes are
        waited for (tantivy allows one writer per index)."""
        with _WRITING, _no_room_as_os_error(self.path):
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
            self._seen = None  # reloaded at the next search

    def _open_writer(self) -> tantivy.IndexWriter:
        deadline = time.monotonic() + WRITER_WAIT
        while True:
            try:
                return self.index.writer(WRITER_HEAP, 1)
            except ValueError as error:
                if "LockBusy" not in str(error) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)


@contextlib.contextmanager
def _no_room_as_os_error(folder: Path) -> Iterator[None]:
    """tantivy reports a full disk as a ValueError: raise it as the OSError it is, which the
    worker knows to wait out."""
    try:
        yield
    except ValueError as error:
        if not _says_no_room(str(error), folder):
            raise
        raise OSError(errno.ENOSPC, f"the search index has no room: {error}") from error


def _says_no_room(text: str, folder: Path) -> bool:
    if any(sign in text for sign in NO_ROOM):
        return True
    # An indexing thread's failed write comes without its cause ("An index writer was killed
    # … io::Error most likely"): on a disk with less room than a writer's heap, it is the disk.
    return any(sign in text for sign in IO_ERROR) and shutil.disk_usage(folder).free < WRITER_HEAP


class _Chosen(dict[int, list[tantivy.DocAddress]]):
    """Slide addresses chosen per deck; `crowded` when there were more candidates than taken."""

    def __init__(self, crowded: bool) -> None:
        super().__init__()
        self.crowded = crowded


class TantivyEngine:
    def __init__(self, folder: Path) -> None:
        self.decks = _Store(Path(folder) / "decks", _deck_schema())
        self.slides = _Store(Path(folder) / "slides", _slide_schema())
        self._languages: tuple[int, list[str]] = (-1, [])

    # Writing

    def index(self, docs: Sequence[DeckDoc]) -> None:
        with self.decks.writer() as decks, self.slides.writer() as slides:
            self._delete(decks, slides, [doc.deck_id for doc in docs])
            for doc in docs:
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
            self._delete(decks, slides, ids)

    def _delete(
        self, decks: tantivy.IndexWriter, slides: tantivy.IndexWriter, deck_ids: list[int]
    ) -> None:
        # A delete is paid for at every later commit: none where none of the decks is (new
        # decks, and every deck of `reindex`). By query: tantivy-py's delete_documents_by_term
        # deletes nothing for an integer field.
        for writer, store in ((decks, self.decks), (slides, self.slides)):
            held = tantivy.Query.term_set_query(store.schema, "deck_id", deck_ids)
            if getattr(store.searcher().search(held, 1, count=True), "count", 0):
                writer.delete_documents_by_query(held)

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
        self, query: ParsedQuery, filters: Filters, sort: Sort, offset: int, limit: int, slides: int
    ) -> Results:
        searcher = self.decks.searcher()
        languages = self.languages(searcher)
        text_query = self._text_query(self.decks.schema, query, languages, ("title", "terms"))
        deck_query = self._filtered(text_query, filters)
        by_date = "created" if sort == Sort.DATE else None
        # The top offset + limit, not tantivy's offset: when the offset is past the end they are
        # every match, and the last page comes from them without a second search.
        found = searcher.search(deck_query, offset + limit, count=True, order_by_field=by_date)
        total: int = getattr(found, "count", 0) or 0  # missing from tantivy's type stubs
        start = _served(offset, limit, total)
        page = found.hits[start : start + limit]
        deck_ids = _deck_ids(searcher, [address for _, address in page])
        best = self._best_slides(query, languages, deck_ids, slides)
        hits = tuple(
            DeckHit(deck_id, float(score), best.get(deck_id, ()))
            for (score, _), deck_id in zip(page, deck_ids, strict=True)
        )
        facets = self._facets(searcher, deck_query) if total else {}
        return Results(total=total, hits=hits, facets=facets, offset=start)

    def _best_slides(
        self, query: ParsedQuery, languages: list[str], deck_ids: list[int], count: int
    ) -> dict[int, tuple[SlideHit, ...]]:
        """The best `count` slides of each of the decks, in slide order, with their snippets.

        One search ranks the slides of all the decks; only if a deck's slides could have been
        crowded out of the SLIDE_CANDIDATES by another's does it get a search of its own.
        """
        if not deck_ids or count <= 0:
            return {}
        searcher = self.slides.searcher()
        words = self._text_query(self.slides.schema, query, languages, ("terms",), False)
        chosen = self._top_slides(searcher, words, deck_ids, count, SLIDE_CANDIDATES)
        for deck_id in deck_ids:
            if len(chosen.get(deck_id, ())) < count and chosen.crowded:
                alone = self._top_slides(searcher, words, [deck_id], count, count)
                chosen[deck_id] = alone.get(deck_id, [])
        forms = query_forms(query.highlight_words, languages)
        best = {}
        for deck_id, addresses in chosen.items():
            hits = []
            for address in addresses:
                doc = searcher.doc(address)
                text = doc["text"][0] if doc["text"] else ""
                hits.append(slide_hit(doc["number"][0], text, forms, doc["language"][0]))
            best[deck_id] = tuple(sorted(hits, key=lambda hit: hit.number))
        return best

    def _top_slides(
        self,
        searcher: tantivy.Searcher,
        words: tantivy.Query,
        deck_ids: list[int],
        count: int,
        candidates: int,
    ) -> _Chosen:
        """The addresses of each deck's `count` best slides among the best `candidates`."""
        in_decks = tantivy.Query.term_set_query(self.slides.schema, "deck_id", deck_ids)
        both = tantivy.Query.boolean_query(
            [(tantivy.Occur.Must, words), (tantivy.Occur.Must, in_decks)]
        )
        addresses = [address for _, address in searcher.search(both, candidates).hits]
        chosen = _Chosen(crowded=len(addresses) == candidates)
        for address, deck_id in zip(addresses, _deck_ids(searcher, addresses), strict=True):
            picked = chosen.setdefault(deck_id, [])
            if len(picked) < count:
                picked.append(address)
        return chosen

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
        """Any of the word's forms in any of the fields, each scored by BM25 (a term set
        query would give every match the same score)."""
        forms = analysis.query_forms(word, languages)
        options = []
        for field in fields:
            boost = TITLE_BOOST if field == "title" else 1.0
            for form in forms:
                term = tantivy.Query.term_query(schema, field, form)
                options.append((tantivy.Occur.Should, tantivy.Query.boost_query(term, boost)))
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

    def _facets(self, searcher: tantivy.Searcher, query: tantivy.Query) -> Facets:
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
        return set(_deck_ids(searcher, [address for _, address in found.hits]))

    def document_frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        searcher = self.decks.searcher()
        return {term: searcher.doc_freq("terms", term) for term in terms}

    def deck_count(self) -> int:
        return int(self.decks.searcher().num_docs)


def _served(offset: int, limit: int, total: int) -> int:
    """The offset asked for, or the last page's when it is past the last match."""
    if offset < total:
        return max(offset, 0)
    return max(total - 1, 0) // max(limit, 1) * max(limit, 1)


def _deck_ids(searcher: tantivy.Searcher, addresses: list[tantivy.DocAddress]) -> list[int]:
    """The decks the documents belong to, read from the fast field: no stored document loaded."""
    return [int(value or 0) for value in searcher.fast_field_values("deck_id", addresses)]


def _facet_value(key: object) -> str:
    # Numbers (years) come back as floats.
    return str(int(key)) if isinstance(key, float) else str(key)
