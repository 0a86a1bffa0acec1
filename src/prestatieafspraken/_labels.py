"""The labels of the library's enum members: the Dutch and English word for each, with its article and synonyms.

The table behind `prestatieafspraken.vocabulary.label` (the public place to read a word), and the glossary's
tables of the enums the file format uses (`FORMAT_WORDS`); kept apart from the vocabulary's functions and
recurring terms so each module has one idea. Every enum member of the library has a label here
(tests/test_vocabulary.py fails when one is missing).
"""

from __future__ import annotations

import enum
from typing import Final, Literal

import attrs

from prestatieafspraken._language import Language
from prestatieafspraken.calendar import ElectionKind
from prestatieafspraken.model import (
    Aggregation,
    AreaKind,
    BasisKind,
    CoalitionStatus,
    CommitmentKind,
    Direction,
    FrameworkScope,
    Frequency,
    GoalKind,
    GroupKind,
    IdKind,
    MandateRole,
    MilestoneKind,
    MilestoneStatus,
    Outcome,
    PartyKind,
    ProductStatus,
    ProgressStatus,
    RealisationStatus,
    Scope,
    SubjectKind,
    TenantInvolvement,
    Visibility,
)
from prestatieafspraken.norms import Bound, Unit
from prestatieafspraken.norms import Kind as NormKind
from prestatieafspraken.versions import Agreed, ChangeKind


@attrs.frozen(kw_only=True)
class Label:
    """The Dutch and English word for one thing, with what a reader may also write and a note for the glossary."""

    nl: str
    en: str
    de: Literal["de", "het"] = "de"
    """The Dutch article, for messages that name the thing ("de ondertekening", "het bod")."""
    nl_plural: str | None = None
    en_plural: str | None = None
    hint_nl: str | None = None
    """The handbook's question or phrase that explains the word, shown in brackets where it helps."""
    hint_en: str | None = None
    note: str = ""
    """An English note for the glossary."""
    also: tuple[str, ...] = ()
    """Other words a person may write for it (read, never written), such as an older Dutch word."""

    def __call__(self, lang: Language, *, plural: bool = False) -> str:
        """The word in *lang* (its plural with ``plural=True``)."""
        if lang == "en":
            return (self.en_plural or self.en + "s") if plural else self.en
        return (self.nl_plural or self.nl + "en") if plural else self.nl

    def hint(self, lang: Language) -> str | None:
        """The explaining phrase in *lang*, if any."""
        return self.hint_en if lang == "en" else self.hint_nl


_L = Label


def _table(kind: type[enum.Enum], **labels: Label) -> dict[enum.Enum, Label]:
    """The labels of one enum, keyed by member: each keyword is a member's name in lower case."""
    return {kind[name.upper()]: item for name, item in labels.items()}


