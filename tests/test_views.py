"""Views: who sees what, collective totals, and no hidden value in any export of a view (DESIGN §3, §4)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import attrs
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from prestatieafspraken import dumps, examples, loads
from prestatieafspraken.errors import UnknownNameError
from prestatieafspraken.graph import FORMATS, render_graph
from prestatieafspraken.model import Agreement, Commitment, Monitoring, Realisation, Visibility
from prestatieafspraken.progress_report import progress
from prestatieafspraken.report import render_report
from prestatieafspraken.report.findings import FINDINGS_FORMATS, render_findings
from prestatieafspraken.rules import check
from prestatieafspraken.views import (
    PUBLIC,
    CollectiveTotal,
    UnknownAudienceError,
    View,
    audiences,
    can_see,
    view_for,
)
from prestatieafspraken.vocabulary import LANGUAGES
from strategies import agreements
from support import agreement_yaml, party_entry

AS_OF = dt.date(2031, 6, 1)

# --- hand-made agreements -----------------------------------------------------------------------------------

HEAD = (
    agreement_yaml(
        scope="regional",
        parties=[
            party_entry("gemeente", "Gemeente", "municipality"),
            party_entry("corp-a", "Corporatie A", "housing_corporation"),
            party_entry("corp-b", "Corporatie B", "housing_corporation"),
            party_entry("corp-c", "Corporatie C", "housing_corporation"),
            party_entry("huurders", "Huurders", "tenant_organisation"),
        ],
    )
    + """\
monitoring: {frequency: yearly}
areas:
  - {id: noord, name: Noord, kind: municipality}
indicators:
  - {id: new-build, label: Nieuwbouw, unit: dwellings, aggregation: flow}
  - {id: share, label: Aandeel sociaal, unit: share, aggregation: ratio}
"""
)

RESTRICTED_COMMITMENT = (
    HEAD.replace(
        "frequency: yearly}",
        "frequency: yearly,\n  assessments: [{commitment: c-secret, status: off_track, by: gemeente,\n"
        "                 date: 2026-01-15,"
        " reason: Geheime reden}]}",
    )
    + """\
targets:
  - {id: t-new-build, indicator: new-build, value: 1000, by: 2028}
commitments:
  - {id: c-open, by: gemeente, for: [corp-a], year: 2025, indicator: new-build, value: 10, text: Open afspraak}
  - {id: c-secret, by: corp-a, for: [gemeente], year: 2025, indicator: new-build, value: 424242,
     text: Geheime bouwafspraak, visibility: restricted, visible_to: [gemeente]}
realisations:
  - {commitment: c-secret, year: 2025, value: 434343, status: approved, visibility: restricted,
     visible_to: [gemeente]}
  - {indicator: new-build, party: corp-a, year: 2025, value: 454545, status: approved, visibility: restricted,
     visible_to: [gemeente]}
