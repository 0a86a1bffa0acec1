"""Fuzzing the loader and the checker with mutated agreements (issue 7, "fuzzing").

A mutated document starts from a valid agreement (a generated one, unstructured to plain data, or a shipped
example) and breaks it: keys deleted, renamed or added, values of the wrong type, references to nothing, huge and
negative numbers, odd Unicode, values nested thousands of levels deep, a duplicated key line in the YAML text.
It is written as YAML text and as JSON bytes; raw byte mutations (truncation, flipped bytes, invalid UTF-8) are fed
as well. Whatever arrives, `loads` either returns an agreement, which `check` then checks without a rule failing
and which `dumps` writes so that it loads back equal, or raises `LoadError`, every problem of which has a
``$.path`` and a message. Nothing else: no other exception, no `RecursionError`, no `MemoryError`, no hang.

The default run draws a few hundred cases; ``pytest -m slow tests/test_fuzz.py`` runs the same properties over
ten thousand.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import functools
import json
import math
import re
import signal
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import attrs
import pendulum
import pytest
import yaml
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from prestatieafspraken import LoadError, check, dumps, examples, loads
from prestatieafspraken.serialization import Format, unstructure
from strategies import agreements, dates

# --- the property ---------------------------------------------------------------------------------------------

#: A case that takes longer than this is a hang: Hypothesis' deadline only measures a case after it ends, so the
#: case is also interrupted (where the platform has SIGALRM) rather than left to block the run.
HANG_SECONDS = 60
#: Hypothesis' deadline per case: generous (a case takes milliseconds), but finite.
DEADLINE = dt.timedelta(seconds=10)
#: Check dates: the years agreements are made in, and the first and last day of the calendar.
AS_OF = st.one_of(dates(2015, 2040), st.sampled_from([pendulum.Date(1, 1, 1), pendulum.Date(9999, 12, 31)]))


class HangError(BaseException):
    """A case ran past `HANG_SECONDS`; a `BaseException`, so that no ``except Exception`` in the library eats it."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise `HangError` in the block once it has run for *seconds* (no limit where there is no SIGALRM)."""
    if not hasattr(signal, "setitimer"):  # pragma: no cover - Windows
        yield
        return

    def interrupt(_signal: int, _frame: object) -> None:
        raise HangError(f"the case ran for more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def assert_loads_cleanly(payload: str | bytes, format: Format, as_of: dt.date) -> None:  # noqa: A002
    """Assert that *payload* loads as an agreement that checks and round-trips, or raises a clean `LoadError`."""
    with time_limit(HANG_SECONDS):
        try:
            agreement = loads(payload, format=format)
        except LoadError as error:
            refused: LoadError | None = error
        else:
            refused = None
        if refused is not None:
            assert refused.problems, "a LoadError lists at least one problem"
            for problem in refused.problems:
                assert problem.path.startswith("$"), problem
                assert problem.message.strip(), problem
            return
        report = check(agreement, as_of=as_of)
        failures = [finding.message_en for finding in report.findings if "failed to run" in finding.message_en]
        assert failures == []
        for written_format in ("yaml", "json"):
            assert loads(dumps(agreement, format=written_format), format=written_format) == agreement


# --- plain documents to start from ------------------------------------------------------------------------------


@functools.cache
def _example_data(name: str) -> dict[str, Any]:
    return unstructure(examples.load(name))


def _generated_data(*, valid_references: bool) -> st.SearchStrategy[dict[str, Any]]:
    return agreements(valid_references=valid_references).map(unstructure)


#: Valid agreements as plain data: generated ones (references valid or not) and the shipped examples.
PLAIN_DOCUMENTS: st.SearchStrategy[dict[str, Any]] = st.one_of(
    _generated_data(valid_references=True),
    _generated_data(valid_references=False),
    st.sampled_from(examples.names()).map(lambda name: copy.deepcopy(_example_data(name))),
)

# --- values the mutations put in --------------------------------------------------------------------------------

#: Values of every other type, for "a list where a mapping is, a number where a text is, ...".
SWAPPED_VALUES: tuple[object, ...] = (
    [],
    ["x"],
    [1, 2],
    [{}],
    {},
    {"a": 1},
    {"id": "x"},
    0,
    1,
    -1,
    2.5,
    "",
    "text",
    "2024",
    "2024-01-01",
    None,
    True,
    False,
)

#: Huge, tiny and negative numbers, and the ones that are not numbers (JSON writes NaN and Infinity as the
#: non-standard tokens, which a JSON reader refuses; YAML writes .nan and .inf).
ODD_NUMBERS: tuple[int | float, ...] = (
    10**30,
    -(10**30),
    1e308,
    -1e308,
    -1,
    0,
    -0.0,
    5e-324,
    0.1,
    (1 << 63) - 1,
    -((1 << 63) - 1),
    1 << 63,
    1 << 64,
    -(1 << 31),
    9999,
    10_000,
    -10_000,
    math.nan,
    math.inf,
    -math.inf,
)

#: NUL, direction marks and overrides, emoji and joiners, lone combining marks, other odd code points.
ODD_TEXTS: tuple[str, ...] = (
    "\x00",
    "a\x00b",
    "\u200f",
    "\u202eevil",
    "\u2067isolate\u2069",
    "🏘️",
    "👩\u200d👩\u200d👧\u200d👦",
    "\u0301",
    "\u0301\u0302\u0303",
    "gemeente-\u0301",
    "Gemeente-Utrecht",
    "zero\u200bwidth",
    "\ufeff",
    "\u2028",
    "\x85",
    "\r",
    "\t",
    " ",
    "",
    "\U0010ffff",
    "\ufffe\uffff",
    "\U0001d518\U0001d52b",
    "ﷺ",
    "İ",
)

#: Days at the ends of the calendar, days that do not exist, and dates in forms the format does not take.
ODD_DATES: tuple[str, ...] = (
    "0001-01-01",
    "0001-12-31",
    "0002-01-01",
    "9998-12-31",
    "9999-01-01",
    "9999-12-31",
    "2024-02-29",
    "2023-02-29",
    "0000-01-01",
    "2020-1-1",
    "20200101",
    "2020-01-01T00:00:00",
    "2020-01-01 ",
    "10000-01-01",
    "-2020-01-01",
    "2020-13-01",
    "\uff12\uff10\uff12\uff10-01-01",
    "\u0662\u0660\u0662\u0660-\u0660\u0661-\u0660\u0661",
)

#: Characters that make very long texts: one byte, two bytes and four bytes in UTF-8, and a combining mark.
LONG_TEXT_UNITS = ("x", "é", "🏘", "\u0301", "ab\n")
LONG_TEXT_LENGTHS = (1_000, 10_000, 100_000, 300_000)


def _deep_value(depth: int, kind: str) -> str:
    """JSON (and so YAML flow) text of lists or mappings nested *depth* levels deep."""
    if kind == "list":
        return "[" * depth + "]" * depth
    return '{"a": ' * depth + "0" + "}" * depth


#: A raw scalar written into the text as it is: numbers the writers cannot write and the readers may choke on.
RAW_SCALARS: tuple[str, ...] = (
    "9" * 5000,
    "-" + "9" * 5000,
    "0x" + "f" * 5000,
    "0b" + "1" * 20_000,
    "1" + "0" * 400 + ".0",
    "1.0e+999",
    "-1.0e+999",
    "1e999",
    "0." + "0" * 400 + "1",
    "1:" + "0" * 4000,
    "-0",
    "0o17",
    "017",
    "1_000",
    "+12",
)

# --- mutating a plain document ------------------------------------------------------------------------------------

Container = dict[Any, Any] | list[Any]
_Slot = tuple[Container, Any]


def _slots(root: list[Any]) -> list[_Slot]:
    """Every place that holds a value, as (container, key or index), the whole document (``root[0]``) first."""
    slots: list[_Slot] = []
    stack: list[Any] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                slots.append((node, key))
                stack.append(value)
        elif isinstance(node, list):
            for index, value in enumerate(node):
                slots.append((node, index))
                stack.append(value)
    return slots


def _pick(draw: st.DrawFn, items: list[Any]) -> Any:
    return items[draw(st.integers(0, len(items) - 1))]


def _preferred(draw: st.DrawFn, preferred: list[_Slot], others: list[_Slot]) -> list[_Slot]:
    """The *preferred* places three times in four (when there are any), else all of them."""
    prefer = draw(st.integers(0, 3)) > 0
    return preferred if preferred and prefer else others


def _typo(draw: st.DrawFn, key: str) -> str:
    """A key as a person might mistype it."""
    if not key:
        return "x"
    at = draw(st.integers(0, len(key) - 1))
    typos = [
        key[:at] + key[at + 1 :],  # a character left out
        key[:at] + key[at] + key[at:],  # a character doubled
        key[:at] + key[at + 1 : at + 2] + key[at] + key[at + 2 :],  # two characters swapped
        key.upper(),
        key.capitalize(),
        key + "s",
        key + " ",
        key.replace("_", "-"),
        key.replace("_", ""),
        key + "\u200b",
    ]
    return str(draw(st.sampled_from(typos)))


@attrs.frozen(kw_only=True)
class MutatedDocument:
    """A plain document with mutations applied, ready to be written as YAML text or JSON bytes.

    Values that no writer writes (nesting thousands of levels deep, integers of thousands of digits) stand in
    `data` as placeholder texts that `raw` maps to the text that replaces them, quoted or not, once written.
    """

    data: Any
    mutations: tuple[str, ...]
    raw: dict[str, str] = attrs.field(factory=dict)
    duplicate_line: int | None = None
    """Which key line of the YAML text (modulo their number) to write twice, if any."""

    def yaml(self) -> str:
        """The document as YAML text, with its placeholders filled in and a key line perhaps duplicated."""
        text = yaml.dump(self.data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110)
        for token, raw in self.raw.items():
            text = text.replace(token, raw)  # a placeholder is written plain, without quotes
        if self.duplicate_line is not None:
            text = _duplicate_key_line(text, self.duplicate_line)
        return text

    def json(self) -> bytes:
        """The document as JSON bytes, with its placeholders filled in."""
        text = json.dumps(self.data, ensure_ascii=False, allow_nan=True)
        for token, raw in self.raw.items():
            text = text.replace(f'"{token}"', raw)
        return text.encode("utf-8")

    def payloads(self) -> list[tuple[str | bytes, Format]]:
        """The document written both ways, each with the format to read it in."""
        return [(self.yaml(), "yaml"), (self.json(), "json")]


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]  # libyaml's is untyped
    """Writes a value that occurs twice out twice, rather than as an anchor and an alias."""

    def ignore_aliases(self, data: Any) -> bool:  # noqa: ARG002 - the signature of the base class
        return True


