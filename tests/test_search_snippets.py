"""Snippets and marks: where a query's words are, as the engines match them, and the one place
they become HTML (escaped text, the words in <mark>)."""

from __future__ import annotations

from slideshelf.search import snippets
from slideshelf.search.marking import mark, transcript_marks
from slideshelf.search.snippets import WINDOW
from slideshelf.search.types import ParsedQuery, SlideHit


def highlight(text: str, typed: str, language: str) -> str:
    return transcript_marks(typed, language).mark(text)


def slide_hit(text: str, query: ParsedQuery, language: str) -> SlideHit:
    forms = snippets.query_forms(query.highlight_words, [language])
    return snippets.slide_hit(1, text, forms, language)


def snippet(text: str, query: ParsedQuery, language: str) -> str:
    hit = slide_hit(text, query, language)
    return mark(hit.text, hit.spans)


def test_highlight_marks_other_forms_of_the_word_and_escapes_the_rest():
    html = highlight("<b>Samverkansformer</b> & samverka", "samverkan", "sv")
    assert html == "&lt;b&gt;<mark>Samverkansformer</mark>&lt;/b&gt; &amp; <mark>samverka</mark>"


def test_highlight_folds_accents_like_the_index():
    assert highlight("Ett café", "cafe", "sv") == "Ett <mark>café</mark>"


def test_highlight_marks_a_cjk_word_once_even_though_it_is_indexed_as_pairs():
    assert highlight("我们的会议室很大", "会议室", "") == "我们的<mark>会议室</mark>很大"


def test_transcript_marks_show_the_query_cut_like_the_search_page_cuts_it():
    typed = "  winter -wasps " + "x" * 600
    assert transcript_marks(typed, "en").query == typed[:500].strip()
    assert transcript_marks("-wasps", "en").query == ""  # nothing to mark, nothing to show


def test_a_slide_hit_is_plain_text_and_offsets_never_html():
    hit = slide_hit("Our <b>pipelines</b> & more", ParsedQuery(words=("pipeline",)), "en")
    assert hit == SlideHit(1, "Our <b>pipelines</b> & more", ((7, 16),))
    assert mark(hit.text, hit.spans) == "Our &lt;b&gt;<mark>pipelines</mark>&lt;/b&gt; &amp; more"


def test_a_short_text_is_shown_whole():
    query = ParsedQuery(words=("pipelines",))
    assert snippet("Our pipeline leaks", query, "en") == "Our <mark>pipeline</mark> leaks"


def test_a_long_text_is_cut_around_its_densest_matches_at_word_boundaries():
    text = "filler " * 100 + "the budget and the budget again " + "filler " * 100
    hit = slide_hit(text, ParsedQuery(words=("budget",)), "en")
    assert hit.text.startswith("…filler") and hit.text.endswith("filler…")
    assert [hit.text[start:end] for start, end in hit.spans] == ["budget", "budget"]
    assert len(hit.text) <= WINDOW + 2
    html = mark(hit.text, hit.spans)
    assert html.count("<mark>budget</mark>") == 2
    assert html.replace("<mark>", "").replace("</mark>", "") == hit.text


def test_phrase_words_are_marked_and_excluded_words_are_not():
    query = ParsedQuery(phrases=(("green", "roofs"),), excluded=("rain",))
    assert snippet("Green roofs hold rain", query, "en") == (
        "<mark>Green</mark> <mark>roofs</mark> hold rain"
    )


def test_a_text_without_matches_starts_at_its_beginning():
    html = snippet("word " * 100, ParsedQuery(words=("absent",)), "en")
    assert html.startswith("word word") and html.endswith("…")


def test_every_occurrence_of_a_marked_word_is_marked_whatever_its_case():
    text = "Budget. budget, BUDGET; budgets and a budgetary note"
    html = snippet(text, ParsedQuery(words=("budget",)), "en")
    assert html.count("<mark>") == 4
    assert "<mark>BUDGET</mark>" in html and "<mark>budgets</mark>" in html
    assert "budgetary" in html and "<mark>budgetary</mark>" not in html
