"""The rule engine: selection, scopes, severity overrides, parameters, failing rules and reports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import attrs
import pendulum
import pytest
from hypothesis import HealthCheck, given, settings

import prestatieafspraken as pa
from prestatieafspraken.errors import ConfigError, RuleContextError, RuleRegistrationError
from prestatieafspraken.model import Scope
from prestatieafspraken.rules import CheckConfig, Finding, Registry, RuleContext, Severity, check, rule
from prestatieafspraken.rules.config import config_from_mapping
from prestatieafspraken.rules.engine import load_builtin_rules
from prestatieafspraken.rules.findings import path_sort_key
from prestatieafspraken.rules.registry import ALL_SCOPES, REGISTRY, WIDER_THAN_LOCAL
from strategies import agreements, dates
from support import EXAMPLES_AS_OF as AS_OF
from support import agreement_yaml, party_entry

SOUND = pa.examples.load("lindeveen-2025-2028")

TWO_ERRORS = pa.loads(
    agreement_yaml(
        parties=[
            party_entry("gemeente", "Gemeente", "municipality"),
            party_entry("gemeente", "Gemeente nogmaals", "municipality"),
        ],
    )
)


def tiny_registry() -> Registry:
    """A registry with one rule that always fires and one that always raises."""
    registry = Registry()

    @rule("X001", severity=Severity.WARNING, title_nl="Altijd", title_en="Always", source="test", registry=registry)
    def always(ctx: RuleContext) -> Iterator[Finding]:
        """Fires once for every party."""
        for index, party in enumerate(ctx.agreement.parties):
            yield ctx.finding(path=f"$.parties[{index}]", subjects=(party.id,), nl="altijd", en="always")

    @rule("X002", severity=Severity.INFO, title_nl="Stuk", title_en="Broken", source="test", registry=registry)
    def broken(ctx: RuleContext) -> Iterator[Finding]:
        """Raises on every agreement."""
        raise ZeroDivisionError(ctx.agreement.id)

    return registry


class TestSelection:
    """Which rules run, as ruff selects them."""

    @pytest.mark.parametrize(
        ("select", "ignore", "code", "runs"),
        [
            (("ALL",), (), "PA111", True),
            (("PA1",), (), "PA111", True),
            (("PA1",), (), "PA211", False),
            (("PA1",), ("PA11",), "PA111", False),
            (("PA1",), ("PA11",), "PA101", True),
            (("PA111",), ("PA1",), "PA111", True),  # the more specific select wins
            (("PA1",), ("PA1",), "PA101", False),  # on a tie ignore wins
            (("ALL",), ("ALL",), "PA101", False),
            ((), (), "PA101", False),
        ],
    )
    def test_is_selected(self, select: tuple[str, ...], ignore: tuple[str, ...], code: str, runs: bool) -> None:
        """The longest matching prefix decides; on a tie ignore wins; nothing selected runs nothing."""
        assert CheckConfig(select=select, ignore=ignore).is_selected(code) is runs

    def test_codes_are_case_and_space_insensitive(self) -> None:
        """Codes given as a comma-separated text are split, trimmed and upper-cased."""
        assert CheckConfig(select="pa1, pa2").select == ("PA1", "PA2")

    def test_selection_changes_the_report(self) -> None:
        """Ignoring a code removes its findings; the others stay."""
        full = check(TWO_ERRORS, as_of=AS_OF)
        assert {"PA002", "PA119"} <= full.codes()
        fewer = check(TWO_ERRORS, as_of=AS_OF, config=CheckConfig(ignore=("PA002",)))
        assert "PA002" not in fewer.codes()
        assert "PA119" in fewer.codes()

    @pytest.mark.parametrize(
        ("config", "message"),
        [
            (CheckConfig(select=("PA9",)), "no rule code starts with 'PA9'"),
            (CheckConfig(ignore=("XY",)), "no rule code starts with 'XY'"),
            (CheckConfig(severity={"PA999": Severity.ERROR}), "severity override for unknown rule 'PA999'"),
            (CheckConfig(params={"months": 3}), "unknown rule parameter 'months'"),
        ],
    )
    def test_unknown_names_are_refused(self, config: CheckConfig, message: str) -> None:
        """A configuration that names something no rule has raises ConfigError instead of doing nothing."""
        with pytest.raises(ConfigError, match=message):
            check(SOUND, as_of=AS_OF, config=config)


def scoped_registry() -> Registry:
    """A registry with a local-only rule, a rule for wider agreements and a rule registered without scopes."""
    registry = Registry()

    @rule(
        "X101",
        severity=Severity.INFO,
        title_nl="Lokaal",
        title_en="Local",
        source="test",
        scopes={Scope.LOCAL},
        registry=registry,
    )
    def local_only(ctx: RuleContext) -> Iterator[Finding]:
        """Fires on every agreement it runs on."""
        yield ctx.finding(path="$", nl="lokaal", en="local")

    @rule(
        "X102",
        severity=Severity.INFO,
        title_nl="Breder",
        title_en="Wider",
        source="test",
        scopes=WIDER_THAN_LOCAL,
        registry=registry,
    )
    def wider_only(ctx: RuleContext) -> Iterator[Finding]:
        """Fires on every agreement it runs on."""
        yield ctx.finding(path="$", nl="breder", en="wider")

    @rule("X103", severity=Severity.INFO, title_nl="Overal", title_en="Everywhere", source="test", registry=registry)
    def everywhere(ctx: RuleContext) -> Iterator[Finding]:
        """Fires on every agreement it runs on: a plugin written before scopes existed."""
        yield ctx.finding(path="$", nl="overal", en="everywhere")

    return registry


class TestScopes:
    """A rule's scopes are part of its registration, and the engine runs it only on agreements of those scopes."""

    @pytest.mark.parametrize(
        ("scope", "codes"),
        [
            (Scope.LOCAL, {"X101", "X103"}),
            (Scope.REGIONAL, {"X102", "X103"}),
            (Scope.PROVINCIAL, {"X102", "X103"}),
            (Scope.NATIONAL, {"X102", "X103"}),
        ],
    )
    def test_engine_applies_scopes(self, scope: Scope, codes: set[str]) -> None:
        """A local-only rule does not run on a regional agreement; a rule without scopes runs on every agreement."""
        agreement = attrs.evolve(SOUND, scope=scope)
        assert check(agreement, as_of=AS_OF, registry=scoped_registry()).codes() == codes

    def test_default_is_every_scope(self) -> None:
        """A rule registered without scopes records every scope, so plugins behave as before."""
        known = scoped_registry().get("X103")
        assert known is not None
        assert known.scopes == ALL_SCOPES

    @pytest.mark.parametrize(
        ("code", "scope", "runs"),
        [
            ("PA119", Scope.LOCAL, True),
            ("PA119", Scope.REGIONAL, False),
            ("PA120", Scope.LOCAL, False),
            ("PA120", Scope.REGIONAL, True),
            ("PA210", Scope.LOCAL, False),
            ("PA302", Scope.NATIONAL, True),
            ("PA401", Scope.LOCAL, True),
            ("PA401", Scope.PROVINCIAL, False),
            ("PA406", Scope.REGIONAL, False),
            ("PA101", Scope.REGIONAL, True),
        ],
    )
    def test_builtin_rules_declare_their_scopes(self, code: str, scope: Scope, runs: bool) -> None:
        """The built-in rules that concern some scales only carry it in their registration, not in a guard."""
        load_builtin_rules()
        known = REGISTRY.get(code)
        assert known is not None
        assert known.applies_to(scope) is runs

    @pytest.mark.parametrize("scopes", [set(), {"local"}, "local", Scope.LOCAL])
    def test_bad_scopes_are_refused(self, scopes: object) -> None:
        """Scopes that are not a non-empty set of Scope members are refused when the rule is registered."""
        with pytest.raises(RuleRegistrationError, match=r"gives scopes .*: give one or more of Scope\.LOCAL"):

            @rule(
                "X104",
                severity=Severity.INFO,
                title_nl="t",
                title_en="t",
                source="test",
                scopes=scopes,  # type: ignore[arg-type]
                registry=Registry(),
            )
            def never(ctx: RuleContext) -> Iterator[Finding]:  # pragma: no cover - never registered
                """Never registered."""
                yield from ()