_KEY_LINE = re.compile(r"^(\s*)(- )?([^\s#'\"\-][^:\n]*):(?: |$)")


def _duplicate_key_line(text: str, which: int) -> str:
    """Write the *which*-th line that holds a key twice (as the same key of the same mapping)."""
    lines = text.split("\n")
    key_lines = [index for index, line in enumerate(lines) if _KEY_LINE.match(line)]
    if not key_lines:
        return text
    index = key_lines[which % len(key_lines)]
    match = _KEY_LINE.match(lines[index])
    assert match is not None
    indent, item = match[1], match[2] or ""
    # The first key of a list item is written again as the next key of the same item, not as a new item.
    lines.insert(index + 1, indent + " " * len(item) + lines[index][len(indent) + len(item) :])
    return "\n".join(lines)


Mutation = Callable[[st.DrawFn, list[Any], dict[str, str]], str]


def _delete(draw: st.DrawFn, root: list[Any], _raw: dict[str, str]) -> str:
    slots = [(container, key) for container, key in _slots(root) if container is not root]
    if not slots:
        return "nothing to delete"
    container, key = _pick(draw, slots)
    del container[key]
    return f"deleted {key!r}"


def _swap_type(draw: st.DrawFn, root: list[Any], _raw: dict[str, str]) -> str:
    container, key = _pick(draw, _slots(root))
    value = copy.deepcopy(draw(st.sampled_from(SWAPPED_VALUES)))
    container[key] = value
    return f"{key!r} became {value!r}"


