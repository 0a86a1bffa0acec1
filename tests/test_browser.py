"""A real client: headless Chromium renders the HTML report, with no console errors, sections that fold, and charts.

Chromium and its driver come from the Debian packages ``chromium`` and ``chromium-driver`` (`.ci/run` installs
them); selenium (the ``dev`` extra) drives them, with the browser's console log read through the driver. On a
developer's machine without Chromium these tests are skipped with the command that installs it; under CI
(``CI=true``) a missing browser fails them, so a green CI always means the report was rendered.

The HTML document (``prestatieafspraken document --format html``) of the Lindeveen example is rendered in its three
forms (the full text, the jaarschijf, the tenants' summary) and in English, and printed to A4 by Chromium, where its
page breaks must hold (read back with poppler's ``pdftotext``, which `.ci/run` installs for the LibreOffice tests).

The screenshots in the docs (``docs/images/report.png`` and ``docs/images/document.png``, the first page of the
Lindeveen example's report and of its document) are made here too: ``PRESTATIEAFSPRAKEN_UPDATE_SCREENSHOT=1 python -m
pytest tests/test_browser.py`` writes them and fails, so that the new pictures are looked at before they are
committed. Each picture carries the SHA-256 of the HTML it shows (a PNG text chunk), so a picture that no longer
shows what the library writes fails its test, whatever fonts the machine has.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import os
import shutil
import struct
import subprocess
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn

import orjson
import pytest

from prestatieafspraken import document, examples, loads
from prestatieafspraken.cli import main
from prestatieafspraken.documents import Heading, TitlePage
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
IMAGES = Path(__file__).parent.parent / "docs" / "images"
LINDEVEEN = "lindeveen-2025-2028"
UPDATE = os.environ.get("PRESTATIEAFSPRAKEN_UPDATE_SCREENSHOT") == "1"
#: The size of the browser window: the first page of the report at a laptop's width.
WINDOW = (1200, 1150)


def _missing_in_ci_else_skip(missing: str) -> NoReturn:
    """Fail under CI, where the program is installed; skip elsewhere, naming the command that installs it."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"the browser tests must run in CI: {missing}")
    pytest.skip(missing)


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
        _missing_in_ci_else_skip(missing)
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
    return visit(browser, path)


def visit(browser: WebDriver, path: Path) -> list[dict[str, Any]]:
    """Open the file *path* and return the console's errors and warnings."""
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


class Form(NamedTuple):
    """One form of Lindeveen's HTML document: what is asked, and what Chromium must show of it, and not show."""

    year: int | None
    summary: bool
    lang: Language
    #: Texts the page shows: the subtitle, a party, commitment texts, the signature page or the plain-language help.
    shows: tuple[str, ...]
    #: Near-misses: what belongs to another form (another year's commitments, the signature page of the full text).
    hides: tuple[str, ...]

    @property
    def options(self) -> list[str]:
        """The options of ``prestatieafspraken document`` that ask for this form."""
        return [
            *(["--year", str(self.year)] if self.year is not None else []),
            *(["--summary"] if self.summary else []),
            *(["--lang", self.lang] if self.lang != "nl" else []),
        ]

    def chapters(self) -> list[str]:
        """The level-1 headings the document has, as `document` builds it: the title, then the chapters."""
        built = document(examples.load(LINDEVEEN), year=self.year, summary=self.summary, lang=self.lang)
        titles = [block.title for block in built.blocks if isinstance(block, TitlePage)]
        return titles + [block.text for block in built.blocks if isinstance(block, Heading) and block.level == 1]


TITLE = "Prestatieafspraken Lindeveen 2025-2028"
FORMS = {
    "volledig": Form(
        year=None,
        summary=False,
        lang="nl",
        shows=(
            "Meerjarig perspectief 2025–2028",
            "Huurdersvereniging Lindeveen",
            "De gemeente start de wijkaanpak in De Hoven.",
            "Afspraken voor 2025",
            "Afspraken voor 2028",
            "Zo overeengekomen door de partijen, die hieronder tekenen.",
        ),
        hides=("Jaarschijf 2026",),
    ),
    "jaarschijf": Form(
        year=2026,
        summary=False,
        lang="nl",
        shows=(
            "Jaarschijf 2026 · Meerjarig perspectief 2025–2028",
            "Woonstichting Lindeveen",
            "De gemeente zet de wijkaanpak voort in De Hoven en start in Oosterkwartier.",
            "Afspraken voor 2026",
        ),
        hides=("Afspraken voor 2025", "De gemeente start de wijkaanpak in De Hoven."),
    ),
    "samenvatting": Form(
        year=2026,
        summary=True,
        lang="nl",
        shows=(
            "Wat is er afgesproken voor 2026?",
            "Wat is afgesproken voor huurders?",
            "De huursomstijging blijft onder de inflatie.",
            "Heeft u een vraag? Neem contact op met Huurdersvereniging Lindeveen.",
        ),
        hides=("Ondertekening", "De gemeente biedt bouwlocaties aan tegen een sociale grondprijs."),
    ),
    "english": Form(
        year=None,
        summary=False,
        lang="en",
        shows=("Commitments by theme", "Huurdersvereniging Lindeveen", "De gemeente start de wijkaanpak in De Hoven."),
        hides=("Partijen", "Afspraken per thema", "Ondertekening"),
    ),
}