class TestSeverityPerScope:
    """A rule may report with another severity on agreements of some scopes (``scope_severity``)."""

    @pytest.mark.parametrize(
        ("scope", "severity"),
        [
            (Scope.LOCAL, Severity.WARNING),
            (Scope.REGIONAL, Severity.INFO),
            (Scope.PROVINCIAL, Severity.INFO),
            (Scope.NATIONAL, Severity.INFO),
        ],
    )
    def test_pa104_is_information_beyond_local(self, scope: Scope, severity: Severity) -> None:
        """PA104 warns on a local agreement and informs on a wider one, whose annual agreements are made locally."""
        without = attrs.evolve(SOUND, scope=scope, commitments=())
        found = [finding for finding in check(without, as_of=AS_OF).findings if finding.code == "PA104"]
        assert found
        assert {finding.severity for finding in found} == {severity}
        known = REGISTRY.get("PA104")
        assert known is not None
        assert known.severity_for(scope) is severity

    def test_an_override_applies_to_every_scope(self) -> None:
        """A configured severity replaces the severity of every scope."""
        config = CheckConfig(severity={"PA104": Severity.ERROR})
        for scope in (Scope.LOCAL, Scope.REGIONAL):
            report = check(attrs.evolve(SOUND, scope=scope, commitments=()), as_of=AS_OF, config=config)
            assert {finding.severity for finding in report.findings if finding.code == "PA104"} == {Severity.ERROR}

    def test_default_is_the_rule_severity(self) -> None:
        """A rule registered without ``scope_severity`` reports with its severity on every scope."""
        known = scoped_registry().get("X103")
        assert known is not None
        assert known.scope_severity == {}
        assert {known.severity_for(scope) for scope in Scope} == {Severity.INFO}

    @pytest.mark.parametrize(
        "given",
        [{"regional": Severity.INFO}, {Scope.REGIONAL: "info"}, [Scope.REGIONAL]],
        ids=["text-scope", "text-severity", "not-a-mapping"],
    )
    def test_bad_severity_per_scope_is_refused(self, given: object) -> None:
        """A ``scope_severity`` that does not map Scope members to Severity members is refused, with an example."""
        with pytest.raises(RuleRegistrationError, match=r"gives scope_severity .*: map Scope members to Severity"):

            @rule(
                "X105",
                severity=Severity.WARNING,
                title_nl="t",
                title_en="t",
                source="test",
                scope_severity=given,  # type: ignore[arg-type]
                registry=Registry(),
            )
            def never(ctx: RuleContext) -> Iterator[Finding]:  # pragma: no cover - never registered
                """Never registered."""
                yield from ()


