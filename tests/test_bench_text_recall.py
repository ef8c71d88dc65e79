"""The text recall benchmark's measure (bench/text_recall.py): words, and recall slide by slide."""

from __future__ import annotations

from bench.text_recall import score, words


def test_words_are_casefolded_letter_and_digit_runs_without_punctuation():
    assert words("Hello, HELLO world_wide 2.5%!") == {
        "hello": 2,
        "world": 1,
        "wide": 1,
        "2": 1,
        "5": 1,
    }


def test_words_of_chinese_and_japanese_are_single_characters():
    assert words("中文 テスト abc") == {"中": 1, "文": 1, "テ": 1, "ス": 1, "ト": 1, "abc": 1}


def test_words_are_compared_after_nfkc():
    assert words("ﬁnance Ｆｕｌｌ") == words("finance full")


def test_a_word_on_the_wrong_slide_is_not_found():
    found = score(["alpha beta", "gamma"], ["alpha", "beta gamma"])

    assert (found.found, found.total, found.misplaced) == (2, 3, 1)
    assert found.by_slide
    assert found.whole_file_recall == 1.0


def test_repeated_words_must_be_there_as_often():
    assert score(["yes yes yes"], ["yes"]).recall == 1 / 3


def test_files_whose_slide_counts_differ_are_compared_whole():
    found = score(["alpha", "beta"], ["alpha beta"])

    assert not found.by_slide
    assert found.recall == 1.0


def test_hyphens_inside_words_do_not_count_as_differences():
    assert words("oasis-open.org Sub-\nCommittee") == words("oasisopen.org SubCommittee")
    assert words("left - right") == words("left right"), "a dash between words is no hyphen"


def test_letter_spaced_words_are_words_in_every_reading():
    assert words("you K i l l tee t h e i r check") == words("you Kill tee their check")
    assert words("a b") == {"ab": 1} and words("a\nb") == {"a": 1, "b": 1}
    assert words("H\x0be\x0ba\x0bd 3") == words("H e a d 3") == {"head": 1, "3": 1}
    assert words("1 2 3") == {"1": 1, "2": 1, "3": 1}  # numbers side by side are not spaced letters


def test_a_reference_word_split_over_words_side_by_side_was_read():
    assert score(["A l e t t e r from"], ["A lette r from"]).recall == 1.0
    assert score(["letter"], ["lette from r"]).recall == 0.0  # not side by side: not read
