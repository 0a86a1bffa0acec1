"""The handbook chapter pages document every built-in rule, on the page of its group, with the sentence it implements.

A new rule without docs fails here: its code must be linked to the catalogue (``../rules.md#pa111``) from exactly
the chapter page of its group, and the handbook sentence its docstring quotes must be on that page.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from prestatieafspraken.rules.engine import load_builtin_rules
from prestatieafspraken.rules.registry import BUILTIN_CODE, REGISTRY, Rule

ROOT = Path(__file__).parent.parent
CHAPTERS = ROOT / "docs" / "chapters"

#: The chapter page of each group of codes (DESIGN §4).
PAGE_OF_GROUP = {
    "PA0": "integrity.md",
    "PA1": "good-start.md",
    "PA2": "meaningful-agreements.md",
    "PA3": "steering-on-realisation.md",
    "PA4": "statutory-cycle.md",
}

CODE = re.compile(r"\bPA\d{3}\b")
RULE_LINK = re.compile(r"\]\(\.\./rules\.md#(pa\d{3})\)")
QUOTE = re.compile(r'"([^"]+)"')
SENTENCE_END = re.compile(r"(?<=[.?!]) ")
BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)
#: A paragraph of a rule's description that cites the law or practice with the address of a public page.
PUBLIC_SOURCE = re.compile(
    r"^(?:Law|Practice|Law and practice|Practice and policy):[^\n]*(?:\n[^\n]+)*https?://", re.MULTILINE
)


def builtin_rules() -> list[Rule]:
    """The rules this library ships (not those a user or a test registers)."""
    load_builtin_rules()
    return [
        rule
        for rule in REGISTRY
        if BUILTIN_CODE.fullmatch(rule.code) and rule.origin.startswith("prestatieafspraken.rules.")
    ]


def page_text(name: str) -> str:
    """The Markdown of a chapter page."""
    return (CHAPTERS / name).read_text(encoding="utf-8")


def normalised(text: str) -> str:
    """Text with every run of whitespace (line breaks in docstrings and tables) as one space."""
    return re.sub(r"\s+", " ", text).strip()


def handbook_quotes(rule: Rule) -> list[str]:
    """The sentences the rule's docstring quotes from the handbook (its paragraph that starts with ``Handbook:``)."""
    for paragraph in rule.description.split("\n\n"):
        if paragraph.startswith("Handbook:"):
            return [normalised(quote) for quote in QUOTE.findall(paragraph)]
    return []


def handbook_rows(text: str) -> list[tuple[str, set[str]]]:
    """Per row of a "The handbook says" table: its first cell and the rule codes the row links."""
    rows: list[tuple[str, set[str]]] = []
    in_table = False
    for line in text.splitlines():
        if line.startswith("| The handbook says |"):
            in_table = True
        elif not line.startswith("|"):
            in_table = False
        elif in_table and not line.startswith("|---"):
            first_cell = line.split("|")[1]
            rows.append((first_cell, {code.upper() for code in RULE_LINK.findall(line)}))
    return rows


RULES = builtin_rules()
RULES_BY_CODE = {rule.code: rule for rule in RULES}


def test_every_group_has_its_page() -> None:
    """Each group of codes has a chapter page, and every built-in rule belongs to one of the groups."""
    for name in PAGE_OF_GROUP.values():
        assert (CHAPTERS / name).is_file(), name
    assert RULES
    assert {rule.code[:3] for rule in RULES} <= set(PAGE_OF_GROUP)


@pytest.mark.parametrize("rule", RULES, ids=[rule.code for rule in RULES])
def test_rule_is_linked_from_exactly_its_chapter(rule: Rule) -> None:
    """A rule is linked to the catalogue from the chapter page of its group, and named on no other chapter page."""
    own = PAGE_OF_GROUP[rule.code[:3]]
    assert rule.code.lower() in RULE_LINK.findall(page_text(own)), f"{rule.code} is not linked from {own}"
    for other in sorted(set(PAGE_OF_GROUP.values()) - {own}):
        assert rule.code not in CODE.findall(page_text(other)), f"{rule.code} is named on {other}, not only on {own}"