"""
)


def agreement_with_figures(*figures: str) -> Agreement:
    """The hand-made head with the given realisations (YAML flow mappings)."""
    return loads(HEAD + "realisations:\n" + "".join(f"  - {figure}\n" for figure in figures))


def figure(
    party: str, value: int, visibility: str = "restricted", *, indicator: str = "new-build", visible_to: str = ""
) -> str:
    """An approved 2025 figure of *party* for *indicator* in noord."""
    extra = f", visibility: {visibility}, visible_to: [{visible_to}]" if visibility != "public" else ""
    return (
        f"{{indicator: {indicator}, area: noord, party: {party}, year: 2025, value: {value}, status: approved{extra}}}"
    )


class TestAudiences:
    """`audiences`, `can_see` and `UnknownAudienceError`."""

    def test_public_then_parties(self) -> None:
        """The audiences are the public, then each party in file order."""
        agreement = loads(RESTRICTED_COMMITMENT)
        assert audiences(agreement) == (PUBLIC, "gemeente", "corp-a", "corp-b", "corp-c", "huurders")

    def test_unknown_audience(self) -> None:
        """An audience that is no party raises, suggests the closest party and lists the valid audiences."""
        agreement = loads(RESTRICTED_COMMITMENT)
        with pytest.raises(UnknownAudienceError, match=r"'korp-a' \(did you mean 'corp-a'\?\).*public, gemeente"):
            view_for(agreement, "korp-a")

    def test_unknown_audience_is_a_value_error(self) -> None:
        """The error is an `UnknownNameError` of kind audience, also a ValueError, and carries the valid audiences."""
        agreement = loads(RESTRICTED_COMMITMENT)
        with pytest.raises(ValueError, match="unknown audience") as raised:
            view_for(agreement, "Public")
        assert isinstance(raised.value, UnknownNameError)
        assert isinstance(raised.value, UnknownAudienceError)  # the deprecated name still catches it
        assert (raised.value.kind, raised.value.name) == ("audience", "Public")
        assert raised.value.known == audiences(agreement)

    @pytest.mark.parametrize(
        ("audience", "sees"),
        [
            (PUBLIC, False),
            ("gemeente", True),  # named in visible_to
            ("corp-a", True),  # executes it
            ("corp-b", False),
            ("huurders", False),
        ],
    )
    def test_restricted_commitment(self, audience: str, *, sees: bool) -> None:
        """A restricted commitment is seen by the parties in visible_to and those that execute it."""
        agreement = loads(RESTRICTED_COMMITMENT)
        assert can_see(agreement, audience, agreement.index.commitments["c-secret"]) is sees

    def test_realisation_belongs_to_its_commitments_executors(self) -> None:
        """A restricted realisation without a party is seen by the executors of the commitment it names."""
        agreement = loads(RESTRICTED_COMMITMENT)
        realisation = agreement.realisations[0]
        assert [can_see(agreement, audience, realisation) for audience in audiences(agreement)] == [
            False,
            True,
            True,
            False,
            False,
            False,
        ]


class TestRestrictedCommitment:
    """A restricted commitment visible to one party (and to its executor)."""

    def test_public_view_withholds_values(self) -> None:
        """The public view keeps the commitment's structure and drops its value, text and indicator."""
        agreement = loads(RESTRICTED_COMMITMENT)
        view = view_for(agreement, PUBLIC)
        redacted = view.agreement.index.commitments["c-secret"]
        original = agreement.index.commitments["c-secret"]
        assert (redacted.value, redacted.text, redacted.indicator) == (None, None, None)
        assert redacted == attrs.evolve(original, value=None, text=None, indicator=None)
        assert view.agreement.index.commitments["c-open"] == agreement.index.commitments["c-open"]
        assert view.agreement.realisations == ()
        assert view.agreement.monitoring is not None
        assert view.agreement.monitoring.assessments == ()

    def test_markers(self) -> None:
        """The public view marks the commitment, its figures, its assessment and the totals of one party's figures."""
        view = view_for(loads(RESTRICTED_COMMITMENT), PUBLIC)
        assert [marker.kind for marker in view.withheld] == [
            "commitment",
            "realisation",
            "realisation",
            "assessment",
            "total",
            "total",
        ]
        commitment, realisation, _, assessment, total, _ = view.withheld
        assert (commitment.kind, commitment.ref, commitment.path) == ("commitment", "c-secret", "$.commitments[1]")
        assert commitment.fields == ("value", "text", "indicator")
        assert commitment.seen_by == ("gemeente", "corp-a")
        assert commitment.why("en") == "visibility 'restricted': only gemeente, corp-a see this"
        assert commitment.why("nl") == "zichtbaarheid 'restricted': alleen gemeente, corp-a zien dit"
        assert (realisation.kind, realisation.ref) == ("realisation", "$.realisations[0]")
        assert realisation.what("en") == "the whole figure (commitment c-secret, 2025)"
        assert view.withheld_commitments == frozenset({"c-secret"})
        assert (assessment.ref, assessment.fields) == ("$.monitoring.assessments[0]", ("status", "reason"))
        assert assessment.why("en").startswith("about commitment c-secret, with visibility 'restricted'")
        assert total.ref == "commitment:new-build/2025"
        assert total.what("en") == "the collective total of new-build in 2025 (figures of commitments)"

    @pytest.mark.parametrize("audience", ["gemeente", "corp-a"])
    def test_seen_by_the_named_parties(self, audience: str) -> None:
        """The party in visible_to and the executing party see the agreement as it is."""
        agreement = loads(RESTRICTED_COMMITMENT)
        view = view_for(agreement, audience)
        assert view.agreement == agreement
        assert view.withheld == ()

    @pytest.mark.needs_extras  # matplotlib: the report's chart is among the exports
    @pytest.mark.parametrize("audience", [PUBLIC, "corp-b", "huurders"])
    def test_no_export_shows_it(self, audience: str) -> None:
        """Neither the YAML, JSON, check nor graph of another audience's view shows the value or the text."""
        agreement = loads(RESTRICTED_COMMITMENT)
        texts = list(exports(view_for(agreement, audience), agreement, charts=True))
        assert any("<svg" in text for text in texts)  # the report's chart is among the exports
        for text in texts:
            for secret in ("424242", "434343", "454545", "454.545", "454,545", "Geheime bouwafspraak", "Geheime reden"):
                assert secret not in text

    def test_view_round_trips(self) -> None:
        """The redacted agreement is an ordinary agreement: it dumps and loads back the same."""
        view = view_for(loads(RESTRICTED_COMMITMENT), PUBLIC)
        assert loads(dumps(view.agreement)) == view.agreement
        assert loads(dumps(view.agreement, format="json"), format="json") == view.agreement

    def test_check_leaves_out_artefacts(self) -> None:
        """The view's check does not report PA301 on a commitment whose values it withholds; a plain check does."""
        view = view_for(loads(RESTRICTED_COMMITMENT), PUBLIC)
        plain = check(view.agreement, as_of=AS_OF)
        assert any(f.code == "PA301" and "c-secret" in f.subjects for f in plain.findings)
        checked = view.check(as_of=AS_OF)
        assert not any(f.code == "PA301" and "c-secret" in f.subjects for f in checked.findings)
        assert checked.findings == tuple(
            f for f in plain.findings if not (f.code == "PA301" and "c-secret" in f.subjects)
        )