#: The label of every enum member of the library, grouped by enum in the order of the glossary's tables.
ENUM_LABELS: Final[dict[enum.Enum, Label]] = {
    **_table(
        Scope,
        local=_L(
            nl="lokaal",
            en="local",
            note="one municipality with its corporations and tenants; the statutory cycle applies",
        ),
        regional=_L(nl="regionaal", en="regional", note="a region of municipalities"),
        provincial=_L(nl="provinciaal", en="provincial", note="a province with its regions"),
        national=_L(
            nl="landelijk", en="national", note="national agreements, such as the Nationale Prestatieafspraken"
        ),
    ),
    **_table(
        BasisKind,
        housing_vision=_L(nl="woonvisie", en="housing vision"),
        housing_programme=_L(nl="volkshuisvestingsprogramma", en="housing programme", de="het"),
        regional_vision=_L(nl="regionale woonvisie", en="regional housing vision"),
        woondeal=_L(nl="woondeal", en="housing deal"),
        regio_deal=_L(nl="Regio Deal", en="region deal"),
        housing_accord=_L(nl="woonakkoord", en="housing accord", de="het"),
        national_agreement=_L(nl="nationale prestatieafspraken (NPA)", en="national performance agreements"),
        other=_L(nl="overig", en="other", de="het"),
    ),
    **_table(
        AreaKind,
        municipality=_L(nl="gemeente", en="municipality"),
        region=_L(nl="regio", en="region"),
        province=_L(nl="provincie", en="province"),
        district=_L(nl="wijk", en="district"),
    ),
    **_table(
        PartyKind,
        municipality=_L(nl="gemeente", en="municipality"),
        housing_corporation=_L(nl="woningcorporatie", en="housing corporation", also=("corporatie",)),
        tenant_organisation=_L(
            nl="huurdersorganisatie",
            en="tenant organisation",
            note="also a bewonerscommissie where there is no huurdersorganisatie",
        ),
        province=_L(nl="provincie", en="province"),
        state=_L(nl="Rijk", en="state", de="het"),
        region=_L(nl="regio", en="region", note="a cooperation of municipalities, such as a stadsregio"),
        corporation_alliance=_L(nl="samenwerkingsverband van corporaties", en="corporation alliance", de="het"),
        tenant_alliance=_L(nl="huurderskoepel", en="tenant alliance"),
        market_party=_L(nl="marktpartij", en="market party"),
        care_provider=_L(nl="zorgaanbieder", en="care provider"),
        other=_L(nl="overig", en="other", de="het"),
    ),
    **_table(
        CoalitionStatus,
        founding=_L(nl="vanaf de start", en="founding", note='counted: "Wie direct mee wil doen, doet mee"'),
        joined=_L(
            nl="later aangesloten",
            en="joined",
            note='counted, from the year of `joined_on`: "Wie later nog wil aansluiten kan dit doen"',
        ),
        endorser=_L(
            nl="onderschrijver",
            en="endorser",
            note='not counted: "pas aan het eind de gemaakte afspraken onderschrijven"',
        ),
        observer=_L(nl="waarnemer", en="observer", note="not counted", also=("toehoorder",)),
        declined=_L(nl="doet niet mee", en="declined", note="not counted"),
    ),
    **_table(
        TenantInvolvement,
        signatory=_L(nl="ondertekenaar", en="signatory"),
        consulted=_L(nl="geraadpleegd", en="consulted"),
        informed=_L(nl="geïnformeerd", en="informed"),
        none=_L(
            nl="niet betrokken", en="not involved", note="a recorded choice, itself reported as information (PA126)"
        ),
    ),
    **_table(
        GroupKind,
        steering=_L(nl="stuurgroep", en="steering group"),
        working=_L(nl="werkgroep", en="working group"),
        theme_table=_L(
            nl="thematafel", en="theme table", note="such as the tempotafels of the Woondeal Arnhem-Nijmegen"
        ),
        other=_L(nl="overig", en="other", de="het"),
    ),
    **_table(
        MandateRole,
        drafter=_L(
            nl="opsteller",
            en="drafter",
            hint_nl="wie zet het op papier",
            hint_en="who puts it on paper",
            note='"wie gaat het op papier zetten"',
        ),
        decider=_L(
            nl="beslisser",
            en="decider",
            hint_nl="wie hakt knopen door",
            hint_en="who makes the calls",
            note='"wie hakt knopen door"',
        ),
        approver=_L(
            nl="fiatteur",
            en="approver",
            hint_nl="wie keurt iets goed",
            hint_en="who approves",
            note='"wie keurt iets goed"',
            also=("goedkeurder",),
        ),
        signatory=_L(
            nl="ondertekenaar", en="signatory", hint_nl="wie tekent", hint_en="who signs", note='"wie tekent"'
        ),
        executor=_L(
            nl="uitvoerder",
            en="executor",
            hint_nl="wie voert uit",
            hint_en="who carries it out",
            note='"wie voert uit"',
        ),
        administrative_lead=_L(nl="bestuurlijke trekker", en="administrative lead"),
        official_lead=_L(nl="ambtelijke trekker", en="official lead"),
        coordinator=_L(nl="coördinator", en="coordinator", note="such as a regiocoördinator"),
        facilitator=_L(nl="procesbegeleider", en="facilitator", note="such as an extern begeleider"),
        monitor=_L(
            nl="regie op de voortgang",
            en="monitor",
            de="het",
            hint_nl="wie houdt de regie op de voortgang",
            hint_en="who keeps track of progress",
            note='"wie de regie houdt op de voortgang"',
        ),
    ),
    **_table(
        GoalKind,
        liveability=_L(nl="leefbaarheid verbeteren", en="improve liveability", de="het"),
        financing_gap=_L(nl="gat in financiering dichten", en="close a financing gap", de="het"),
        accelerate_construction=_L(nl="versnellen nieuwbouwopgave", en="accelerate construction", de="het"),
        shared_insight=_L(
            nl="samen tot inzicht of besluitvorming komen", en="reach shared insight or decisions", de="het"
        ),
        affordability=_L(nl="betaalbaarheid", en="affordability"),
        sustainability=_L(nl="duurzaamheid", en="sustainability"),
        other=_L(nl="overig", en="other", de="het"),
    ),
    **_table(
        Aggregation,
        flow=_L(
            nl="stroom",
            en="flow",
            note="a number per year, summed over the years: nieuwbouw, sloop, verkoop, liberalisatie",
        ),
        stock=_L(nl="voorraad", en="stock", note="a level at the end of a year; the latest counts"),
        ratio=_L(nl="aandeel", en="ratio", de="het", note="a share from 0 to 1; never summed"),
        cumulative=_L(nl="cumulatief", en="cumulative", de="het", note="a running total"),
    ),
    **_table(
        Direction,
        increase=_L(nl="toename", en="increase", note="a stock or cumulative value is a positive net change"),
        decrease=_L(
            nl="afname",
            en="decrease",
            note="such as homes with label E, F or G: a stock value is a negative net change, a flow value a ceiling",
        ),
    ),
    **_table(
        FrameworkScope,
        area=_L(nl="per gebied", en="per area"),
        agreement=_L(nl="voor de hele afspraak", en="for the whole agreement"),
    ),
    **_table(
        CommitmentKind,
        result=_L(nl="resultaatsverplichting", en="result commitment"),
        effort=_L(nl="inspanningsverplichting", en="effort commitment"),
    ),
    **_table(
        Visibility,
        public=_L(nl="openbaar", en="public"),
        parties=_L(nl="alleen de partijen", en="parties only", also=("partijen",)),
        restricted=_L(nl="beperkt", en="restricted", note="only the parties in `visible_to` and its own"),
    ),
    **_table(
        MilestoneKind,
        kickoff=_L(nl="aftrap", en="kickoff"),
        assignment=_L(nl="bestuurlijke opdracht", en="administrative assignment"),
        bid=_L(nl="bod", en="bid", de="het", note="overzicht van voorgenomen werkzaamheden, by 1 July"),
        concept=_L(nl="concept", en="concept", de="het"),
        administrative_review=_L(nl="bestuurlijke bespreking", en="administrative review"),
        supervisory_approval=_L(
            nl="instemming van raad, RvC of achterban",
            en="approval by the council, supervisory board or members",
            note="gemeenteraad, raad van commissarissen or achterban",
        ),
        decision=_L(nl="besluit", en="decision", de="het", also=("besluitvorming",)),
        signing=_L(nl="ondertekening", en="signing"),
        endorsement=_L(nl="onderschrijving", en="endorsement"),
        evaluation=_L(nl="evaluatie", en="evaluation"),
    ),
    **_table(
        MilestoneStatus,
        planned=_L(nl="gepland", en="planned"),
        done=_L(nl="afgerond", en="done", also=("gedaan",)),
        missed=_L(nl="niet gehaald", en="missed", note="ignored by the rules"),
    ),
    **_table(
        ProductStatus,
        draft=_L(nl="concept", en="draft"),
        decided=_L(nl="knoop doorgehakt", en="decided", note='"Voor nu een knoop doorgehakt"'),
        open=_L(nl="nog ruimte voor discussie", en="open", note='"of is er later toch nog ruimte voor discussie?"'),
        final=_L(nl="definitief", en="final"),
    ),
    **_table(
        Frequency,
        yearly=_L(nl="jaarlijks", en="yearly"),
        half_yearly=_L(nl="halfjaarlijks", en="half-yearly"),
        quarterly=_L(nl="per kwartaal", en="quarterly"),
        monthly=_L(nl="maandelijks", en="monthly"),
    ),
    **_table(
        RealisationStatus,
        draft=_L(nl="concept", en="draft"),
        submitted=_L(nl="ingediend", en="submitted", also=("aangeleverd",)),
        approved=_L(nl="goedgekeurd", en="approved", note="only approved figures count", also=("vastgesteld",)),
    ),
    **_table(
        ProgressStatus,
        achieved=_L(nl="bereikt", en="achieved", note="the value to reach is reached"),
        on_track=_L(nl="op koers", en="on track", note="R ≥ 0.95: at least 95% of the expected progress"),
        needs_acceleration=_L(nl="versnelling nodig", en="needs acceleration", note="0.6 ≤ R < 0.95"),
        off_track=_L(nl="niet op koers", en="off track", note="0 ≤ R < 0.6", also=("uit koers", "loopt achter")),
        deteriorating=_L(nl="verslechtert", en="deteriorating", note="R < 0: the value moved away from the target"),
        contradicts_direction=_L(
            nl="in strijd met de richting",
            en="contradicts the direction",
            note=(
                "the value's sign contradicts the indicator's direction (PA006) or a flow's value is negative: "
                "never judged"
            ),
        ),
        not_started=_L(
            nl="nog niet begonnen",
            en="not started",
            note="before the target's first year, or before a commitment's due date",
        ),
        no_data=_L(
            nl="geen gegevens",
            en="no data",
            note="no approved figure that counts as of the check date, or nothing to measure",
        ),
    ),
    **_table(
        Outcome,
        done=_L(nl="uitgevoerd", en="done", note="the status is achieved"),
        partly=_L(nl="deels uitgevoerd", en="partly done", note="the status is needs acceleration"),
        not_done=_L(nl="niet uitgevoerd", en="not done", note="the status is off track"),
    ),
    **_table(
        IdKind,
        party=_L(nl="partij", en="party", note="declared under `parties`"),
        area=_L(nl="gebied", en="area", de="het", note="declared under `areas`"),
        theme=_L(nl="thema", en="theme", de="het", note="declared under `themes`, or a standard theme"),
        goal=_L(nl="doel", en="goal", de="het", note="declared under `goals`"),
        indicator=_L(nl="indicator", en="indicator", note="declared under `indicators`"),
        target=_L(nl="streefcijfer", en="target", de="het", note="declared under `targets`"),
        commitment=_L(nl="afspraak", en="commitment", note="declared under `commitments`"),
        area_or_party=_L(
            nl="gebied of partij", en="area or party", de="het", note="the keys of a target's `breakdown`"
        ),
        term=_L(nl="begrip", en="term", de="het", note="a term that `definitions` defines (an indicator's `term`)"),
    ),
    **_table(
        SubjectKind,
        commitment=_L(nl="afspraak", en="commitment", note="a realisation or assessment that names a `commitment`"),
        target=_L(nl="streefcijfer", en="target", de="het", note="one that names a `target`"),
        indicator=_L(nl="indicator", en="indicator", note="a realisation that names only an `indicator`"),
    ),
    **_table(
        ElectionKind,
        municipal=_L(nl="gemeenteraadsverkiezingen", en="municipal elections"),
        provincial=_L(nl="Provinciale Statenverkiezingen", en="provincial elections"),
    ),
    **_table(
        ChangeKind,
        added=_L(nl="toegevoegd", en="added"),
        removed=_L(nl="verwijderd", en="removed"),
        changed=_L(nl="gewijzigd", en="changed"),
    ),
    **_table(
        Agreed,
        amended=_L(nl="overeengekomen als wijziging", en="agreed as an amendment"),
        unamended=_L(nl="niet als wijziging overeengekomen", en="not agreed as an amendment"),
    ),
    **_table(
        NormKind,
        reference=_L(nl="referentiewaarde", en="reference value"),
        target=_L(nl="landelijk doel", en="national target", de="het"),
    ),
    **_table(Bound, upper=_L(nl="bovengrens", en="ceiling"), lower=_L(nl="ondergrens", en="floor")),
    **_table(
        Unit,
        eur_per_month=_L(nl="€ per maand", en="€ per month"),
        eur_per_year=_L(nl="€ per jaar", en="€ per year"),
        eur=_L(nl="€", en="€"),
        homes=_L(nl="woningen", en="homes"),
        homes_per_year=_L(nl="woningen per jaar", en="homes per year"),
        places=_L(nl="plaatsen", en="places"),
        percent=_L(nl="procent", en="percent"),
    ),
}