@pytest.mark.parametrize("rule", RULES, ids=[rule.code for rule in RULES])
def test_rule_sentence_is_on_its_chapter_page(rule: Rule) -> None:
    """A sentence of the handbook that a rule's docstring quotes is on its chapter page (else it cites a public source).

    A rule that implements the law or practice rather than the handbook cites the public page it rests on, in a
    paragraph of its description that opens with "Law:", "Practice:" or similar and gives the address.
    """
    quotes = handbook_quotes(rule)
    if not quotes:
        assert PUBLIC_SOURCE.search(rule.description), f"{rule.code} quotes no handbook sentence and cites no page"
        return
    page = normalised(page_text(PAGE_OF_GROUP[rule.code[:3]]))
    sentences = [sentence for quote in quotes for sentence in SENTENCE_END.split(quote)]
    assert any(sentence in page for sentence in sentences), f"none of {rule.code}'s handbook sentences is on its page"


#: The pages whose rules implement the handbook; the statutory rules implement the law (FACTS), not the handbook.
HANDBOOK_PAGES = sorted(page for group, page in PAGE_OF_GROUP.items() if group != "PA4")


@pytest.mark.parametrize("name", HANDBOOK_PAGES)
def test_rows_quote_what_their_rules_quote(name: str) -> None:
    """Every sentence in a "The handbook says" row is quoted, word for word, by a rule the row links to."""
    rows = [(cell, codes) for cell, codes in handbook_rows(page_text(name)) if codes]
    assert rows, f"{name} has no table row that links a rule"
    for cell, codes in rows:
        quoted = [quote for code in sorted(codes) for quote in handbook_quotes(RULES_BY_CODE[code])]
        for sentence in QUOTE.findall(cell):
            assert any(normalised(sentence) in quote for quote in quoted), (
                f"{name}: {sentence[:60]!r}... is not what {', '.join(sorted(codes))} quote(s)"
            )


@pytest.mark.parametrize("rule", RULES, ids=[rule.code for rule in RULES])
def test_rule_module_is_on_its_chapter_page(rule: Rule) -> None:
    """The module that holds a rule is named on its chapter page, so the page and the code have the same map."""
    module = "rules/" + rule.origin.removeprefix("prestatieafspraken.rules.").replace(".", "/") + ".py"
    own = PAGE_OF_GROUP[rule.code[:3]]
    rows = [line for line in page_text(own).splitlines() if f"`{module}`" in line]
    assert rows, f"{rule.code} lives in {module}, which {own} does not name"
    assert any(rule.code in row or _in_range(rule.code, row) for row in rows), (
        f"{own} names {module} without {rule.code}"
    )


def _in_range(code: str, row: str) -> bool:
    """Whether a table row's ranges (``PA101–PA104``) hold the code."""
    number = int(code[2:])
    return any(int(low) <= number <= int(high) for low, high in re.findall(r"PA(\d{3})[–-]PA(\d{3})", row))


@pytest.mark.parametrize("name", sorted(PAGE_OF_GROUP.values()))
def test_links_name_registered_rules(name: str) -> None:
    """Every link to the catalogue names a rule that exists, so no anchor on a chapter page dangles."""
    for anchor in RULE_LINK.findall(page_text(name)):
        assert anchor.upper() in RULES_BY_CODE, f"{name} links {anchor}, which is no rule"


@pytest.mark.parametrize("name", sorted(PAGE_OF_GROUP.values()))
def test_page_opens_with_its_source(name: str) -> None:
    """A chapter page opens, under its title, with its source in the handbook or the law (STYLE, docs)."""
    lines = page_text(name).splitlines()
    assert lines[0].startswith("# ")
    assert lines[2].startswith("*Source: ")


def test_chapters_are_in_the_navigation() -> None:
    """Every chapter page is in the site's navigation."""
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for name in PAGE_OF_GROUP.values():
        assert f"chapters/{name}" in nav


@pytest.mark.parametrize("name", sorted(PAGE_OF_GROUP.values()))
def test_code_blocks_run(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The Python blocks of a chapter page run in order, in one namespace (tests/test_docs.py sees docs/*.md only)."""
    namespace: dict[str, object] = {"__name__": f"docs_chapters_{Path(name).stem}"}
    for number, block in enumerate(BLOCK.findall(page_text(name)), start=1):
        exec(compile(block, f"chapters/{name} block {number}", "exec"), namespace)  # noqa: S102 - the docs' own examples
    capsys.readouterr()
