"""The changes between versions of an agreement as text, Markdown or JSON, in Dutch or English.

Dutch is the default and is Dutch throughout (toegevoegd, verwijderd, gewijzigd, niet als wijziging
overeengekomen); keys and values are those of the file format, as the file holds them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any, Literal

import orjson

from prestatieafspraken.documents._blocks import Block, Document, Heading, Paragraph, Table
from prestatieafspraken.documents._words import says
from prestatieafspraken.serialization import dumps
from prestatieafspraken.versions import Agreed, Change, ChangeKind, Diff, History
from prestatieafspraken.vocabulary import TERMS, Label, Language, label

__all__ = ["ChangesFormat", "change_data", "describe", "item_word", "render_diff", "render_history"]

ChangesFormat = Literal["text", "json", "markdown"]

_NL, _EN = 0, 1

#: The kinds of item, by `Change.item`: each is a term of the vocabulary.
ITEM_WORDS: Mapping[str, Label] = MappingProxyType(
    {
        item: TERMS[item]
        for item in (
            "agreement",
            "amendment",
            "area",
            "assessment",
            "basis_document",
            "bid",
            "coalition_member",
            "commitment",
            "definition",
            "framework",
            "goal",
            "group",
            "indicator",
            "mandate",
            "milestone",
            "offer",
            "party",
            "product",
            "realisation",
            "target",
            "theme",
        )
    }
)


def _lang(lang: Language) -> int:
    return _EN if lang == "en" else _NL


def item_word(item: str, lang: Language = "nl") -> str:
    """The word for a kind of item (`Change.item`) in *lang*; an unknown kind as the format names it."""
    words = ITEM_WORDS.get(item)
    return words("en" if lang == "en" else "nl") if words is not None else item.replace("_", " ")


def _value(value: Any, lang: Language) -> str:
    """A wire value as a person reads it: a list comma-separated, a mapping as ``key: value`` pairs."""
    if value is None:
        return says("changes_not_given", lang)
    if isinstance(value, bool):
        return {True: ("ja", "yes"), False: ("nee", "no")}[value][_lang(lang)]
    if isinstance(value, list):
        return "[" + ", ".join(_value(element, lang) for element in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {_value(element, lang)}" for key, element in value.items()) + "}"
    return str(value)


def _path(change: Change) -> str:
    if change.kind is ChangeKind.ADDED:
        return change.new_path
    if change.kind is ChangeKind.REMOVED or change.old_path == change.new_path:
        return change.old_path
    return f"{change.old_path} → {change.new_path}"


def _agreed(change: Change, lang: Language) -> str:
    if change.agreed is Agreed.AMENDED:
        return says("changes_amended", lang, ids=", ".join(change.amendments))
    if change.agreed is Agreed.UNAMENDED:
        return says("changes_unamended", lang)
    return ""


def describe(change: Change, lang: Language = "nl", *, item: bool = True) -> str:
    """One change in one line: what happened to which item (unless not *item*), for a field its old and new value."""
    head = label(change.kind, "en" if lang == "en" else "nl")
    if item:
        head += f" {item_word(change.item, lang)} {change.id}"
    if change.kind is not ChangeKind.CHANGED:
        return head
    detail = f"{change.field}: {_value(change.old, lang)} → {_value(change.new, lang)}"
    return f"{head}: {detail}" if item else f"{head} {detail}"


def change_data(change: Change, lang: Language = "nl") -> dict[str, Any]:
    """A change as plain data for JSON; ``description`` is `describe`'s line in *lang*."""
    return {
        "change": change.kind.value,
        "item": change.item,
        "id": change.id,
        "field": change.field,
        "old": change.old,
        "new": change.new,
        "old_path": change.old_path,
        "new_path": change.new_path,
        "agreed": change.agreed.value if change.agreed is not None else None,
        "amendments": list(change.amendments),
        "description": describe(change, lang),
    }


def _summary(found: Diff, lang: Language) -> list[str]:
    counts = found.counts()
    line = says("changes_summary", lang, **counts)
    if counts["unamended"]:
        line += "; " + says("changes_unamended_count", lang, n=counts["unamended"])
    lines = [line + "."]
    if found.signed:
        lines.append(
            says("changes_signed", lang, parties=", ".join(found.signing_parties) or says("changes_nobody", lang))
        )
        lines.append(
            says("changes_amendments", lang, ids=", ".join(found.amendments))
            if found.amendments
            else says("changes_no_amendments", lang)
        )
    return lines


