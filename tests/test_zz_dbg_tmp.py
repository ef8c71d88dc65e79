from tests.test_browser_presentation import *  # noqa
def test_dbg(deck_page):
    print(deck_page.evaluate("() => [...document.images].map(i => [i.src.split('/').slice(-2).join('/'), i.naturalWidth, i.complete, i.checkVisibility()])"))
