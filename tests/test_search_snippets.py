"""Snippets and highlighting: a query's words marked in escaped text, as the engines match them."""

from __future__ import annotations

from slideshelf.search import snippets
from slideshelf.search.snippets import WINDOW, highlight
from slideshelf.search.types import ParsedQuery


def snippet(text: str, query: ParsedQuery, language: str) -> str:
    return snippets.snippet(text, snippets.query_forms(query.highlight_words, [language]), language)


def test_highlight_marks_other_forms_of_the_word_and_escapes_the_rest():
    html = highlight("<b>Samverkansformer</b> & samverka", ["samverkan"], "sv")
    assert html == "&lt;b&gt;<mark>Samverkansformer</mark>&lt;/b&gt; &amp; <mark>samverka</mark>"


def test_highlight_folds_accents_like_the_index():
    assert highlight("Ett café", ["cafe"], "sv") == "Ett <mark>café</mark>"


def test_highlight_marks_a_cjk_word_once_even_though_it_is_indexed_as_pairs():
    assert highlight("我们的会议室很大", ["会议室"], "") == "我们的<mark>会议室</mark>很大"


def test_a_short_text_is_shown_whole():
    query = ParsedQuery(words=("pipelines",))
    assert snippet("Our pipeline leaks", query, "en") == "Our <mark>pipeline</mark> leaks"


def test_a_long_text_is_cut_around_its_densest_matches_at_word_boundaries():
    text = "filler " * 100 + "the budget and the budget again " + "filler " * 100
    html = snippet(text, ParsedQuery(words=("budget",)), "en")
    assert html.startswith("…filler") and html.endswith("filler…")
    assert html.count("<mark>budget</mark>") == 2
    assert len(html.replace("<mark>", "").replace("</mark>", "")) <= WINDOW + 2


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