def _break_reference(draw: st.DrawFn, root: list[Any], _raw: dict[str, str]) -> str:
    slots = _slots(root)
    ids = {value for container, key in slots if key == "id" and isinstance(value := container[key], str)}
    texts = [(container, key) for container, key in slots if isinstance(container[key], str)]
    references = [(container, key) for container, key in texts if container[key] in ids] or texts
    if not references:
        return "no reference to break"
    container, key = _pick(draw, references)
    unknown = draw(st.sampled_from(["unknown", "nobody", "x-404", "gemeente-nergens"]))
    container[key] = unknown
    return f"{key!r} now names {unknown!r}"


def _odd_number(draw: st.DrawFn, root: list[Any], _raw: dict[str, str]) -> str:
    slots = _slots(root)
    numbers = [(c, k) for c, k in slots if type(c[k]) in (int, float)]
    container, key = _pick(draw, _preferred(draw, numbers, slots))
    number = draw(st.sampled_from(ODD_NUMBERS))
    container[key] = number
    return f"{key!r} became {number!r}"


def _odd_text(draw: st.DrawFn, root: list[Any], _raw: dict[str, str]) -> str:
    slots = _slots(root)
    texts = [(c, k) for c, k in slots if type(c[k]) is str]
    container, key = _pick(draw, _preferred(draw, texts, slots))
    choice = draw(st.integers(0, 3))
    if choice == 0:
        text = draw(st.sampled_from(LONG_TEXT_UNITS)) * draw(st.sampled_from(LONG_TEXT_LENGTHS))
    elif choice == 1:
        text = draw(st.text(st.characters(exclude_categories=["Cs"]), max_size=20))
    else:
        odd = draw(st.sampled_from(ODD_TEXTS))
        original = container[key] if type(container[key]) is str else ""
        text = draw(st.sampled_from([odd, odd + original, original + odd]))
    container[key] = text
    return f"{key!r} became a text of {len(text)} characters: {text[:20]!r}"


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _odd_date(draw: st.DrawFn, root: list[Any], _raw: dict[str, str]) -> str:
    slots = _slots(root)
    days = [(c, k) for c, k in slots if type(c[k]) is str and _DATE.fullmatch(c[k])]
    container, key = _pick(draw, _preferred(draw, days, slots))
    day = draw(st.sampled_from(ODD_DATES))
    container[key] = day
    return f"{key!r} became {day!r}"