class TestCollectiveTotals:
    """Collective totals: shown for at least two parties that cannot single each other out."""

    def test_two_parties_shown_to_the_public(self) -> None:
        """Two corporations' figures shared among the parties give the public their total, not the figures."""
        agreement = agreement_with_figures(figure("corp-a", 120, "parties"), figure("corp-b", 80, "parties"))
        view = view_for(agreement, PUBLIC)
        assert view.agreement.realisations == ()
        assert view.collective_totals == (
            CollectiveTotal(
                indicator="new-build",
                year=2025,
                area="noord",
                basis="indicator",
                value=200,
                figures=2,
                parties=("corp-a", "corp-b"),
                hidden=2,
            ),
        )
        assert [marker.kind for marker in view.withheld] == ["realisation", "realisation"]
        assert view.collective_totals[0].ref == "indicator:new-build/2025/noord"

    def test_parties_see_figures_and_total(self) -> None:
        """A party sees the figures shared among the parties, and the same total with nothing hidden."""
        agreement = agreement_with_figures(figure("corp-a", 120, "parties"), figure("corp-b", 80, "parties"))
        view = view_for(agreement, "huurders")
        assert view.agreement == agreement
        assert [(total.value, total.hidden) for total in view.collective_totals] == [(200, 0)]

    def test_one_party_not_shown(self) -> None:
        """The figures of one party give no total, and a marker says why."""
        agreement = agreement_with_figures(figure("corp-a", 120), figure("corp-a", 80))
        view = view_for(agreement, PUBLIC)
        assert view.collective_totals == ()
        marker = view.withheld[-1]
        assert (marker.kind, marker.ref) == ("total", "indicator:new-build/2025/noord")
        assert marker.why("en") == "fewer than two parties contribute to this total; it would show one party's figures"
        assert "minder dan twee partijen" in marker.why("nl")

    def test_two_parties_that_see_their_own_not_shown(self) -> None:
        """With two corporations that each see only their own figure, either could subtract: no total for anyone."""
        agreement = agreement_with_figures(figure("corp-a", 120), figure("corp-b", 80))
        for audience in audiences(agreement):
            view = view_for(agreement, audience)
            assert view.collective_totals == ()
        marker = view_for(agreement, PUBLIC).withheld[-1]
        assert marker.why("en") == "whoever sees the other figures could derive one party's figures from this total"

    def test_a_public_figure_next_to_one_hidden_party_not_shown(self) -> None:
        """A public figure next to one party's hidden figure would give that figure away: no total."""
        agreement = agreement_with_figures(figure("corp-a", 120, "public"), figure("corp-b", 80, "parties"))
        assert view_for(agreement, PUBLIC).collective_totals == ()

    def test_three_parties_shown_to_all(self) -> None:
        """Three corporations that each see their own figure get the total: none can single out another."""
        agreement = agreement_with_figures(figure("corp-a", 120), figure("corp-b", 80), figure("corp-c", 1))
        for audience in audiences(agreement):
            (total,) = view_for(agreement, audience).collective_totals
            assert (total.value, total.parties) == (201, ("corp-a", "corp-b", "corp-c"))
        assert view_for(agreement, "corp-a").collective_totals[0].hidden == 2

    def test_ratio_never_summed(self) -> None:
        """A ratio indicator gets no total; the marker says a share is never summed."""
        agreement = agreement_with_figures(
            figure("corp-a", 0, indicator="share"),
            figure("corp-b", 1, indicator="share"),
            figure("corp-c", 1, indicator="share"),
        )
        view = view_for(agreement, PUBLIC)
        assert view.collective_totals == ()
        assert view.withheld[-1].why("en") == "a ratio (share) is never summed"

    def test_only_approved_figures_count(self) -> None:
        """Draft and submitted figures are not summed."""
        draft = figure("corp-c", 5).replace("approved", "draft")
        agreement = agreement_with_figures(figure("corp-a", 120), figure("corp-b", 80), figure("corp-c", 1), draft)
        (total,) = view_for(agreement, PUBLIC).collective_totals
        assert (total.value, total.figures) == (201, 3)

    def test_a_correction_replaces_the_earlier_figure(self) -> None:
        """Of two figures of one party the later reported counts; a figure without a party is not added."""
        corrected = figure("corp-a", 150).replace("status: approved", "status: approved, reported_on: 2026-03-01")
        whole = "{indicator: new-build, area: noord, year: 2025, value: 400, status: approved, visibility: parties}"
        agreement = agreement_with_figures(
            corrected, figure("corp-a", 120), figure("corp-b", 80), figure("corp-c", 1), whole
        )
        (total,) = view_for(agreement, PUBLIC).collective_totals
        assert (total.value, total.figures, total.hidden) == (231, 3, 3)

    def test_public_figures_alone_give_no_total(self) -> None:
        """Where every figure is public there is nothing to total: each is shown as it is."""
        agreement = agreement_with_figures(figure("corp-a", 120, "public"), figure("corp-b", 80, "public"))
        view = view_for(agreement, PUBLIC)
        assert (view.collective_totals, view.withheld) == ((), ())

    def test_a_marker_only_where_the_audience_misses_figures(self) -> None:
        """A party that sees every figure of a withheld total gets no marker for it."""
        agreement = agreement_with_figures(figure("corp-a", 120), figure("corp-a", 80))
        assert view_for(agreement, "corp-a").withheld == ()
        assert [marker.kind for marker in view_for(agreement, "corp-b").withheld] == [
            "realisation",
            "realisation",
            "total",
        ]


