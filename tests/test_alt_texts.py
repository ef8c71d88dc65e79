"""A picture's file name, which python-pptx and old PowerPoints write as its description, is
no alt text; words someone wrote are, whatever they end with."""

from __future__ import annotations

import pytest

from slideshelf.lib.alt_texts import alt_text


@pytest.mark.parametrize(
    "name",
    [
        "lookdata-poster.png",
        "python-logo.gif",
        "Siemens06.JPG",
        "graph.php.gif",
        "C:\\Pictures\\harbour.png",
        "images/harbour.svg",
        "G:\\SALON DE L'EMPLOI 2015\\Clipart\\th (5).jpg",
        "télécharger (5).jpeg",
        "http://www.example.org/templates/images/logo.gif",
        "clip.emf",
        "intro.mp4",
    ],
)
def test_a_file_name_or_path_is_no_alt_text(name):
    assert alt_text(name) == ""


@pytest.mark.parametrize(
    "text",
    [
        "Map of the harbour",
        "A map of the harbour. Source: harbour.png",
        "Logos in .png and .svg",
        "daily_usage_200709",
        "https://example.org/puce2.gif/6e17?t=13",
    ],
)
def test_words_someone_wrote_are_alt_text(text):
    assert alt_text(text) == text


def test_the_first_candidate_that_describes_the_picture_is_its_alt_text_on_one_line():
    assert alt_text("harbour.png", "  Map of\nthe harbour ") == "Map of the harbour"
    assert alt_text(" ", "harbour.png") == ""