def _placeholder(raw: dict[str, str], text: str) -> str:
    token = f"zzplaceholder{len(raw)}zz"
    raw[token] = text
    return token


def _deep_nesting(draw: st.DrawFn, root: list[Any], raw: dict[str, str]) -> str:
    container, key = _pick(draw, _slots(root))
    depth = draw(st.integers(200, 5000))
    kind = draw(st.sampled_from(["list", "dict"]))
    container[key] = _placeholder(raw, _deep_value(depth, kind))
    return f"{key!r} became {depth} nested {kind}s"


def _raw_scalar(draw: st.DrawFn, root: list[Any], raw: dict[str, str]) -> str:
    slots = _slots(root)
    numbers = [(c, k) for c, k in slots if type(c[k]) in (int, float)]
    container, key = _pick(draw, _preferred(draw, numbers, slots))
    scalar = draw(st.sampled_from(RAW_SCALARS))
    container[key] = _placeholder(raw, scalar)
    return f"{key!r} became the raw scalar {scalar[:20]!r}"


def _rename_key(draw: st.DrawFn, root: list[Any], _raw: dict[str, str]) -> str:
    keyed = [(c, k) for c, k in _slots(root) if isinstance(c, dict) and isinstance(k, str)]
    if not keyed:
        return "no key to rename"
    mapping, key = _pick(draw, keyed)
    new_key = _typo(draw, key)
    items = [(new_key if old == key else old, value) for old, value in mapping.items()]
    mapping.clear()
    mapping.update(items)
    return f"renamed {key!r} to {new_key!r}"


EXTRA_KEYS = st.one_of(
    st.sampled_from(["note", "extra", "x-custom", "Id", "schema", "comments", "<<", "id"]),
    st.text(st.characters(exclude_categories=["Cs"]), max_size=8),
    st.integers(-5, 5),
    st.booleans(),
    st.none(),
)


def _extra_key(draw: st.DrawFn, root: list[Any], _raw: dict[str, str]) -> str:
    mappings = [value for c, k in _slots(root) if isinstance(value := c[k], dict)]
    if not mappings:
        return "no mapping to add a key to"
    mapping = _pick(draw, mappings)
    key = draw(EXTRA_KEYS)
    value = copy.deepcopy(draw(st.sampled_from(SWAPPED_VALUES)))
    mapping[key] = value
    return f"added {key!r}: {value!r}"


