"""A real client: headless Chromium renders the HTML report, with no console errors, sections that fold, and charts.

Chromium and its driver come from the Debian packages ``chromium`` and ``chromium-driver`` (`.ci/run` installs
them); selenium (the ``dev`` extra) drives them, with the browser's console log read through the driver. On a
developer's machine without Chromium these tests are skipped with the command that installs it; under CI
(``CI=true``) a missing browser fails them, so a green CI always means the report was rendered.

The screenshot in the docs (``docs/images/report.png``, the first page of the Lindeveen example's report) is made
here too: ``PRESTATIEAFSPRAKEN_UPDATE_SCREENSHOT=1 python -m pytest tests/test_browser.py`` writes it and fails, so
that the new picture is looked at before it is committed.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
import pytest

from prestatieafspraken import examples, loads
from prestatieafspraken.report import render_report
from prestatieafspraken.vocabulary import Language
from support import EXAMPLES_AS_OF
from test_report import STEERING, STEERING_AS_OF, hostile_steering, mid_size

if TYPE_CHECKING:
    from selenium.webdriver import Chrome as WebDriver

pytestmark = [pytest.mark.browser, pytest.mark.needs_extras]  # selenium

CHROMIUM = os.environ.get("PRESTATIEAFSPRAKEN_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = (
    os.environ.get("PRESTATIEAFSPRAKEN_CHROMEDRIVER") or shutil.which("chromedriver") or "/usr/bin/chromedriver"
)
INSTALL = "apt-get install -y --no-install-recommends chromium chromium-driver"
SCREENSHOT = Path(__file__).parent.parent / "docs" / "images" / "report.png"
UPDATE = os.environ.get("PRESTATIEAFSPRAKEN_UPDATE_SCREENSHOT") == "1"
#: The size of the browser window: the first page of the report at a laptop's width.
WINDOW = (1200, 1150)


def _unavailable() -> str | None:
    """Why the browser cannot run here, or ``None`` when it can."""
    try:
        import selenium  # noqa: F401, PLC0415 - only to know it is there
    except ImportError:
        return "selenium is not installed: pip install -e '.[dev]'"
    for path in (CHROMIUM, CHROMEDRIVER):
        if not Path(path).exists():
            return f"{path} is missing: {INSTALL}"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    """Headless Chromium, with its console log kept; fails under CI when it is missing, else skips."""
    missing = _unavailable()
    if missing is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"the browser tests must run in CI: {missing}")
        pytest.skip(missing)
    from selenium import webdriver  # noqa: PLC0415 - an optional tool of the tests
    from selenium.webdriver.chrome.service import Service  # noqa: PLC0415

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",  # CI runs as root
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--force-device-scale-factor=1",
        "--hide-scrollbars",
        f"--window-size={WINDOW[0]},{WINDOW[1]}",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    try:
        yield driver
    finally:
        driver.quit()


def show(browser: WebDriver, text: str, path: Path) -> list[dict[str, Any]]:
    """Open *text* as the file *path* and return the console's errors and warnings."""
    path.write_text(text, encoding="utf-8")
    _console(browser)  # what earlier pages logged
    browser.get(path.as_uri())
    return [entry for entry in _console(browser) if entry["level"] in ("SEVERE", "WARNING")]


def _console(browser: WebDriver) -> list[dict[str, Any]]:
    """The console's entries since the last call (the driver's ``get_log("browser")``, typed)."""
    entries: list[dict[str, Any]] = browser.execute("getLog", {"type": "browser"})["value"]
    return entries