class TestOverridesAndParameters:
    """Severity overrides and rule parameters change what is reported."""

    def test_severity_override(self) -> None:
        """An overridden severity replaces the rule's default, and `ok` follows it."""
        config = CheckConfig(severity={"PA002": Severity.INFO, "PA119": Severity.INFO})
        report = check(TWO_ERRORS, as_of=AS_OF, config=config)
        assert {f.severity for f in report.findings if f.code in {"PA002", "PA119"}} == {Severity.INFO}
        assert report.ok

    def test_parameter_changes_outcome(self) -> None:
        """With a one-day process limit the sound example's signing is late (PA111)."""
        assert "PA111" not in check(SOUND, as_of=AS_OF).codes()
        late = check(SOUND, as_of=AS_OF, config=CheckConfig(params={"process_months": 1}))
        assert "PA111" in late.codes()

    def test_config_from_toml_table(self) -> None:
        """A TOML table gives selection, severities, parameters and election dates."""
        config = config_from_mapping(
            {
                "select": ["PA1", "PA2"],
                "ignore": ["PA208"],
                "severity": {"pa111": "error"},
                "params": {"process_months": 5},
                "municipal-elections": {"GM1991": ["2021-11-24", dt.date(2026, 3, 18)]},
            }
        )
        assert config.select == ("PA1", "PA2")
        assert config.severity == {"PA111": Severity.ERROR}
        assert config.param("process_months") == 5
        assert [str(day) for day in config.municipal_elections["GM1991"]] == ["2021-11-24", "2026-03-18"]

    @pytest.mark.parametrize(
        ("table", "message"),
        [
            ({"selct": ["PA1"]}, "unknown key"),
            ({"severity": {"PA111": "fatal"}}, "must be error, warning or info"),
            ({"municipal-elections": {"GM1991": ["24-11-2021"]}}, "expected a date as YYYY-MM-DD"),
        ],
    )
    def test_bad_toml_table(self, table: dict[str, object], message: str) -> None:
        """A bad configuration table raises ConfigError with the reason."""
        with pytest.raises(ConfigError, match=message):
            config_from_mapping(table)


class TestFailingRules:
    """A rule that raises is reported, and the other rules still run."""

    def test_raising_rule_becomes_a_finding(self) -> None:
        """The failure is an error finding of the rule's own code with the exception in the message."""
        report = check(SOUND, as_of=AS_OF, registry=tiny_registry())
        failure = report.by_code()["X002"]
        assert len(failure) == 1
        assert failure[0].severity is Severity.ERROR
        assert "ZeroDivisionError" in failure[0].message("en")
        assert len(report.by_code()["X001"]) == len(SOUND.parties)
        assert not report.ok