MUTATIONS: tuple[Mutation, ...] = (
    _delete,
    _swap_type,
    _break_reference,
    _odd_number,
    _odd_text,
    _odd_date,
    _deep_nesting,
    _raw_scalar,
    _rename_key,
    _extra_key,
)

#: The mutations that change values only, and mostly leave a document that loads: to exercise the checks.
VALUE_MUTATIONS: tuple[Mutation, ...] = (_break_reference, _odd_number, _odd_text, _odd_date)


@st.composite
def mutated_documents(
    draw: st.DrawFn,
    *,
    documents: st.SearchStrategy[Any] = PLAIN_DOCUMENTS,
    mutations: Sequence[Mutation] = MUTATIONS,
    min_mutations: int = 1,
    max_mutations: int = 4,
    duplicate_keys: bool = True,
) -> MutatedDocument:
    """Plain documents (by default valid agreements) with *min_mutations* to *max_mutations* *mutations*.

    Each mutation picks a place anywhere in the document, the whole document included, and deletes it, swaps its
    value for one of another type, points a reference at nothing, puts in a huge, negative or non-finite number,
    odd Unicode or a very long text, a day at the calendar's ends or one that does not exist, a value nested 200
    to 5000 levels deep or a number no writer writes, renames a key with a typo, or adds a key (`MUTATIONS`; pass
    `VALUE_MUTATIONS` for documents that mostly still load). With *duplicate_keys*, in one case in four a key
    line of the YAML text is written twice.
    """
    root = [copy.deepcopy(draw(documents))]
    raw: dict[str, str] = {}
    chosen = st.sampled_from(tuple(mutations))
    applied = tuple(draw(chosen)(draw, root, raw) for _ in range(draw(st.integers(min_mutations, max_mutations))))
    duplicate_line = draw(st.integers(0, 1000)) if duplicate_keys and draw(st.integers(0, 3)) == 0 else None
    return MutatedDocument(data=root[0], mutations=applied, raw=raw, duplicate_line=duplicate_line)


# --- mutating the bytes -----------------------------------------------------------------------------------------

#: Byte sequences that are not UTF-8 (or are, but odd): stray continuation bytes, truncated and overlong forms,
#: an encoded surrogate, a code point beyond U+10FFFF, byte-order marks, NUL.
INVALID_UTF8: tuple[bytes, ...] = (
    b"\xff",
    b"\xfe",
    b"\x80",
    b"\xc3\x28",
    b"\xc3",
    b"\xe2\x28\xa1",
    b"\xe2\x82",
    b"\xf0\x28\x8c\xbc",
    b"\xed\xa0\x80",
    b"\xc0\xaf",
    b"\xf4\x90\x80\x80",
    b"\xf8\x88\x80\x80\x80",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xfe\xff",
    b"\x00",
)


def _byte_mutation(draw: st.DrawFn, payload: bytes) -> tuple[bytes, str]:  # noqa: PLR0911 - one per kind
    at = draw(st.integers(0, len(payload)))
    kind = draw(st.sampled_from(["truncate", "flip", "invalid", "delete", "insert", "repeat"]))
    if kind == "truncate":
        return payload[:at], f"truncated at {at}"
    if kind == "flip":
        if at == len(payload):
            return payload, "nothing to flip"
        flipped = payload[at] ^ draw(st.integers(1, 255))
        return payload[:at] + bytes([flipped]) + payload[at + 1 :], f"flipped byte {at} to {flipped:#x}"
    if kind == "invalid":
        sequence = draw(st.sampled_from(INVALID_UTF8))
        return payload[:at] + sequence + payload[at:], f"inserted {sequence!r} at {at}"
    end = draw(st.integers(at, min(len(payload), at + 64)))
    if kind == "delete":
        return payload[:at] + payload[end:], f"deleted bytes {at}:{end}"
    if kind == "insert":
        inserted = draw(st.binary(max_size=16))
        return payload[:at] + inserted + payload[at:], f"inserted {inserted!r} at {at}"
    return payload[:end] + payload[at:], f"repeated bytes {at}:{end}"


