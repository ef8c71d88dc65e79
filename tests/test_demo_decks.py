"""The demo decks: their content as data, and the PPTX files written from it."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.presentation import Presentation as PresentationT

from slideshelf.demo import DECKS, DemoDeck, write_all, write_pptx


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[DemoDeck, Path]]:
    return write_all(tmp_path_factory.mktemp("demo"))


def open_all(written: list[tuple[DemoDeck, Path]]) -> list[tuple[DemoDeck, PresentationT]]:
    return [(deck, Presentation(str(path))) for deck, path in written]


def test_every_deck_has_at_least_six_slides() -> None:
    for deck in DECKS:
        assert len(deck.slides) >= 6, deck.title


def test_every_deck_is_in_swedish_or_english() -> None:
    assert {deck.language for deck in DECKS} <= {"sv", "en"}


def test_there_are_at_least_three_decks_in_each_language() -> None:
    counts = Counter(deck.language for deck in DECKS)
    assert counts["sv"] >= 3
    assert counts["en"] >= 3


def test_at_least_one_swedish_deck_is_in_a_collection() -> None:
    assert any(deck.collection for deck in DECKS if deck.language == "sv")


def test_deck_titles_are_unique() -> None:
    titles = [deck.title for deck in DECKS]
    assert len(set(titles)) == len(titles)


def test_file_names_are_unique_pptx_names() -> None:
    names = [deck.filename for deck in DECKS]
    assert len(set(names)) == len(names)
    assert all(name.endswith(".pptx") and "/" not in name for name in names)


def test_the_first_slide_of_every_deck_carries_the_deck_title() -> None:
    for deck in DECKS:
        assert deck.slides[0].title == deck.title


def test_slide_titles_within_a_deck_are_unique() -> None:
    for deck in DECKS:
        titles = [slide.title for slide in deck.slides]
        assert len(set(titles)) == len(titles), deck.title


def test_most_slides_have_speaker_notes() -> None:
    for deck in DECKS:
        with_notes = sum(1 for slide in deck.slides if slide.notes)
        assert with_notes * 2 > len(deck.slides), deck.title


def test_every_table_is_rectangular_with_a_header_row() -> None:
    tables = [slide.table for deck in DECKS for slide in deck.slides if slide.table]
    assert len(tables) >= 3
    for table in tables:
        assert len(table) >= 2
        assert len({len(row) for row in table}) == 1


def test_write_all_writes_one_file_per_deck(written: list[tuple[DemoDeck, Path]]) -> None:
    assert [deck for deck, _ in written] == list(DECKS)
    for deck, path in written:
        assert path.name == deck.filename
        assert path.is_file()


def test_written_files_open_with_the_right_slide_count(
    written: list[tuple[DemoDeck, Path]],
) -> None:
    for deck, prs in open_all(written):
        assert len(prs.slides) == len(deck.slides), deck.title


def test_written_files_are_wide_screen(written: list[tuple[DemoDeck, Path]]) -> None:
    for _, prs in open_all(written):
        assert prs.slide_width is not None and prs.slide_height is not None
        assert round(prs.slide_width / prs.slide_height, 2) == 1.78


def test_written_files_carry_title_and_language(written: list[tuple[DemoDeck, Path]]) -> None:
    for deck, prs in open_all(written):
        assert prs.core_properties.title == deck.title
        assert prs.core_properties.language == deck.language


def test_written_slides_carry_their_titles_and_bullets(
    written: list[tuple[DemoDeck, Path]],
) -> None:
    for deck, prs in open_all(written):
        for demo, slide in zip(deck.slides, prs.slides, strict=True):
            assert slide.shapes.title is not None
            assert slide.shapes.title.text_frame.text == demo.title
            text = "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
            for bullet in demo.bullets:
                assert bullet in text


def test_written_notes_are_present(written: list[tuple[DemoDeck, Path]]) -> None:
    for deck, prs in open_all(written):
        for demo, slide in zip(deck.slides, prs.slides, strict=True):
            if demo.notes:
                assert slide.has_notes_slide
                assert slide.notes_slide.notes_text_frame.text == demo.notes


def test_written_tables_have_every_cell(written: list[tuple[DemoDeck, Path]]) -> None:
    for deck, prs in open_all(written):
        for demo, slide in zip(deck.slides, prs.slides, strict=True):
            tables = [shape.table for shape in slide.shapes if shape.has_table]
            if not demo.table:
                assert not tables
                continue
            assert len(tables) == 1, deck.title
            cells = [[cell.text for cell in row.cells] for row in tables[0].rows]
            assert cells == [list(row) for row in demo.table]


def test_writing_twice_gives_the_same_content(tmp_path: Path) -> None:
    deck = DECKS[0]
    first = Presentation(str(write_pptx(deck, tmp_path / "a.pptx")))
    second = Presentation(str(write_pptx(deck, tmp_path / "b.pptx")))
    assert slide_texts(first) == slide_texts(second)
    assert first.core_properties.modified == second.core_properties.modified


def slide_texts(prs: PresentationT) -> list[list[str]]:
    return [
        [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        for slide in prs.slides
    ]