class TestRuleContext:
    """What the rules share: facts derived once, and findings only while a rule runs."""

    def test_finding_outside_a_rule(self) -> None:
        """A finding made while no rule runs is refused with a library error, not a bare RuntimeError."""
        context = RuleContext(SOUND, as_of=pendulum.Date(2026, 11, 29), params={})
        with pytest.raises(RuleContextError, match=r"RuleContext\.finding was called while no rule runs"):
            context.finding(path="$", nl="x", en="x")

    def test_shared_lookups(self) -> None:
        """Positions, role holders and signings are derived from the agreement as the rules read them."""
        context = RuleContext(SOUND, as_of=pendulum.Date(2026, 11, 29), params={})
        assert context.positions("parties") == {party.id: i for i, party in enumerate(SOUND.parties)}
        assert context.positions("parties") is context.positions("parties")  # derived once
        for mandate in SOUND.mandates:
            assert mandate.holder in context.role_holders[mandate.role]
        first = SOUND.commitments[0]
        assert context.commitment_position(first) == 0
        for party_id in context.signing_party_ids:
            signing = context.signing_of(party_id)
            assert signing is not None
            assert context.signing_date_of(party_id) == signing.milestone.date


class TestReport:
    """Order, counts and the report as plain data (writing it out: tests/test_presentation.py)."""

    def test_sound_agreement_is_quiet(self) -> None:
        """The handbook-style example gives no error and no warning."""
        report = check(SOUND, as_of=AS_OF)
        assert [f for f in report.findings if f.severity is not Severity.INFO] == []
        assert report.ok

    def test_stable_order(self) -> None:
        """Findings are sorted by code, then by place with list indexes compared as numbers."""
        assert path_sort_key("$.commitments[2]") < path_sort_key("$.commitments[10]")
        report = check(SOUND, as_of=AS_OF, registry=tiny_registry())
        keys = [f.sort_key for f in report.findings]
        assert keys == sorted(keys)

    def test_counts_and_grouping(self) -> None:
        """Counts cover every severity; grouping by code keeps every finding."""
        report = check(TWO_ERRORS, as_of=AS_OF)
        assert set(report.counts) == set(Severity)
        assert sum(report.counts.values()) == len(report.findings)
        assert sum(len(group) for group in report.by_code().values()) == len(report.findings)
        assert not report.ok

    def test_to_dict(self) -> None:
        """The report as plain data names its file and counts every severity (DESIGN §7)."""
        report = check(TWO_ERRORS, as_of=AS_OF)
        data = report.to_dict(lang="en", file="f.yaml")
        assert data["file"] == "f.yaml"
        assert data["summary"] == {s.value: report.counts[s] for s in Severity}
        assert [row["code"] for row in data["findings"]] == [finding.code for finding in report.findings]

    def test_default_as_of_is_today(self) -> None:
        """Without a check date the report is dated today in the Netherlands."""
        assert check(SOUND).as_of == pa.rules.engine.today()


def test_every_builtin_rule_cites_and_quotes_a_source() -> None:
    """Every built-in rule has titles in both languages, a source, and a docstring that quotes its sentence."""
    check(SOUND, as_of=AS_OF)
    for known in REGISTRY:
        if known.origin.startswith("prestatieafspraken."):
            assert known.title_nl
            assert known.title_en
            assert known.source
            assert '"' in known.description or "“" in known.description, known.code


class TestNeverRaises:
    """`check` returns a report for any agreement and never raises (a rule reports, it does not crash)."""

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(agreement=agreements(valid_references=False), as_of=dates(2015, 2040))
    def test_any_generated_agreement(self, agreement: pa.Agreement, as_of: dt.date) -> None:
        """No rule fails on a generated agreement, even with broken references and odd years."""
        report = check(agreement, as_of=as_of)
        failures = [f for f in report.findings if "failed to run" in f.message_en]
        assert failures == []
        assert report.as_of == as_of


@pytest.mark.parametrize("as_of", [dt.date(2026, 7, 1), AS_OF, dt.date(2027, 3, 31)])
def test_sound_agreement_stays_quiet_over_time(as_of: dt.date) -> None:
    """The handbook-style example is quiet from its latest report (1 July 2026) until its next one is due.

    The commitments of 2026 still to report are due on 31 December 2026; PA314 gives three months' grace.
    """
    report = check(SOUND, as_of=as_of)
    assert [(f.code, f.path) for f in report.findings if f.severity is not Severity.INFO] == []


@pytest.mark.parametrize(("as_of", "last_year_due"), [(dt.date(2027, 4, 1), 2026), (dt.date(2029, 8, 1), 2028)])
def test_sound_agreement_asks_for_the_reports_due(as_of: dt.date, last_year_due: int) -> None:
    """Later, the only warnings ask for the reports of the commitments due since (PA314), and for nothing else."""
    report = check(SOUND, as_of=as_of)
    reported = {r.commitment for r in SOUND.realisations if r.commitment is not None}
    due = [
        f"$.commitments[{i}]"
        for i, commitment in enumerate(SOUND.commitments)
        if commitment.year is not None and commitment.year <= last_year_due and commitment.id not in reported
    ]
    assert due
    assert [(f.code, f.path) for f in report.findings if f.severity is not Severity.INFO] == [
        ("PA314", path) for path in due
    ]