def _text_lines(changes: Iterable[Change], lang: Language, indent: str = "", *, item: bool = True) -> list[str]:
    lines = []
    for change in changes:
        agreed = _agreed(change, lang)
        line = f"{indent}{describe(change, lang, item=item)}  ({_path(change)})"
        lines.append(line + (f"  [{agreed}]" if agreed else ""))
    return lines


def _markdown(
    title: str, lines: list[str], columns: tuple[str, ...], rows: Iterable[tuple[str, ...]], lang: Language
) -> str:
    """A heading, the lines as paragraphs and a table whose path column is shown as code, as Markdown."""
    blocks: list[Block] = [Heading(level=2, text=title), *(Paragraph(text=line) for line in lines if line)]
    names = tuple(says(name, lang) for name in columns)
    blocks.append(Table(columns=names, rows=tuple(rows), reference=frozenset({columns.index("path")})))
    return Document(title=title, lang=lang, blocks=tuple(blocks)).to_markdown()


def _row(change: Change, lang: Language) -> tuple[str, ...]:
    changed = change.kind is ChangeKind.CHANGED
    return (
        label(change.kind, "en" if lang == "en" else "nl"),
        item_word(change.item, lang),
        change.id,
        change.field or "",
        _value(change.old, lang) if changed else "",
        _value(change.new, lang) if changed else "",
        _path(change),
        _agreed(change, lang),
    )


_COLUMNS = (
    "col_what",
    "changes_col_item",
    "changes_col_id",
    "changes_col_field",
    "changes_col_old",
    "changes_col_new",
    "path",
    "changes_col_agreed",
)


def render_diff(found: Diff, *, format: ChangesFormat = "text", lang: Language = "nl", old: str, new: str) -> str:  # noqa: A002
    """*found* as text, Markdown or JSON; *old* and *new* name the two versions (such as their files)."""
    if format == "json":
        data = {"old": old, "new": new, "same": not found, "signed": found.signed}
        data |= {"signing_parties": list(found.signing_parties), "amendments": list(found.amendments)}
        data |= {"summary": found.counts(), "changes": [change_data(change, lang) for change in found]}
        return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode()
    if not found:
        return says("changes_same", lang, old=old, new=new)
    if format == "markdown":
        title = f"{says('changes_heading_diff', lang)}: {old} → {new}"
        return _markdown(title, _summary(found, lang), _COLUMNS, (_row(change, lang) for change in found), lang)
    lines = [says("changes_compared", lang, old=old, new=new), *_summary(found, lang), ""]
    return "\n".join(lines + _text_lines(found, lang))


def render_history(found: History, *, format: ChangesFormat = "text", lang: Language = "nl") -> str:  # noqa: A002
    """*found* as text, Markdown or JSON: the versions, the current agreement and each item's changes."""
    current = found.current
    if format == "json":
        data: dict[str, Any] = {"versions": list(found.versions)}
        data["current"] = orjson.loads(dumps(current, format="json"))
        data["items"] = [
            {
                "item": item.item,
                "id": item.id,
                "revisions": [
                    {
                        "version": revision.version,
                        "index": revision.index,
                        "change": revision.kind.value,
                        "changes": [change_data(change, lang) for change in revision.changes],
                    }
                    for revision in item.revisions
                ],
            }
            for item in found.items
        ]
        return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode()
    head = [
        says("changes_history", lang, n=len(found.versions), versions=", ".join(found.versions)),
        says("changes_current", lang, version=found.versions[-1], id=current.id, title=current.title),
        "",
    ]
    if not found.items:
        return "\n".join([*head, says("changes_no_history", lang)])
    if format == "markdown":
        rows = (
            (revision.version, *_row(change, lang))
            for item in found.items
            for revision in item.revisions
            for change in revision.changes
        )
        columns = ("changes_col_version", *_COLUMNS)
        return _markdown(says("changes_heading_history", lang), head, columns, rows, lang)
    lines = list(head)
    for item in found.items:
        lines.append(f"{item_word(item.item, lang)} {item.id}")
        for revision in item.revisions:
            lines += _text_lines(revision.changes, lang, indent=f"  {revision.version}: ", item=False)
    return "\n".join(lines)