def write_document(form: Form, path: Path) -> Path:
    """Write Lindeveen's document in *form* as HTML to *path*, as a user does: ``prestatieafspraken document``."""
    assert main(["document", "--example", LINDEVEEN, *form.options, "--format", "html", "--output", str(path)]) == 0
    return path


@pytest.fixture(scope="module")
def pdftotext() -> str:
    """Poppler's pdftotext; fails under CI when it is missing, else skips."""
    found = shutil.which("pdftotext")
    if found is None:
        _missing_in_ci_else_skip("pdftotext is missing: apt-get install -y --no-install-recommends poppler-utils")
    return found


def printed_pages(browser: WebDriver, pdftotext: str) -> list[str]:
    """The open page printed to A4 by Chromium, as the text of each printed page (whitespace squeezed)."""
    from selenium.webdriver.common.print_page_options import PrintOptions  # noqa: PLC0415

    options = PrintOptions()
    options.page_width, options.page_height = 21.0, 29.7
    pdf = base64.b64decode(browser.print_page(options))
    done = subprocess.run([pdftotext, "-raw", "-", "-"], input=pdf, capture_output=True, check=True, timeout=60)
    pages = [" ".join(page.split()) for page in done.stdout.decode("utf-8").split("\f")]
    return [page for page in pages if page]


class TestDocument:
    """The HTML document of a shipped example, in its three forms and in English, as Chromium renders it."""

    @pytest.mark.parametrize("name", FORMS)
    def test_renders_with_its_content(self, browser: WebDriver, tmp_path: Path, name: str) -> None:
        """No console error or warning; the chapters `document` built, in order; its texts shown, others' absent."""
        from selenium.webdriver.common.by import By  # noqa: PLC0415

        form = FORMS[name]
        assert visit(browser, write_document(form, tmp_path / f"{name}.html")) == []
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == form.lang
        assert [heading.text for heading in browser.find_elements(By.TAG_NAME, "h1")] == form.chapters()
        page = browser.find_element(By.TAG_NAME, "body").text  # the text the browser shows, nothing hidden
        for text in form.shows:
            assert text in page, text
        for text in form.hides:
            assert text not in page, text

    def test_printed_pages_break_where_they_should(self, browser: WebDriver, tmp_path: Path, pdftotext: str) -> None:
        """Printed, the title page stands alone, the first chapter and the signature page each start a page."""
        assert visit(browser, write_document(FORMS["volledig"], tmp_path / "volledig.html")) == []
        pages = printed_pages(browser, pdftotext)
        assert pages[0].startswith(TITLE)
        assert "Partijen" not in pages[0]
        assert pages[1].startswith("Partijen Deze afspraken zijn gemaakt door de volgende partijen.")
        signing = [index for index, page in enumerate(pages) if page.startswith("Ondertekening Zo overeengekomen")]
        assert len(signing) == 1
        assert all("Zo overeengekomen" not in page for page in pages[: signing[0]])

    def test_the_summary_is_one_printed_page(self, browser: WebDriver, tmp_path: Path, pdftotext: str) -> None:
        """The tenants' summary prints on one A4 page; the jaarschijf, its near-miss, takes several."""
        assert visit(browser, write_document(FORMS["samenvatting"], tmp_path / "samenvatting.html")) == []
        summary = printed_pages(browser, pdftotext)
        assert len(summary) == 1
        assert summary[0].startswith("Wat is er afgesproken voor 2026?")
        assert visit(browser, write_document(FORMS["jaarschijf"], tmp_path / "jaarschijf.html")) == []
        assert len(printed_pages(browser, pdftotext)) > 1

    @pytest.mark.parametrize("form", ["volledig", "jaarschijf", "samenvatting"])
    def test_every_form_fits_a_narrow_window(self, browser: WebDriver, tmp_path: Path, form: str) -> None:
        """In the narrowest window, as on a phone, no form scrolls sideways; a bare wide table would."""
        assert visit(browser, write_document(FORMS[form], tmp_path / f"{form}.html")) == []
        scroll, width = _widths_when_narrow(browser)
        assert width < WINDOW[0]
        assert scroll <= width
        wide = '<!DOCTYPE html><table><tr><td style="min-width: 900px">breed</td></tr></table>'
        assert show(browser, wide, tmp_path / "breed.html") == []
        scroll, width = _widths_when_narrow(browser)
        assert scroll > width