class TestRendering:
    """The report as a browser renders it."""

    def test_the_console_is_read(self, browser: WebDriver, tmp_path: Path) -> None:
        """A page whose script fails has its error in the console log: the checks below can fail."""
        page = "<!DOCTYPE html><html><body><script>console.error('kapot'); nergens();</script></body></html>"
        errors = show(browser, page, tmp_path / "kapot.html")
        assert [entry["level"] for entry in errors] == ["SEVERE", "SEVERE"]
        assert "kapot" in errors[0]["message"]

    @pytest.mark.parametrize("lang", ["nl", "en"])
    @pytest.mark.parametrize("name", examples.names())
    def test_no_console_errors(self, browser: WebDriver, tmp_path: Path, name: str, lang: Language) -> None:
        """Every example's report renders without an error or warning in the console, with its title as heading."""
        from selenium.webdriver.common.by import By  # noqa: PLC0415

        text = render_report(examples.load(name), as_of=EXAMPLES_AS_OF, format="html", lang=lang)
        assert show(browser, text, tmp_path / f"{name}.html") == []
        heading = browser.find_element(By.TAG_NAME, "h1").text
        assert heading.endswith(examples.load(name).title)

    def test_sparklines_are_drawn(self, browser: WebDriver, tmp_path: Path) -> None:
        """Each sparkline is laid out at its size, with its lines drawn."""
        from selenium.webdriver.common.by import By  # noqa: PLC0415

        text = render_report(loads(STEERING), as_of=STEERING_AS_OF, format="html")
        assert show(browser, text, tmp_path / "noordstad.html") == []
        charts = browser.find_elements(By.CSS_SELECTOR, "td svg")
        assert len(charts) == 2
        for chart in charts:
            assert (chart.size["width"], chart.size["height"]) == (132, 34)
            assert chart.find_elements(By.TAG_NAME, "polyline")

    def test_traffic_lights_have_colour(self, browser: WebDriver, tmp_path: Path) -> None:
        """A red light's dot is red, an orange one orange: the style sheet reaches the cells."""
        from selenium.webdriver.common.by import By  # noqa: PLC0415

        text = render_report(loads(STEERING), as_of=STEERING_AS_OF, format="html")
        assert show(browser, text, tmp_path / "lichten.html") == []
        colours = {
            dot.get_attribute("class"): dot.value_of_css_property("background-color")
            for dot in browser.find_elements(By.CSS_SELECTOR, "span.l")
        }
        assert colours["l r"] == "rgba(213, 43, 30, 1)"
        assert colours["l o"] == "rgba(225, 112, 0, 1)"

    def test_details_fold_and_open(self, browser: WebDriver, tmp_path: Path) -> None:
        """A large report opens on its summary; a theme's details show once its section is opened."""
        from selenium.webdriver.common.by import By  # noqa: PLC0415

        text = render_report(
            loads(orjson.dumps(mid_size(600)), format="json"), as_of=dt.date(2026, 6, 1), format="html"
        )
        assert show(browser, text, tmp_path / "regio.html") == []
        section = browser.find_elements(By.TAG_NAME, "details")[0]
        row = section.find_element(By.CSS_SELECTOR, "tbody tr")
        assert not row.is_displayed()
        section.find_element(By.TAG_NAME, "summary").click()
        assert row.is_displayed()
        assert browser.find_element(By.TAG_NAME, "h2").is_displayed()

    def test_hostile_names_run_nothing(self, browser: WebDriver, tmp_path: Path) -> None:
        """Names with scripts and event handlers open no alert and raise no console error: they are text."""
        from selenium.webdriver.common.by import By  # noqa: PLC0415

        text = render_report(hostile_steering(), as_of=STEERING_AS_OF, format="html")
        assert show(browser, text, tmp_path / "vijandig.html") == []
        assert browser.find_elements(By.TAG_NAME, "script") == []
        assert browser.find_elements(By.TAG_NAME, "img") == []
        assert '<script>alert("partij")</script>' in browser.find_element(By.TAG_NAME, "body").text


def _png_size(data: bytes) -> tuple[int, int]:
    """The width and height of a PNG image, from its header."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


class TestScreenshot:
    """The picture of the report's first page in the docs is made by headless Chromium from a shipped example."""

    def test_screenshot(self, browser: WebDriver, tmp_path: Path) -> None:
        """docs/images/report.png is the first page of Lindeveen's report, at the size the browser shows it."""
        text = render_report(examples.load("lindeveen-2025-2028"), as_of=EXAMPLES_AS_OF, format="html")
        assert show(browser, text, tmp_path / "lindeveen.html") == []
        if UPDATE:
            SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
            SCREENSHOT.write_bytes(browser.get_screenshot_as_png())
            pytest.fail(
                f"wrote {SCREENSHOT}: look at it, then run the tests without PRESTATIEAFSPRAKEN_UPDATE_SCREENSHOT"
            )
        shipped, now = _png_size(SCREENSHOT.read_bytes()), _png_size(browser.get_screenshot_as_png())
        assert shipped == now
        assert shipped[0] == WINDOW[0]
