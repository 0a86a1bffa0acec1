"""What the tests share: the check dates, one agreement builder, and one way to pick findings out of a report.

- `AS_OF` is the check date of a test whose outcome does not depend on the day (the date of
  `prestatieafspraken.testing`'s helpers and case files); `EXAMPLES_AS_OF` the date the shipped examples are
  checked as of. A test whose case turns on a particular day keeps that date in its own text.
- `agreement_yaml` writes a small agreement of file format v1 as YAML text: the head every test agreement needs
  (``schema_version``, ``id``, ``title``, ``scope``, ``perspective``, ``parties``) comes from
  `prestatieafspraken.testing.minimal_agreement`, the keywords replace its keys, and the test appends the YAML of
  the part it is about. `party_entry` writes one entry of ``parties``.
- `findings` checks an agreement and keeps the findings of one rule; `findings_in` does that for a report at hand,
  and `code_paths` gives the (code, path) of every finding.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml

from prestatieafspraken.rules import CheckConfig, Finding, Report, check
from prestatieafspraken.testing import DEFAULT_AS_OF, AgreementLike, as_agreement, minimal_agreement

#: The check date of a test that does not turn on the day: fixed, so no result depends on when the tests run.
AS_OF = DEFAULT_AS_OF

#: The date the shipped examples are checked as of (the snapshots, the example reports, the CLI on an example):
#: every example is then in the middle of its work, and Lindeveen's check is quiet.
EXAMPLES_AS_OF = dt.date(2026, 11, 29)


class _Dumper(yaml.SafeDumper):
    """Writes a list inside a mapping indented (``  - {...}``), as the agreements in the tests and docs are written."""

    # PyYAML's signature, boolean flags and all; *indentless* is ignored, so every list is indented
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:  # noqa: FBT002, ARG002
        super().increase_indent(flow, False)  # noqa: FBT003


def party_entry(party_id: str, name: str, kind: str, /, **keys: Any) -> dict[str, Any]:
    """One entry of ``parties``: its id, name and kind, and any further keys (``supervisory_body=...``)."""
    return {"id": party_id, "name": name, "kind": kind, **keys}


def agreement_yaml(**keys: Any) -> str:
    """The YAML text of `minimal_agreement` with *keys* replacing its top-level keys (``None`` drops a key).

    The text ends with a newline, so the YAML of further top-level keys can be appended to it. Mappings and lists
    of plain values are written on one line (``perspective: {start: 2025, end: 2028}``), one line per party.
    """
    return yaml.dump(
        minimal_agreement(**keys),
        Dumper=_Dumper,
        sort_keys=False,
        default_flow_style=None,
        allow_unicode=True,
        width=2**16,
    )


def findings_in(report: Report, code: str) -> list[Finding]:
    """The findings of the rule *code* in *report*, in the report's order."""
    return [finding for finding in report.findings if finding.code == code]


def findings(
    agreement: AgreementLike, code: str, *, as_of: dt.date = AS_OF, config: CheckConfig | None = None
) -> list[Finding]:
    """The findings of the rule *code* when *agreement* (YAML text, a mapping or an `Agreement`) is checked."""
    return findings_in(check(as_agreement(agreement), as_of=as_of, config=config), code)


def code_paths(report: Report) -> list[tuple[str, str]]:
    """The (code, path) of every finding of *report*, sorted."""
    return sorted((finding.code, finding.path) for finding in report.findings)
