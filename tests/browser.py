"""Debian's Chromium driven by Playwright, and the checks browser tests share.

Playwright never downloads a browser here: it launches /usr/bin/chromium. axe-core comes from
npm (`npm ci`, which `make test` runs) and is injected into the page under test.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    ViewportSize,
    sync_playwright,
)

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
# Without the background-networking flags Chromium phones home at start-up, and here those
# connections are refused, many at a time; QUIC and the sandbox fail the same way in CI.
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
VIEWPORT: ViewportSize = {"width": 1280, "height": 800}
WIDTHS = (320, 390, 1280)  # the smallest phone in use, a common one, a desktop
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
TARGETS_SHOWN = 3


@contextmanager
def chromium() -> Iterator[Browser]:
    """A headless Chromium for as long as the block runs."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/install-system-packages.sh as root")
    # Playwright's sync API keeps an asyncio loop marked as running in this thread between
    # calls, so Django takes every ORM call the test makes (fixtures, convert_now) for one
    # made from async code and raises SynchronousOnlyOperation. The test thread never runs
    # async code of its own, so the check is switched off while the browser is up.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=list(CHROMIUM_ARGS)
            )
            try:
                yield browser
            finally:
                browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def axe_violations(page: Page, tags: Sequence[str] = WCAG_TAGS) -> list[dict[str, Any]]:
    """axe-core's violations of the page as it is now, for the given rule tags."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` in {REPO}")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated by the browser's debugger, which the page's CSP does not govern: a script
        # tag added to the page would be refused, as the policy refuses all inline script.
        page.evaluate(AXE.read_text())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", list(tags)
    )
    return list(result["violations"])


def describe_violations(violations: list[dict[str, Any]]) -> str:
    """One line per rule: id, impact, help and the first few offending elements."""
    lines = []
    for violation in violations:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]]
        shown = ", ".join(targets[:TARGETS_SHOWN])
        more = f" (+{len(targets) - TARGETS_SHOWN} more)" if len(targets) > TARGETS_SHOWN else ""
        lines.append(
            f"{violation['id']} [{violation['impact']}]: {violation['help']} — {shown}{more}"
        )
    return "\n".join(lines)


def assert_no_axe_violations(page: Page, tags: Sequence[str] = WCAG_TAGS) -> None:
    violations = axe_violations(page, tags)
    if violations:
        pytest.fail(
            f"axe found {len(violations)} violation(s) on {page.url}:\n"
            + describe_violations(violations),
            pytrace=False,
        )


def checked_page(browser: Browser, **options: Any) -> Iterator[Page]:
    """A page in a fresh context (1280×800 unless `options` say otherwise), for a fixture to
    yield from; the test fails if the page's Content-Security-Policy refused anything."""
    context = browser.new_context(**({"viewport": VIEWPORT} | options))
    refused = csp_violations(context)
    try:
        yield context.new_page()
    finally:
        context.close()
    assert not refused, "\n".join(refused)


def csp_violations(context: BrowserContext) -> list[str]:
    """A list that fills with every Content-Security-Policy violation Chromium reports in
    the context's pages from now on (it reports each on the console)."""
    found: list[str] = []

    def seen(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            found.append(f"{message.page.url if message.page else '?'}: {message.text}")

    context.on("console", seen)
    return found


def wait_in_page(page: Page, script: str, arg: Any = None, timeout: float = 15.0) -> Any:
    """The first true answer of `script`, a function's source, run in the page with `arg`.

    Asked through the browser's debugger, which the page's Content-Security-Policy does not
    govern; Playwright's `wait_for_function` runs its predicate as page script, and the
    policy, which allows no eval, refuses it.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if answer := page.evaluate(script, arg):
            return answer
        page.wait_for_timeout(50)
    raise AssertionError(f"waited {timeout:.0f} s in vain for {script}")


def horizontal_overflow(page: Page) -> int:
    """Pixels the page is wider than the viewport; 0 when nothing scrolls sideways."""
    return int(page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth"))


def assert_fits_and_passes_axe(page: Page, where: str) -> None:
    """Nothing on the page scrolls sideways, and axe finds nothing, as the page is now."""
    overflow = horizontal_overflow(page)
    if overflow:
        wide = page.evaluate(WIDEST_ELEMENTS)
        pytest.fail(f"{where}: {overflow} px wider than the window; widest: {wide}", pytrace=False)
    assert_no_axe_violations(page)


# The elements that reach past the window's right edge, the outermost first.
WIDEST_ELEMENTS = """() => [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
    .slice(0, 5)
    .map(e => e.tagName.toLowerCase() + '.' + String(e.className).split(' ').join('.')
        + ' ' + Math.round(e.getBoundingClientRect().right) + 'px')"""