def _widths_when_narrow(browser: WebDriver) -> tuple[int, int]:
    """The open page's scroll width and window width, in the narrowest window (then the window is as it was)."""
    try:
        browser.set_window_size(360, 800)  # headless Chromium keeps to at least 500 pixels
        scroll, width = browser.execute_script(
            "const page = document.documentElement; return [page.scrollWidth, page.clientWidth];"
        )
    finally:
        browser.set_window_size(*WINDOW)
    return int(scroll), int(width)


# --- the screenshots in the docs -----------------------------------------------------------------------------------


def _png_size(data: bytes) -> tuple[int, int]:
    """The width and height of a PNG image, from its header."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


SOURCE = b"Source"


def with_source(png: bytes, html: str) -> bytes:
    """The PNG with a text chunk ``Source`` holding the SHA-256 of the HTML it shows, before its end chunk."""
    data = SOURCE + b"\0" + hashlib.sha256(html.encode("utf-8")).hexdigest().encode("ascii")
    chunk = struct.pack(">I", len(data)) + b"tEXt" + data + struct.pack(">I", zlib.crc32(b"tEXt" + data))
    end = png.rindex(b"IEND") - 4  # the end chunk, from its length field
    return png[:end] + chunk + png[end:]


def source_of(png: bytes) -> str | None:
    """The SHA-256 in the PNG's ``Source`` text chunk, or ``None`` when it has none."""
    offset = 8
    while offset < len(png):
        (length,) = struct.unpack(">I", png[offset : offset + 4])
        kind, data = png[offset + 4 : offset + 8], png[offset + 8 : offset + 8 + length]
        key, _, value = data.partition(b"\0")
        if kind == b"tEXt" and key == SOURCE:
            return value.decode("ascii")
        offset += 12 + length
    return None


# Without the picture of who does what for whom: the screenshot's page is named by the hash of its HTML, which
# must not depend on the version of Graphviz that draws the picture.
def _report() -> str:
    return render_report(examples.load(LINDEVEEN), as_of=EXAMPLES_AS_OF, format="html", picture=False)


def _document() -> str:
    return document(examples.load(LINDEVEEN), picture=False).to_html()


#: The pictures in the docs, each the first page of the HTML of Lindeveen that makes it.
SCREENSHOTS: dict[str, Callable[[], str]] = {"report.png": _report, "document.png": _document}


class TestScreenshot:
    """The pictures of the first pages in the docs are made by headless Chromium from a shipped example."""

    @pytest.mark.parametrize("name", SCREENSHOTS)
    def test_screenshot(self, browser: WebDriver, tmp_path: Path, name: str) -> None:
        """docs/images/NAME is the first page of Lindeveen's HTML as it is written today, at the browser's size."""
        html = SCREENSHOTS[name]()
        assert show(browser, html, tmp_path / "lindeveen.html") == []
        picture = IMAGES / name
        if UPDATE:
            picture.parent.mkdir(parents=True, exist_ok=True)
            picture.write_bytes(with_source(browser.get_screenshot_as_png(), html))
            pytest.fail(f"wrote {picture}: look at it, then run the tests without PRESTATIEAFSPRAKEN_UPDATE_SCREENSHOT")
        remake = f"PRESTATIEAFSPRAKEN_UPDATE_SCREENSHOT=1 python -m pytest {__file__} makes it"
        assert picture.exists(), f"{picture} is missing: {remake}"
        shipped = picture.read_bytes()
        assert source_of(shipped) == hashlib.sha256(html.encode("utf-8")).hexdigest(), (
            f"{picture} shows an older page: {remake}"
        )
        assert _png_size(shipped) == _png_size(browser.get_screenshot_as_png())
        assert _png_size(shipped)[0] == WINDOW[0]

    def test_the_source_tells_pages_apart(self, browser: WebDriver, tmp_path: Path) -> None:
        """The marked picture still opens in the browser at its size; it names its page's HTML and no other."""
        from selenium.webdriver.common.by import By  # noqa: PLC0415

        marked = with_source(browser.get_screenshot_as_png(), "<p>een</p>")
        assert source_of(marked) == hashlib.sha256(b"<p>een</p>").hexdigest()
        assert source_of(marked) != hashlib.sha256(b"<p>twee</p>").hexdigest()
        assert source_of(browser.get_screenshot_as_png()) is None
        (tmp_path / "shot.png").write_bytes(marked)
        assert show(browser, '<!DOCTYPE html><img src="shot.png" alt="">', tmp_path / "shot.html") == []
        image = browser.find_element(By.TAG_NAME, "img")
        natural = browser.execute_script("return [arguments[0].naturalWidth, arguments[0].naturalHeight];", image)
        assert tuple(natural) == _png_size(marked)
