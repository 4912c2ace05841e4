"""The explorer in a real headless Chromium, with every network request blocked."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ARTIFACTS

import kg

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("chromium is not installed: run `make test` (it installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Page:
    def __init__(self, browser, path: Path) -> None:
        self.page = browser.new_page(viewport={"width": 1400, "height": 850})
        self.console, self.requests, self.dialogs = [], [], []
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.console.append(f"pageerror: {e}"))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

        def block(route):
            url = route.request.url
            if url.startswith(("file:", "data:")):
                route.continue_()
            else:
                self.requests.append(url)
                route.abort()
        self.page.route("**/*", block)
        self.page.goto(path.resolve().as_uri(), wait_until="load")
        self.page.wait_for_function("window.sanadReady === true", timeout=20000)

    def search(self, text: str) -> list[str]:
        self.page.fill("#search", text)
        self.page.wait_for_timeout(200)
        return self.page.evaluate("network.getSelectedNodes()")


def test_seed_explorer_offline(browser, seed_build):
    from kg.export import load
    from kg.view import view_model

    model = view_model(load(seed_build / "graph.trig"))
    page = Page(browser, seed_build / "graph.html")
    p = page.page
    assert page.console == [] and page.requests == []
    assert p.evaluate("nodes.length") == len(model["nodes"]) > 25
    assert p.evaluate("edges.length") == len(model["edges"]) > 20
    # search in both scripts selects the same node
    arabic = page.search("نافين راو")
    english = page.search("Naveen Rao")
    assert arabic == english == ["https://w3id.org/sanad/id/person/naveen-rao"]
    details = p.inner_text("#details")
    assert "Naveen Rao" in details and "نافين راو" in details
    assert details.count("speaker") >= 6  # the six quotes, each with its evidence sentence
    assert p.locator("#details mark").count() >= 10
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    p.screenshot(path=str(ARTIFACTS / "seed-explorer.png"))
    # language switch relabels nodes
    p.select_option("#lang", "ar")
    assert p.evaluate("nodes.get('https://w3id.org/sanad/id/org/google').label") == "جوجل"
    # class filter hides nodes
    shown = p.evaluate("nodes.get({filter: n => !n.hidden}).length")
    p.click("#legend [data-cls='Quote']")
    assert p.evaluate("nodes.get({filter: n => !n.hidden}).length") == shown - 7
    # clicking an edge shows its evidence
    p.evaluate("showEdge(edges.get()[0].id)")
    assert p.locator("#details .ev mark").count() >= 1
    assert page.console == [] and page.requests == []


def test_hostile_article_text_is_rendered_as_text(browser, tmp_path):
    hostile = ('Google hired <script>alert(1)</script> "Jane <img src=x onerror=alert(2)> Doe" '
               '</script><script>alert(3)</script>. "It is a quote with <b>tags</b> and \' and \\" marks," '
               'said Sam Altman, the CEO of OpenAI.\n')
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x.txt").write_text("Headline <script>alert(4)</script>\n" + hostile, encoding="utf-8")
    kg.build([tmp_path / "in"], tmp_path / "out")
    page = Page(browser, tmp_path / "out" / "graph.html")
    page.search("Sam Altman")
    page.page.wait_for_timeout(300)
    text = page.page.inner_text("#details")
    assert "<b>tags</b>" in text or "Altman" in text
    assert page.page.locator("#details b, #details img, #details script").count() == 0
    assert page.dialogs == [] and page.console == [] and page.requests == []