def hybrid(agreement: Agreement, *, on: bool = True) -> Agreement:
    """The agreement with ``monitoring.hybrid`` set to *on*."""
    monitoring = agreement.monitoring or Monitoring()
    return attrs.evolve(agreement, monitoring=attrs.evolve(monitoring, hybrid=on))


PUBLIC_FIGURES = (
    figure("corp-a", 120, "public"),
    figure("corp-b", 80, "public"),
    figure("corp-c", 7, "public"),
    "{indicator: new-build, area: noord, year: 2025, value: 400, status: approved}",  # collective already
)


class TestHybrid:
    """With ``monitoring.hybrid: true`` the public sees collective totals; each party's figures are for the parties."""

    def test_public_sees_totals_not_party_figures(self) -> None:
        """The public view of a hybrid agreement leaves out every party's figure and gives their total."""
        view = view_for(hybrid(agreement_with_figures(*PUBLIC_FIGURES)), PUBLIC)
        assert [(r.party, r.value) for r in view.agreement.realisations] == [(None, 400)]
        (total,) = view.collective_totals
        assert (total.value, total.parties, total.hidden) == (207, ("corp-a", "corp-b", "corp-c"), 3)
        assert [marker.kind for marker in view.withheld] == ["realisation"] * 3
        assert view.withheld[0].why("en") == (
            "hybrid monitoring: the figures per party are for the parties; the collective totals are public"
        )
        assert "hybride monitoring" in view.withheld[0].why("nl")
        assert view.withheld[0].visibility is Visibility.PUBLIC

    def test_report_for_the_public_shows_only_the_total(self) -> None:
        """The public report of a hybrid agreement gives the total and none of the parties' own figures."""
        text = render_report(
            hybrid(agreement_with_figures(*PUBLIC_FIGURES)), as_of=AS_OF, audience=PUBLIC, lang="en", charts=False
        )
        assert "| 207 |" in text
        assert not [value for value in ("120", "80") if f"| {value} |" in text]

    def test_parties_see_every_figure(self) -> None:
        """Every party still sees the whole hybrid agreement, with the same total and nothing hidden."""
        agreement = hybrid(agreement_with_figures(*PUBLIC_FIGURES))
        for audience in audiences(agreement)[1:]:
            view = view_for(agreement, audience)
            assert view.agreement == agreement
            assert [(total.value, total.hidden) for total in view.collective_totals] == [(207, 0)]

    def test_one_party_gives_no_total_away(self) -> None:
        """One corporation's figure in a hybrid agreement is withheld from the public, and gives no total."""
        view = view_for(hybrid(agreement_with_figures(PUBLIC_FIGURES[0])), PUBLIC)
        assert (view.agreement.realisations, view.collective_totals) == ((), ())
        assert [marker.kind for marker in view.withheld] == ["realisation", "total"]

    @pytest.mark.parametrize("on", [False, None], ids=["hybrid-false", "absent"])
    def test_not_hybrid_unchanged(self, *, on: bool | None) -> None:
        """Without hybrid monitoring the public sees every public figure of a party, and no total."""
        agreement = agreement_with_figures(*PUBLIC_FIGURES)
        if on is not None:
            agreement = hybrid(agreement, on=on)
        view = view_for(agreement, PUBLIC)
        assert (view.agreement, view.withheld, view.collective_totals) == (agreement, (), ())