@attrs.frozen(kw_only=True)
class FormatWords:
    """One table of the glossary: where the file format uses an enum, what it says, and the enum."""

    key: str
    """Where in the file, such as ``parties[].kind``."""
    about: str
    kind: type[enum.Enum]
    title: str | None = None
    """The heading, where the words are not the values of one key of the file."""


#: The glossary's tables of the file format's words, generated from the labels above (docs/glossary.md).
FORMAT_WORDS: Final[tuple[FormatWords, ...]] = (
    FormatWords(key="scope", about="The scale of the agreement", kind=Scope),
    FormatWords(key="basis[].kind", about="The policy document the agreement rests on", kind=BasisKind),
    FormatWords(key="areas[].kind", about="The kind of area", kind=AreaKind),
    FormatWords(key="parties[].kind", about="The kind of party", kind=PartyKind),
    FormatWords(
        key="coalition[].status", about="A party's place in the coalition of the willing", kind=CoalitionStatus
    ),
    FormatWords(
        key="tenant_involvement",
        about="How tenants are involved in a regional or wider agreement",
        kind=TenantInvolvement,
    ),
    FormatWords(key="groups[].kind", about="The kind of group", kind=GroupKind),
    FormatWords(key="mandates[].role", about="What a party's mandate is for", kind=MandateRole),
    FormatWords(key="goals[].kind", about="The kind of goal", kind=GoalKind),
    FormatWords(key="indicators[].aggregation", about="How an indicator's figures add up", kind=Aggregation),
    FormatWords(key="indicators[].direction", about="Which way is better", kind=Direction),
    FormatWords(key="frameworks[].per", about="Where a framework's share must be met", kind=FrameworkScope),
    FormatWords(key="commitments[].kind", about="What a commitment promises", kind=CommitmentKind),
    FormatWords(key="visibility", about="Who may see a commitment or realisation", kind=Visibility),
    FormatWords(key="process.milestones[].kind", about="A step of the process", kind=MilestoneKind),
    FormatWords(key="process.milestones[].status", about="Where a milestone stands", kind=MilestoneStatus),
    FormatWords(key="process.products[].status", about="How final an intermediate product is", kind=ProductStatus),
    FormatWords(key="monitoring.frequency", about="How often progress is monitored", kind=Frequency),
    FormatWords(key="realisations[].status", about="The approval of a reported figure", kind=RealisationStatus),
    FormatWords(
        key="realisations[].outcome",
        about=(
            "How a commitment was kept, reported on a realisation of the commitment, with or without a value. It "
            "judges an effort commitment, or one without an indicator, once due"
        ),
        kind=Outcome,
    ),
    FormatWords(
        key="monitoring.assessments[].status",
        about=(
            "Where a target or commitment stands against its expected path, as the progress report computes it and "
            "as a manual assessment records it next to the computed one"
        ),
        kind=ProgressStatus,
    ),
    FormatWords(
        key="",
        title="### What a reference names",
        about=(
            "Not a key of the file, but the kinds of item an id in the file can name, as the reference check (PA001) "
            "words them; `prestatieafspraken.model.references` lists them per field"
        ),
        kind=IdKind,
    ),
    FormatWords(
        key="",
        title="### What a realisation is about",
        about=(
            "Not a key of the file, but which of `commitment`, `target` and `indicator` a realisation names (an "
            "assessment: `target` or `commitment`); `Realisation.subject` gives it with the id"
        ),
        kind=SubjectKind,
    ),
)


def format_words_markdown() -> str:
    """The glossary's tables of the file format's words, as Markdown (see docs/hooks.py)."""
    parts: list[str] = []
    for table in FORMAT_WORDS:
        parts += [table.title or f"### `{table.key}`", "", f"{table.about} (`{table.kind.__name__}`).", ""]
        parts += ["| value | Dutch | English | note |", "|---|---|---|---|"]
        for member in table.kind:
            found = ENUM_LABELS[member]
            parts.append(f"| `{member.value}` | {found.nl} | {found.en} | {found.note} |")
        parts.append("")
    return "\n".join(parts)