@attrs.frozen(kw_only=True)
class MutatedBytes:
    """A written document with bytes truncated, flipped, inserted or removed, and the format to read it in."""

    payload: bytes
    format: Format
    mutations: tuple[str, ...]

    def payloads(self) -> list[tuple[str | bytes, Format]]:
        """The bytes with the format to read them in."""
        return [(self.payload, self.format)]


@st.composite
def mutated_bytes(draw: st.DrawFn, *, max_mutations: int = 3) -> MutatedBytes:
    """A valid (or mildly mutated) document written as YAML or JSON, with one to *max_mutations* byte mutations.

    The bytes are read in the format they were written in, or now and then in the other one (JSON is YAML too).
    """
    document = draw(mutated_documents(min_mutations=0, max_mutations=1))
    written_format: Format = draw(st.sampled_from(["yaml", "json"]))
    payload = document.yaml().encode("utf-8") if written_format == "yaml" else document.json()
    applied = list(document.mutations)
    for _ in range(draw(st.integers(1, max_mutations))):
        payload, description = _byte_mutation(draw, payload)
        applied.append(description)
    other: Format = "json" if written_format == "yaml" else "yaml"
    read_format = written_format if draw(st.integers(0, 4)) else other
    return MutatedBytes(payload=payload, format=read_format, mutations=tuple(applied))


# --- the tests ---------------------------------------------------------------------------------------------------