class TestExamples:
    """The shipped examples."""

    @pytest.mark.parametrize("name", examples.names())
    def test_public_examples_unchanged(self, name: str) -> None:
        """An example without hidden items looks the same to the public: nothing withheld."""
        agreement = examples.load(name)
        view = view_for(agreement, PUBLIC)
        items: list[Commitment | Realisation] = [*agreement.commitments, *agreement.realisations]
        hidden = [item for item in items if item.visibility is not Visibility.PUBLIC]
        assert (view.agreement == agreement) is (not hidden)
        assert len(view.withheld) >= len(hidden)


# --- the leak test ------------------------------------------------------------------------------------------

#: Hidden values become numbers from here on, hidden texts unique marker strings: both are easy to search for.
MARKER_BASE = 9_876_500_000
MARKER_TEXT = "GEHEIM{:04d}XQZ"


@attrs.frozen(kw_only=True)
class Secret:
    """A marker planted in a non-public item, and the item."""

    item: Commitment | Realisation
    needles: tuple[str, ...]


def renderings(value: int) -> tuple[str, ...]:
    """The ways a report or export could write a whole number."""
    grouped = f"{value:,}"
    return (str(value), grouped, grouped.replace(",", "."), grouped.replace(",", " "), grouped.replace(",", "\u202f"))


