from __future__ import annotations

from slideshelf.lib.text import cut_at_word

REFERENCE = (
    "Dokumentation från höstkonferensen på Clarion Sign, Stockholm, den 18-19 oktober 2012 "
    "Tema Kommunen som motor i samhällsutvecklingen med medverkan av Roland Lexén, VD Arena "
    "för Tillväxt"
)


def test_long_first_slide_text_is_cut_at_a_word_near_150_characters():
    title = cut_at_word(REFERENCE, 150)
    assert title.endswith("…")
    body = title[:-1]
    assert 130 <= len(body) <= 150
    assert REFERENCE.startswith(body) and REFERENCE[len(body)] == " "


def test_short_text_is_kept_whole_with_white_space_squashed():
    assert cut_at_word("  Samverkan \n mellan   kommuner ", 150) == "Samverkan mellan kommuner"


def test_text_without_spaces_is_cut_hard():
    assert cut_at_word("x" * 400, 150) == "x" * 150 + "…"
