"""A deck's transcript as a file: Markdown, or plain text. What the page's transcript holds,
slide by slide, with the deck's details on top; the export writes the same files."""

from __future__ import annotations

from collections.abc import Iterable

from slideshelf.presentations.models import Presentation, Slide


def as_markdown(deck: Presentation, slides: Iterable[Slide], address: str) -> str:
    lines = [f"# {_one_line(deck.display_title)}", ""]
    if deck.description:
        lines += [deck.description.strip(), ""]
    lines += [" · ".join(_facts(deck, address)), ""]
    for slide in slides:
        title = _one_line(slide.title) or f"Slide {slide.number}"
        lines += [f"## {slide.number}. {title}", ""]
        if slide.text:
            lines += [slide.text.strip(), ""]
        for table in slide.table_list:
            lines += ["```", table.strip(), "```", ""]
        for alt in slide.alt_text_list:
            lines += [f"*Picture: {alt}*", ""]
        if slide.ocr_text:
            lines += [f"*Text in pictures: {_one_line(slide.ocr_text)}*", ""]
        if slide.notes:
            lines += ["> " + line for line in slide.notes.strip().splitlines()] + [""]
    return "\n".join(lines).rstrip() + "\n"


def as_text(deck: Presentation, slides: Iterable[Slide], address: str) -> str:
    title = _one_line(deck.display_title)
    lines = [title, "=" * len(title), ""]
    if deck.description:
        lines += [deck.description.strip(), ""]
    lines += [" · ".join(_facts(deck, address)), ""]
    for slide in slides:
        heading = f"{slide.number}. {_one_line(slide.title) or f'Slide {slide.number}'}"
        lines += [heading, "-" * len(heading)]
        parts = [slide.text.strip(), *slide.table_list, *slide.alt_text_list, slide.ocr_text]
        lines += [part.strip() for part in parts if part.strip()]
        if slide.notes:
            lines += ["Notes: " + slide.notes.strip()]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _facts(deck: Presentation, address: str) -> list[str]:
    facts = []
    if deck.owner:
        facts.append(deck.owner.get_full_name() or deck.owner.get_username())
    facts.append(deck.created_at.date().isoformat())
    facts.append(f"{deck.slide_count} slides")
    facts.append(deck.licence_info.short_name)
    facts.append(address)
    return facts


def _one_line(text: str) -> str:
    return " ".join(text.split())