def with_markers(agreement: Agreement) -> tuple[Agreement, list[Secret]]:
    """Give every non-public commitment and realisation a unique marker value (and text)."""
    secrets: list[Secret] = []
    commitments: list[Commitment] = []
    count = 0
    for commitment in agreement.commitments:
        if commitment.visibility is Visibility.PUBLIC:
            commitments.append(commitment)
            continue
        count += 1
        text = MARKER_TEXT.format(count)
        marked = attrs.evolve(commitment, value=MARKER_BASE + count, text=text)
        commitments.append(marked)
        secrets.append(Secret(item=marked, needles=(*renderings(MARKER_BASE + count), text)))
    realisations: list[Realisation] = []
    for realisation in agreement.realisations:
        if realisation.visibility is Visibility.PUBLIC:
            realisations.append(realisation)
            continue
        count += 1
        marked_figure = attrs.evolve(realisation, value=MARKER_BASE + count)
        realisations.append(marked_figure)
        secrets.append(Secret(item=marked_figure, needles=renderings(MARKER_BASE + count)))
    monitoring = agreement.monitoring
    if monitoring is not None:
        # The reason of an assessment of a hidden commitment gets its commitment's marker text.
        texts = {secret.item.id: secret.needles[-1] for secret in secrets if isinstance(secret.item, Commitment)}
        monitoring = attrs.evolve(
            monitoring,
            assessments=tuple(
                attrs.evolve(assessment, reason=texts[assessment.commitment])
                if assessment.commitment in texts
                else assessment
                for assessment in monitoring.assessments
            ),
        )
    result = attrs.evolve(
        agreement, commitments=tuple(commitments), realisations=tuple(realisations), monitoring=monitoring
    )
    return result, secrets


def may_see(agreement: Agreement, audience: str, item: Commitment | Realisation) -> bool:
    """The rule of DESIGN §3 (and hybrid monitoring) written out once more, independently of `can_see`: the oracle."""
    if isinstance(item, Commitment):
        owners = item.by
    elif item.party is not None:
        owners = (item.party,)
    else:
        named = [c.by for c in agreement.commitments if c.id == item.commitment]
        owners = named[0] if named else ()
    hybrid = agreement.monitoring is not None and agreement.monitoring.hybrid
    if audience == PUBLIC and hybrid and isinstance(item, Realisation) and owners:
        return False  # hybrid monitoring: a party's figures are for the parties
    if item.visibility is Visibility.PUBLIC:
        return True
    if audience == PUBLIC:
        return False
    if item.visibility is Visibility.PARTIES or audience in item.visible_to:
        return True
    return audience in owners


def exports(view: View, original: Agreement | None = None, *, charts: bool = False) -> Iterator[str]:
    """Every text a view can be written as: YAML, JSON, check reports, graphs, markers, totals and progress.

    Given the *original* agreement, also the report for the view's audience.
    """
    yield dumps(view.agreement)
    yield dumps(view.agreement, format="json")
    for report in (check(view.agreement, as_of=AS_OF), view.check(as_of=AS_OF)):
        for lang in ("nl", "en"):
            for findings_format in FINDINGS_FORMATS:
                yield render_findings(report, findings_format, lang=lang)
    for graph_format in FORMATS:
        yield render_graph(view.agreement, format=graph_format)
    yield repr(view.withheld)
    yield repr(view.collective_totals)
    computed = progress(view.agreement, as_of=AS_OF)
    yield repr(computed)
    yield computed._repr_html_()  # what a notebook shows
    yield view._repr_html_()
    if original is not None:
        for report_format in ("markdown", "html"):
            for lang in LANGUAGES:
                yield render_report(
                    original, as_of=AS_OF, format=report_format, audience=view.audience, lang=lang, charts=charts
                )


