"""A PDF's pages and its text layer, page by page (pypdfium2)."""

from __future__ import annotations

import pypdfium2 as pdfium

from slideshelf.conversion.errors import PermanentError
from slideshelf.conversion.extractors.pdf_lines import read_page_text
from slideshelf.conversion.extractors.pdf_text import PageText, across_pages
from slideshelf.lib.i18n import gettext_noop

# pdfium's FPDF_GetLastError codes
ERR_FILE, ERR_FORMAT, ERR_PASSWORD, ERR_SECURITY = 2, 3, 4, 5


def open_pdf(path: str) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as error:
        raise PermanentError(_message(getattr(error, "err_code", None))) from None


PASSWORD_PROTECTED = gettext_noop(
    "This PDF is password-protected, so its pages cannot be read. "
    "Save a copy without a password and upload that."
)
UNKNOWN_ENCRYPTION = gettext_noop("This PDF uses an encryption scheme that cannot be opened.")
DAMAGED = gettext_noop(
    "This PDF is damaged: its internal structure cannot be read. "
    "Export it again from the program that made it and upload the new file."
)


def _message(code: int | None) -> str:
    if code == ERR_PASSWORD:
        return PASSWORD_PROTECTED
    return UNKNOWN_ENCRYPTION if code == ERR_SECURITY else DAMAGED


def page_count(path: str) -> int:
    document = open_pdf(path)
    try:
        return len(document)
    finally:
        document.close()


DAMAGED_PAGE = gettext_noop(
    "Page %(number)s of this PDF is damaged and cannot be read. "
    "Export the PDF again from the program that made it and upload the new file."
)
# What opening a PDF can tell its owner: all a PDF process may say, whatever it sends.
MESSAGES = frozenset({PASSWORD_PROTECTED, UNKNOWN_ENCRYPTION, DAMAGED, DAMAGED_PAGE})


def load_page(document: pdfium.PdfDocument, number: int) -> pdfium.PdfPage:
    """Page `number` (1-based), or a PermanentError naming the damaged page."""
    try:
        return document[number - 1]
    except pdfium.PdfiumError:
        raise PermanentError(DAMAGED_PAGE, number=str(number)) from None


def read_pages(path: str) -> list[PageText]:
    """The text layer of every page, as lines in reading order with their sizes and places."""
    return across_pages(page_by_page(path))


def page_by_page(path: str) -> list[PageText]:
    """Every page's lines as the page alone tells them: `across_pages` tells the rest."""
    document = open_pdf(path)
    try:
        pages = []
        for number in range(1, len(document) + 1):
            page = load_page(document, number)
            try:
                pages.append(read_page_text(page))
            finally:
                page.close()
        return pages
    finally:
        document.close()


def page_texts(path: str) -> list[str]:
    """The text layer of every page, one line a line, white space inside lines squashed."""
    return [page.text for page in read_pages(path)]