#: Mutated documents: half of them broken in any way, half with odd values that the checks then see.
DOCUMENTS = st.one_of(mutated_documents(), mutated_documents(mutations=VALUE_MUTATIONS, duplicate_keys=False))
FUZZ = settings(deadline=DEADLINE, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _run(case: MutatedDocument | MutatedBytes, as_of: dt.date) -> None:
    note(f"mutations: {case.mutations}")
    for payload, format_ in case.payloads():
        assert_loads_cleanly(payload, format_, as_of)


class TestFuzz:
    """Whatever a document holds, `loads` returns an agreement that checks and round-trips, or raises `LoadError`."""

    @settings(FUZZ, max_examples=300)
    @given(case=DOCUMENTS, as_of=AS_OF)
    def test_mutated_documents(self, case: MutatedDocument, as_of: dt.date) -> None:
        """A mutated agreement, written as YAML and as JSON, loads cleanly or is refused with its problems."""
        _run(case, as_of)

    @settings(FUZZ, max_examples=150)
    @given(case=mutated_bytes(), as_of=AS_OF)
    def test_mutated_bytes(self, case: MutatedBytes, as_of: dt.date) -> None:
        """A written agreement with truncated, flipped or invalid bytes loads cleanly or is refused."""
        _run(case, as_of)

    @pytest.mark.slow
    @settings(FUZZ, max_examples=10_000)
    @given(case=st.one_of(DOCUMENTS, mutated_bytes()), as_of=AS_OF)
    def test_at_length(self, case: MutatedDocument | MutatedBytes, as_of: dt.date) -> None:
        """Ten thousand mutated documents and byte strings all load cleanly or are refused (``-m slow``)."""
        _run(case, as_of)


# --- what the fuzzer found ---------------------------------------------------------------------------------------

HEADER = """\
schema_version: 1
id: x
title: t
scope: local
parties: [{id: p, name: P, kind: municipality}]
"""


def _document(perspective: str = "{start: 2024, end: 2028}", title: str = "t") -> str:
    return HEADER.replace("title: t", f"title: {title}") + f"perspective: {perspective}\n"


def _edited(name: str, edit: Callable[[dict[str, Any]], None]) -> str:
    """The YAML text of a shipped example after *edit* changed its plain data."""
    data = copy.deepcopy(_example_data(name))
    edit(data)
    return MutatedDocument(data=data, mutations=()).yaml()


class TestFoundByFuzzing:
    """The documents with which the fuzzer broke the library: each is now refused clearly, or checked and written."""

    @pytest.mark.parametrize(
        ("document", "path", "message"),
        [
            pytest.param(
                _document(title="9" * 5000),
                "3:8 $",
                "not valid YAML: a whole number of 5,000 digits is too long to read",
                id="decimal-of-5000-digits",
            ),
            pytest.param(
                _document(title="!!bool maybe"),
                "3:8 $",
                "not valid YAML: cannot read the text 'maybe' as 'bool'",
                id="explicit-bool",
            ),
            pytest.param(
                _document(title="!!timestamp 2020-13-01"),
                "$",
                "not valid YAML: cannot read the text '2020-13-01' as 'timestamp'",
                id="explicit-timestamp-no-such-month",
            ),
            pytest.param(
                _document(title="!!timestamp soon"),
                "$",
                "not valid YAML: cannot read the text 'soon' as 'timestamp'",
                id="explicit-timestamp-not-a-date",
            ),
            pytest.param(
                _document(title="!!float lots"),
                "$",
                "not valid YAML: cannot read the text 'lots' as 'float'",
                id="explicit-float",
            ),
            pytest.param(
                _document(title="{? !!set {a: null} : x}"),
                "$",
                "not valid YAML: a key must be a text or a number",
                id="set-as-key",
            ),
            pytest.param(
                _document(title="0x" + "f" * 5000),
                "$.title",
                "expected a text, got a number of about 6,021 digits",
                id="hexadecimal-of-5000-digits",
            ),
            pytest.param(
                _document(perspective="{start: 2024, end: 0x" + "f" * 300 + "}"),
                "$.perspective.end",
                "expected a whole number of at most 19 digits, got a number of about 362 digits",
                id="year-of-362-digits",
            ),
            *(
                pytest.param(
                    _document(perspective=f"{{start: {start}, end: {end}}}"),
                    f"$.perspective.{field}",
                    f"the perspective {field}s in the year {year}, outside the calendar; write a year from 2 to 9998",
                    id=f"perspective-{start}-{end}",
                )
                for start, end, field, year in [
                    (-10_000, 2028, "start", -10_000),
                    (0, 2028, "start", 0),
                    (1, 2028, "start", 1),
                    (2024, 9999, "end", 9999),
                    (2024, 10_000, "end", 10_000),
                    (-(2**63 - 1), 2028, "start", -(2**63 - 1)),
                    (2024, 2**63 - 1, "end", 2**63 - 1),
                ]
            ),
        ],
    )
    def test_refused(self, document: str, path: str, message: str) -> None:
        """A value that made `loads` raise something else, or a rule fail or hang, is a LoadError at its place."""
        with pytest.raises(LoadError, match=re.escape(f"{path}: {message}")):
            loads(document)
        assert_loads_cleanly(document, "yaml", dt.date(2026, 1, 1))

    @pytest.mark.parametrize(("start", "end"), [(2, 2), (2, 2028), (2025, 9998), (9998, 9998)])
    @pytest.mark.parametrize("as_of", [dt.date(1, 1, 1), dt.date(2026, 6, 1), dt.date(9999, 12, 31)])
    def test_perspective_at_the_calendar_ends(self, start: int, end: int, as_of: dt.date) -> None:
        """A perspective at the ends of the calendar is checked without a failing rule (PA209, PA401, PA403, PA406)."""

        def edit(data: dict[str, Any]) -> None:
            data["perspective"] = {"start": start, "end": end}

        assert_loads_cleanly(_edited("lindeveen-2025-2028", edit), "yaml", as_of)

    @pytest.mark.parametrize("day", ["0001-01-01", "0001-12-31", "9999-01-01", "9999-12-31"])
    @pytest.mark.parametrize("as_of", [dt.date(1, 1, 1), dt.date(2026, 6, 1), dt.date(9999, 12, 31)])
    def test_dates_at_the_calendar_ends(self, day: str, as_of: dt.date) -> None:
        """An agreement dated on the calendar's first or last days is checked without a failing rule.

        Election windows (PA208), six months after the process start (PA111, PA404) and the dispute period (PA404)
        reached past 9999-12-31 or before 0001-01-01.
        """

        def edit(data: dict[str, Any]) -> None:
            days = [(container, key) for container, key in _slots([data]) if _is_day(container[key])]
            assert len(days) > 10
            for container, key in days:
                container[key] = day

        assert_loads_cleanly(_edited("lindeveen-2025-2028", edit), "yaml", as_of)


def _is_day(value: object) -> bool:
    return type(value) is str and _DATE.fullmatch(value) is not None