def leaked(texts: Iterator[str], needles: list[str]) -> list[str]:
    """The needles that occur in any of the texts."""
    found: list[str] = []
    for text in texts:
        found.extend(needle for needle in needles if needle in text)
    return found


class TestNoLeak:
    """No export of a view contains a value its audience may not see."""

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(agreements(max_items=4))
    def test_generated(self, agreement: Agreement) -> None:
        """For every audience of a generated agreement, no hidden marker appears in any export of its view."""
        marked, secrets = with_markers(agreement)
        for audience in audiences(marked):
            view = view_for(marked, audience)
            assert view.audience == audience
            needles = [
                needle for secret in secrets if not may_see(marked, audience, secret.item) for needle in secret.needles
            ]
            assert leaked(exports(view, marked), needles) == []
            for commitment in view.agreement.commitments:
                if not may_see(marked, audience, commitment):
                    assert (commitment.value, commitment.text, commitment.indicator) == (None, None, None)
            kept = [r for r in marked.realisations if may_see(marked, audience, r)]
            assert list(view.agreement.realisations) == kept

    def test_markers_are_found(self) -> None:
        """The search finds a planted marker in an export that does contain it (so the test above can fail)."""
        marked, secrets = with_markers(loads(RESTRICTED_COMMITMENT))
        view = View(agreement=marked, audience=PUBLIC)
        needles = [needle for secret in secrets for needle in secret.needles]
        found = leaked(exports(view), needles)
        assert {MARKER_TEXT.format(1), str(MARKER_BASE + 1), str(MARKER_BASE + 2)} <= set(found)
        assert re.search(r"9876500001", dumps(marked))


@st.composite
def shared_figures(draw: st.DrawFn) -> Agreement:
    """The hand-made head with up to six approved figures of one indicator, year and area, of mixed visibility."""
    parties = ("gemeente", "corp-a", "corp-b", "corp-c", "huurders")
    figures = []
    for _ in range(draw(st.integers(1, 7))):
        visibility = draw(st.sampled_from(("public", "parties", "parties", "restricted", "restricted")))
        owner = draw(st.sampled_from(parties[1:4]))
        seen = draw(st.lists(st.sampled_from(parties), max_size=2, unique=True)) if visibility == "restricted" else []
        figures.append(figure(owner, draw(st.integers(0, 1000)), visibility, visible_to=", ".join(seen)))
    return agreement_with_figures(*figures)


class TestNoSingling:
    """A collective total never lets anyone isolate one party's hidden figures."""

    @settings(max_examples=200, deadline=None)
    @given(shared_figures())
    def test_no_one_can_subtract(self, agreement: Agreement) -> None:
        """Whoever sees some figures of a given total misses either none or several, not all of them one party's."""
        totals = {audience: view_for(agreement, audience).collective_totals for audience in audiences(agreement)}
        assert len({tuple(attrs.evolve(t, hidden=0) for t in shown) for shown in totals.values()}) == 1
        event("total given" if totals[PUBLIC] else "no total")
        if not totals[PUBLIC]:
            return
        # A party's later figure corrects its earlier one: the total holds each party's last figure.
        summed = list({r.party: r for r in agreement.realisations}.values())
        assert totals[PUBLIC][0].value == sum(r.value for r in summed if r.value is not None)
        for audience in audiences(agreement):
            missed = [r for r in summed if not may_see(agreement, audience, r)]
            owners = {r.party for r in missed}
            assert not missed or (len(missed) >= 2 and len(owners) >= 2)
            assert totals[audience][0].hidden == len(missed)
