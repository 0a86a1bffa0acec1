"""Versions of an agreement: `diff`, `patch` and `history`, and the `diff` and `history` commands (issue 17)."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import prestatieafspraken as pa
from prestatieafspraken import examples
from prestatieafspraken.cli import main
from prestatieafspraken.errors import PrestatieafsprakenError, VersionsError
from prestatieafspraken.model import (
    Agreement,
    Amendment,
    Baseline,
    CoalitionMember,
    CoalitionStatus,
    InvariantError,
    Milestone,
    MilestoneKind,
    MilestoneStatus,
    Realisation,
    RealisationStatus,
    Visibility,
)
from prestatieafspraken.model.fields import wire_name
from prestatieafspraken.report.changes import ITEM_WORDS, describe, render_diff
from prestatieafspraken.versions import Agreed, Change, ChangeKind, Diff, diff, history, patch, signing_parties
from prestatieafspraken.versions._patch import parse_path
from prestatieafspraken.versions._shape import KEYS, Shape, agreement_shape, item_kind, shape_of
from prestatieafspraken.vocabulary import Language
from strategies import agreements

EXAMPLE = "lindeveen-2025-2028"
DOCS = Path(__file__).parent.parent / "docs" / "versions"
MAY, CONCEPT, SIGNED = (DOCS / f"lindeveen-{day}.yaml" for day in ("2026-05-20", "2026-10-01", "2026-12-08"))
MUNICIPALITY, CORPORATION, TENANTS = "gemeente-lindeveen", "woonstichting-lindeveen", "huurdersvereniging-lindeveen"
EVERY_SIGNER = (MUNICIPALITY, CORPORATION, TENANTS)
PROPERTIES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def lindeveen() -> Agreement:
    """The shipped example: a local agreement with a done signing (without a party) of its three parties."""
    return examples.load(EXAMPLE)


def with_commitment(agreement: Agreement, commitment_id: str, **changes: Any) -> Agreement:
    """*agreement* with one commitment changed."""
    return attrs.evolve(
        agreement,
        commitments=tuple(
            attrs.evolve(commitment, **changes) if commitment.id == commitment_id else commitment
            for commitment in agreement.commitments
        ),
    )


def with_amendment(agreement: Agreement, *agreed_by: str, amendment_id: str = "a-2026") -> Agreement:
    """*agreement* with one more amendment, agreed by *agreed_by*."""
    amendment = Amendment(id=amendment_id, date=pendulum.Date(2026, 6, 30), agreed_by=agreed_by)
    return attrs.evolve(agreement, amendments=(*agreement.amendments, amendment))


def with_milestones(agreement: Agreement, *milestones: Milestone) -> Agreement:
    """*agreement* with these milestones instead of its own."""
    assert agreement.process is not None
    return attrs.evolve(agreement, process=attrs.evolve(agreement.process, milestones=milestones))


def only(found: Diff) -> Change:
    """The one change of a diff."""
    assert len(found) == 1, [change.id for change in found]
    return found.changes[0]


def canonical(value: Any) -> Any:
    """A wire value with every list sorted and whole floats as integers: equal exactly when the versions are."""
    if isinstance(value, dict):
        return {key: canonical(element) for key, element in value.items()}
    if isinstance(value, list):
        elements = [canonical(element) for element in value]
        return sorted(elements, key=lambda element: json.dumps(element, sort_keys=True))
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def wire(agreement: Agreement) -> Any:
    """The canonical wire form of an agreement: its JSON with lists sorted."""
    return canonical(json.loads(pa.dumps(agreement, format="json")))


# --- generated pairs of versions ----------------------------------------------------------------------------


def _key_names(item: Any) -> list[str]:
    """The attribute names that match *item* with its counterpart: its id, else its class's key fields."""
    names = [field.name for field in attrs.fields(type(item))]
    if "id" in names:
        return ["id"]
    return [name for alternatives in KEYS.get(type(item), ()) for name in alternatives if name in names]


def _mix_items(draw: st.DrawFn, old: tuple[Any, ...], other: tuple[Any, ...]) -> tuple[Any, ...]:
    """A list of items made of *old*'s and *other*'s, in any order.

    Of *old*'s items some are kept, some dropped, some changed (another item under the same key); some of
    *other*'s are added.
    """
    kept = []
    for item in old:
        fate = draw(st.integers(0, 3))
        if fate == 0:
            continue
        if fate == 1 and other:
            source = other[draw(st.integers(0, len(other) - 1))]
            # another item under the same key, unless that breaks an invariant (an outcome of a target)
            with contextlib.suppress(InvariantError):
                item = attrs.evolve(source, **{name: getattr(item, name) for name in _key_names(item)})  # noqa: PLW2901
        kept.append(item)
    kept += [item for item in other if draw(st.booleans())]
    return tuple(draw(st.permutations(kept)))


def _mix_value(draw: st.DrawFn, old: Any, other: Any) -> Any:
    """*old*, *other*, or a mix of both: lists of items mixed, lists of ids reordered, records mixed field by field."""
    choice = draw(st.integers(0, 3))
    if choice < 2:  # keep or take
        return old if choice == 0 else other
    if isinstance(old, tuple) and isinstance(other, tuple):
        if any(attrs.has(type(item)) for item in (*old, *other)):
            return _mix_items(draw, old, other)
        return tuple(draw(st.permutations(old)))  # a list of ids or texts, reordered
    if isinstance(old, dict) and isinstance(other, dict):
        return {**{key: value for key, value in old.items() if draw(st.booleans())}, **other}
    if attrs.has(type(old)) and type(old) is type(other):
        return _mix(draw, old, other)
    return old


def _mix(draw: st.DrawFn, old: Any, other: Any) -> Any:
    """*old* with each field kept, taken from *other*, or mixed; a field that breaks an invariant stays *old*'s."""
    fields = attrs.fields(type(old))
    values = {field.name: _mix_value(draw, getattr(old, field.name), getattr(other, field.name)) for field in fields}
    values.pop("schema_version", None)
    for _ in fields:
        try:
            return attrs.evolve(old, **values)
        except InvariantError as error:
            for field in fields:
                if wire_name(field) == error.field or field.name == error.field:
                    values[field.name] = getattr(old, field.name)
    return old


@st.composite
def version_pairs(draw: st.DrawFn) -> tuple[Agreement, Agreement]:
    """An agreement and a newer version of it: items kept, changed, added, removed and reordered."""
    old = draw(agreements())
    new = _mix(draw, old, draw(agreements()))
    return old, new


# --- diff ---------------------------------------------------------------------------------------------------


class TestSameAgreement:
    """Formatting and order are no change."""

    def test_file_against_its_json_twin(self, tmp_path: Path) -> None:
        """The YAML example and its JSON twin (another format, key order, no comments) are the same agreement."""
        twin = tmp_path / "lindeveen.json"
        pa.dump(lindeveen(), twin)
        yaml_file = tmp_path / "lindeveen.yaml"
        yaml_file.write_text(examples.text(EXAMPLE), encoding="utf-8")
        assert not diff(yaml_file, twin)
        assert main(["diff", str(yaml_file), str(twin)]) == 0

    def test_reordered_lists_are_no_change(self) -> None:
        """Parties, commitments, milestones and the ids in a list in another order are no change."""
        old = lindeveen()
        assert old.process is not None
        new = attrs.evolve(
            old,
            parties=old.parties[::-1],
            commitments=tuple(attrs.evolve(c, beneficiaries=c.beneficiaries[::-1]) for c in old.commitments[::-1]),
            process=attrs.evolve(old.process, milestones=old.process.milestones[::-1]),
        )
        assert not diff(old, new)

    def test_equal_numbers_are_no_change(self) -> None:
        """100 and 100.0 are the same value, as the model has it."""
        old = lindeveen()
        assert not diff(old, with_commitment(old, "c-2025-new-build", value=100.0))


class TestChanges:
    """Each change with its values and its `$.path` in both versions."""

    def test_changed_commitment_value(self) -> None:
        """A commitment's changed value is one change of field `value` with both values and both paths."""
        old = lindeveen()
        change = only(diff(old, with_commitment(old, "c-2026-new-build", value=120)))
        assert (change.kind, change.item, change.id, change.field) == (
            ChangeKind.CHANGED,
            "commitment",
            "c-2026-new-build",
            "value",
        )
        assert (change.old, change.new) == (100, 120)
        assert change.old_path == change.new_path == "$.commitments[6].value"

    def test_moved_item_has_both_paths(self) -> None:
        """A changed item that moved in its list has its place in each version."""
        old = lindeveen()
        new = with_commitment(old, "c-2026-new-build", value=120)
        new = attrs.evolve(new, commitments=new.commitments[::-1])
        change = only(diff(old, new))
        assert (change.old_path, change.new_path) == ("$.commitments[6].value", "$.commitments[10].value")

    def test_added_commitment(self) -> None:
        """An added commitment is one change, with the new item, its place and the list it joins."""
        old = lindeveen()
        extra = attrs.evolve(old.commitments[0], id="c-2028-land", year=2028)
        change = only(diff(old, attrs.evolve(old, commitments=(*old.commitments, extra))))
        assert (change.kind, change.item, change.id, change.field) == (
            ChangeKind.ADDED,
            "commitment",
            "c-2028-land",
            None,
        )
        assert (change.old_path, change.new_path) == ("$.commitments", "$.commitments[17]")
        assert change.old is None
        assert change.new["id"] == "c-2028-land"

    def test_removed_party(self) -> None:
        """A removed party is one change, with the old item, its place and the list it left."""
        old = lindeveen()
        change = only(diff(old, attrs.evolve(old, parties=old.parties[:2])))
        assert (change.kind, change.item, change.id) == (ChangeKind.REMOVED, "party", TENANTS)
        assert (change.old_path, change.new_path) == ("$.parties[2]", "$.parties")
        assert change.old["name"] == "Huurdersvereniging Lindeveen"
        assert change.new is None

    def test_default_left_out_is_a_value(self) -> None:
        """A visibility set back to its default (left out of the file) is a change to `public`."""
        old = with_commitment(lindeveen(), "c-2025-rent-policy", visibility=Visibility.PARTIES)
        change = only(diff(old, lindeveen()))
        assert (change.field, change.old, change.new) == ("visibility", "parties", "public")

    def test_breakdown_key(self) -> None:
        """A changed share of a breakdown is named by its key, as the checks write it."""
        old = lindeveen()
        target = attrs.evolve(old.targets[0], breakdown={"lindeveen": 400})
        new = attrs.evolve(old, targets=(attrs.evolve(target, breakdown={"lindeveen": 380}), *old.targets[1:]))
        change = only(diff(attrs.evolve(old, targets=(target, *old.targets[1:])), new))
        assert change.field == "breakdown['lindeveen']"
        assert change.old_path == "$.targets[0].breakdown['lindeveen']"

    def test_agreement_key(self) -> None:
        """A key of the agreement itself belongs to the item `agreement`."""
        old = lindeveen()
        change = only(diff(old, attrs.evolve(old, title="Prestatieafspraken Lindeveen 2025-2029")))
        assert (change.item, change.id, change.field, change.old_path) == ("agreement", EXAMPLE, "title", "$.title")

    def test_nested_record(self) -> None:
        """A changed key of a record inside an item is named by its dotted key."""
        old = lindeveen()
        target = old.targets[1]
        assert target.baseline is not None
        new_target = attrs.evolve(target, baseline=attrs.evolve(target.baseline, value=250))
        change = only(diff(old, attrs.evolve(old, targets=(old.targets[0], new_target))))
        assert (change.item, change.id, change.field) == ("target", "no-label-efg", "baseline.value")
        assert change.old_path == "$.targets[1].baseline.value"


class TestMatchingWithoutIds:
    """Items without an id match by the fields that say which item it is."""

    def test_realisation_by_subject_and_year(self) -> None:
        """A realisation with another value is a change of its value, not a removed and an added figure."""
        old = lindeveen()
        new = attrs.evolve(old, realisations=(attrs.evolve(old.realisations[0], value=98), *old.realisations[1:]))
        change = only(diff(old, new))
        assert (change.item, change.id, change.field) == (
            "realisation",
            "commitment: c-2025-new-build, year: 2025",
            "value",
        )

    def test_milestone_status(self) -> None:
        """A planned milestone that is done is a change of its status."""
        old = lindeveen()
        assert old.process is not None
        milestones = list(old.process.milestones)
        position = next(
            i
            for i, milestone in enumerate(milestones)
            if milestone.date == dt.date(2027, 6, 15) and milestone.kind.value == "evaluation"
        )
        milestones[position] = attrs.evolve(milestones[position], status=MilestoneStatus.DONE)
        change = only(diff(old, with_milestones(old, *milestones)))
        assert (change.item, change.id, change.field) == ("milestone", "kind: evaluation, date: 2027-06-15", "status")
        assert (change.old, change.new) == ("planned", "done")

    def test_coalition_by_party(self) -> None:
        """A party's new coalition status is a change of its place in the coalition."""
        member = CoalitionMember(party=TENANTS, status=CoalitionStatus.FOUNDING)
        old = attrs.evolve(lindeveen(), coalition=(member,))
        new = attrs.evolve(old, coalition=(attrs.evolve(member, status=CoalitionStatus.ENDORSER),))
        change = only(diff(old, new))
        assert (change.item, change.id, change.field) == ("coalition_member", f"party: {TENANTS}", "status")

    def test_mandate_by_holder_and_role(self) -> None:
        """Another person holding a mandate is a change of that mandate."""
        old = lindeveen()
        new = attrs.evolve(old, mandates=(attrs.evolve(old.mandates[0], person="wethouder"), *old.mandates[1:]))
        change = only(diff(old, new))
        assert (change.item, change.id, change.field) == (
            "mandate",
            f"holder: {MUNICIPALITY}, role: drafter",
            "person",
        )

    def test_repeated_key_is_numbered(self) -> None:
        """Of two figures with the same key, the one that changed is numbered, and the equal one is no change."""
        old = lindeveen()
        draft = Realisation(commitment="c-2025-new-build", year=2025, value=90, status=RealisationStatus.DRAFT)
        before = attrs.evolve(old, realisations=(*old.realisations, draft))
        after = attrs.evolve(old, realisations=(*old.realisations, attrs.evolve(draft, value=91)))
        change = only(diff(before, after))
        assert change.id == "commitment: c-2025-new-build, year: 2025 #2"
        assert change.old_path == f"$.realisations[{len(old.realisations)}].value"


class TestAgreed:
    """Changes to the commitments and targets of a signed version, and whether an amendment agreed them."""

    def test_change_without_amendment_is_unamended(self) -> None:
        """A changed commitment of a signed agreement without a new amendment is unamended."""
        old = lindeveen()
        found = diff(old, with_commitment(old, "c-2026-new-build", value=120))
        assert found.signed
        assert found.signing_parties == EVERY_SIGNER
        assert only(found).agreed is Agreed.UNAMENDED
        assert found.unamended == found.changes

    def test_amendment_of_every_signer(self) -> None:
        """A new amendment agreed by every signing party agrees every change to commitments and targets."""
        old = lindeveen()
        new = with_amendment(with_commitment(old, "c-2026-new-build", value=120), *EVERY_SIGNER)
        found = diff(old, new)
        change = next(change for change in found if change.item == "commitment")
        assert (change.agreed, change.amendments) == (Agreed.AMENDED, ("a-2026",))
        assert found.amendments == ("a-2026",)
        assert not found.unamended

    @pytest.mark.parametrize(
        ("agreed_by", "expected"),
        [
            pytest.param((MUNICIPALITY, CORPORATION), Agreed.UNAMENDED, id="tenants-did-not-agree"),
            pytest.param((), Agreed.UNAMENDED, id="nobody-agreed"),
            pytest.param((*EVERY_SIGNER, "provincie"), Agreed.AMENDED, id="more-than-the-signers"),
        ],
    )
    def test_amendment_needs_every_signer(self, agreed_by: tuple[str, ...], expected: Agreed) -> None:
        """An amendment agrees a change only when every signing party agreed to it."""
        old = lindeveen()
        new = with_amendment(with_commitment(old, "c-2026-new-build", value=120), *agreed_by)
        change = next(change for change in diff(old, new) if change.item == "commitment")
        assert change.agreed is expected

    def test_old_amendment_does_not_count(self) -> None:
        """An amendment the older version already records does not agree a later change."""
        old = with_amendment(lindeveen(), *EVERY_SIGNER)
        change = only(diff(old, with_commitment(old, "c-2026-new-build", value=120)))
        assert change.agreed is Agreed.UNAMENDED

    def test_signing_party_named(self) -> None:
        """A signing milestone of one party makes that party the one whose consent is needed."""
        signing = Milestone(kind=MilestoneKind.SIGNING, party=CORPORATION, date=pendulum.Date(2024, 12, 10))
        old = with_milestones(lindeveen(), attrs.evolve(signing, status=MilestoneStatus.DONE))
        assert signing_parties(old) == (CORPORATION,)
        new = with_amendment(with_commitment(old, "c-2026-new-build", value=120), CORPORATION)
        assert next(change for change in diff(old, new) if change.item == "commitment").agreed is Agreed.AMENDED

    def test_endorser_does_not_sign(self) -> None:
        """A signing without a party is signed by the counted parties: an endorser's consent is not needed."""
        old = attrs.evolve(lindeveen(), coalition=(CoalitionMember(party=TENANTS, status=CoalitionStatus.ENDORSER),))
        assert signing_parties(old) == (MUNICIPALITY, CORPORATION)

    def test_unsigned_version_has_no_marks(self) -> None:
        """Changes to an agreement that has no done signing are neither amended nor unamended."""
        old = lindeveen()
        assert old.process is not None
        unsigned = with_milestones(old, *(m for m in old.process.milestones if m.kind is not MilestoneKind.SIGNING))
        found = diff(unsigned, with_commitment(unsigned, "c-2026-new-build", value=120))
        assert not found.signed
        assert only(found).agreed is None

    def test_other_items_have_no_marks(self) -> None:
        """A changed party of a signed agreement is not marked: only commitments and targets need an amendment."""
        old = lindeveen()
        new = attrs.evolve(
            old, parties=(attrs.evolve(old.parties[0], name="Gemeente Lindeveen-Oost"), *old.parties[1:])
        )
        assert only(diff(old, new)).agreed is None

    def test_shipped_versions(self) -> None:
        """The concept of the jaarschijf 2027 is unamended; the signed jaarschijf is agreed in its amendment."""
        concept, signed = diff(MAY, CONCEPT), diff(MAY, SIGNED)
        commitments = {change.id for change in concept if change.item == "commitment"}
        assert commitments == {"c-2027-new-build", "c-2027-building-land", "c-2027-rent-policy", "c-2027-insulation"}
        assert {change.agreed for change in concept if change.item == "commitment"} == {Agreed.UNAMENDED}
        assert {change.agreed for change in signed if change.item == "commitment"} == {Agreed.AMENDED}
        assert signed.amendments == ("jaarschijf-2027",)


# --- patch --------------------------------------------------------------------------------------------------


class TestPatch:
    """`patch` applies a diff to the older version."""

    def test_patch_gives_the_newer_version(self) -> None:
        """The signed jaarschijf is the May version patched with their diff."""
        old, new = pa.load(MAY), pa.load(SIGNED)
        assert wire(patch(old, diff(old, new))) == wire(new)

    def test_patch_of_another_version_is_refused(self) -> None:
        """A diff made from another version does not fit, and every place where it does not is listed."""
        old = lindeveen()
        found = diff(old, with_commitment(old, "c-2026-new-build", value=120))
        other = with_commitment(old, "c-2026-new-build", value=90)
        with pytest.raises(VersionsError, match=r"\$\.commitments\[6\]\.value: expected 100, found 90"):
            patch(other, found)

    def test_removed_item_that_is_not_there(self) -> None:
        """A removal of an item the agreement does not hold at that place is refused."""
        old = lindeveen()
        found = diff(old, attrs.evolve(old, parties=old.parties[:2]))
        with pytest.raises(VersionsError, match=r"\$\.parties\[2\]: the list has 2 item"):
            patch(attrs.evolve(old, parties=old.parties[:2]), found)

    def test_result_that_is_no_agreement(self) -> None:
        """Changes that together make no agreement (no party left) are refused with the place."""
        old = lindeveen()
        removal = Change(
            kind=ChangeKind.REMOVED,
            item="party",
            id=MUNICIPALITY,
            old=json.loads(pa.dumps(old, format="json"))["parties"][0],
            old_path="$.parties[0]",
            new_path="$.parties",
        )
        single = attrs.evolve(old, parties=old.parties[:1])
        with pytest.raises(VersionsError, match=r"do not make an agreement"):
            patch(single, [removal])

    @pytest.mark.parametrize(
        ("kind", "path", "message"),
        [
            pytest.param(ChangeKind.CHANGED, "$.commitments[99].value", "the list has 17 item", id="no-such-item"),
            pytest.param(ChangeKind.CHANGED, "$.title[0].x", "expected a list of items here", id="index-of-a-text"),
            pytest.param(ChangeKind.CHANGED, "$.parties.name.x", "expected a mapping here", id="key-of-a-list"),
            pytest.param(ChangeKind.CHANGED, "$.colour", "the format has no key 'colour'", id="unknown-key"),
            pytest.param(ChangeKind.CHANGED, "$.colour.x", "the format has no key 'colour'", id="unknown-record"),
            pytest.param(ChangeKind.CHANGED, "$", "not to the whole agreement", id="whole-agreement"),
            pytest.param(ChangeKind.CHANGED, "$.parties[0]", "expected a key here", id="item-as-key"),
            pytest.param(ChangeKind.CHANGED, "$.title.x[", "is not a $.path", id="bad-path"),
            pytest.param(ChangeKind.ADDED, "$.title", "expected a list of items here", id="add-to-a-text"),
            pytest.param(ChangeKind.REMOVED, "$.title", "expected an item of a list here", id="remove-a-key"),
            pytest.param(ChangeKind.REMOVED, "$.parties[0]", "expected the party x here", id="another-item"),
        ],
    )
    def test_change_that_does_not_fit(self, kind: ChangeKind, path: str, message: str) -> None:
        """A change whose place or value the agreement does not have is refused, with its place."""
        change = Change(kind=kind, item="party", id="x", old="a", new="b", old_path=path, new_path=path)
        with pytest.raises(VersionsError, match=re.escape(message)):
            patch(lindeveen(), [change])

    @pytest.mark.parametrize(
        ("path", "segments"),
        [
            ("$", []),
            ("$.commitments[3].value", ["commitments", 3, "value"]),
            ("$.targets[0].breakdown['noord']", ["targets", 0, "breakdown", "noord"]),
            ("$.targets[0].breakdown['it\\'s']", ["targets", 0, "breakdown", "it's"]),
        ],
    )
    def test_paths(self, path: str, segments: list[str | int]) -> None:
        """A `$.path` reads as its keys and places, a quoted key with its escapes undone."""
        assert parse_path(path) == segments

    @pytest.mark.parametrize("path", ["commitments[0]", "$.commitments[x]", "$..value"])
    def test_bad_paths(self, path: str) -> None:
        """A text that is not a `$.path` is refused."""
        with pytest.raises(VersionsError, match="is not a"):
            parse_path(path)


class TestProperties:
    """Laws of `diff` and `patch` over generated agreements."""

    @PROPERTIES
    @given(agreements())
    def test_diff_with_itself_is_empty(self, agreement: Agreement) -> None:
        """An agreement does not differ from itself, nor from itself written and read as JSON."""
        assert not diff(agreement, agreement)
        assert not diff(agreement, pa.loads(pa.dumps(agreement, format="json"), format="json"))

    @PROPERTIES
    @given(version_pairs())
    def test_patch_gives_new(self, versions: tuple[Agreement, Agreement]) -> None:
        """Applying the changes from old to new to old gives new (up to the order of lists)."""
        old, new = versions
        found = diff(old, new)
        assert wire(patch(old, found)) == wire(new)
        assert bool(found) == (wire(old) != wire(new))

    @PROPERTIES
    @given(agreements(), agreements())
    def test_patch_of_unrelated_agreements(self, old: Agreement, new: Agreement) -> None:
        """Even between two unrelated agreements, the changes turn one into the other."""
        assert wire(patch(old, diff(old, new))) == wire(new)


# --- history ------------------------------------------------------------------------------------------------


class TestHistory:
    """`history` compiles versions into the current agreement and each item's changes."""

    def test_shipped_versions(self) -> None:
        """Three versions: the current one is the last, and each item lists the versions that changed it."""
        found = history([MAY, CONCEPT, SIGNED])
        assert found.current == pa.load(SIGNED)
        assert found.versions == (str(MAY), str(CONCEPT), str(SIGNED))
        amendment = found.of("amendment", "jaarschijf-2027")
        assert amendment is not None
        assert [(revision.version, revision.kind) for revision in amendment.revisions] == [
            (str(CONCEPT), ChangeKind.ADDED),
            (str(SIGNED), ChangeKind.CHANGED),
        ]
        new_build = found.of("commitment", "c-2027-new-build")
        assert new_build is not None
        assert new_build.values("value") == ((str(CONCEPT), 120),)
        assert found.of("commitment", "c-2025-new-build") is None

    def test_labels(self) -> None:
        """A mapping gives each version its label; agreements without one are numbered from 1."""
        old = lindeveen()
        new = with_commitment(old, "c-2026-new-build", value=120)
        assert history({"mei": old, "december": new}).items[0].revisions[0].version == "december"
        assert history([old, new]).versions == ("1", "2")
        assert history([old]).items == ()

    def test_agreement_keys_are_one_item(self) -> None:
        """The agreement's own keys are one item, also when its id changes."""
        old = lindeveen()
        renamed = attrs.evolve(old, id="lindeveen-2025-2029")
        found = history([old, renamed, attrs.evolve(renamed, title="Nieuw")])
        assert [(item.item, len(item.revisions)) for item in found.items] == [("agreement", 2)]

    @pytest.mark.parametrize(
        ("versions", "labels", "message"),
        [
            pytest.param([], None, "at least one version", id="none"),
            pytest.param(str(MAY), None, "put the one file in a list", id="one-path"),
            pytest.param([MAY, SIGNED], ["a"], "1 label", id="too-few-labels"),
            pytest.param({"a": MAY}, ["a"], "not both", id="labels-twice"),
        ],
    )
    def test_refused(self, versions: Any, labels: list[str] | None, message: str) -> None:
        """No versions, one path instead of a list, or labels that do not fit are refused."""
        with pytest.raises(VersionsError, match=message):
            history(versions, labels=labels)


# --- words and the command line -----------------------------------------------------------------------------


def _item_classes(shape: Shape, found: set[type[Any]]) -> set[type[Any]]:
    """The classes of the list items of *shape* and of the records and items inside it."""
    for field in shape.fields.values():
        if field.kind == "items" and field.item is not None and field.cls is not None:
            found.add(field.cls)
            _item_classes(field.item, found)
        elif field.kind == "record":
            _item_classes(field, found)
    return found


def test_every_item_kind_has_words() -> None:
    """Every kind of list item of the format has a Dutch and an English word."""
    kinds = {item_kind(cls) for cls in _item_classes(agreement_shape(), set())}
    assert {"commitment", "milestone", "coalition_member"} <= kinds
    assert kinds <= set(ITEM_WORDS), kinds - set(ITEM_WORDS)


def test_errors_are_the_library_s() -> None:
    """`VersionsError` is a `PrestatieafsprakenError` and a `ValueError`."""
    assert issubclass(VersionsError, PrestatieafsprakenError)
    assert issubclass(VersionsError, ValueError)


def _write(folder: Path, name: str, agreement: Agreement) -> Path:
    path = folder / name
    pa.dump(agreement, path)
    return path


#: A restricted commitment only the corporation may see, and a newer version in which its value changed.
SECRET_OLD, SECRET_NEW = 31415, 27182


def _secret_versions(folder: Path) -> tuple[Path, Path]:
    old = with_commitment(
        lindeveen(), "c-2026-new-build", value=SECRET_OLD, visibility=Visibility.RESTRICTED, visible_to=(CORPORATION,)
    )
    new = with_commitment(old, "c-2026-new-build", value=SECRET_NEW, text="Geheim")
    figure = Realisation(
        commitment="c-2026-new-build",
        year=2025,
        value=SECRET_NEW + 1,
        status=RealisationStatus.APPROVED,
        visibility=Visibility.RESTRICTED,
        visible_to=(CORPORATION,),
    )
    new = attrs.evolve(new, realisations=(*new.realisations, figure))
    return _write(folder, "oud.yaml", old), _write(folder, "nieuw.json", new)


class TestDiffCommand:
    """`prestatieafspraken diff OLD NEW`: exit 0 same, 1 different, 2 unreadable."""

    def test_same(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Two files of the same agreement exit 0 and say so, in Dutch."""
        assert main(["diff", str(MAY), str(MAY)]) == 0
        assert "Geen verschillen" in capsys.readouterr().out

    @pytest.mark.parametrize(
        ("lang", "words"),
        [
            (
                "nl",
                ["toegevoegd afspraak c-2027-building-land", "gewijzigd afspraak", "niet als wijziging overeengekomen"],
            ),
            ("en", ["added commitment c-2027-building-land", "changed commitment", "not agreed as an amendment"]),
        ],
    )
    def test_different(self, capsys: pytest.CaptureFixture[str], lang: str, words: list[str]) -> None:
        """Two versions that differ exit 1 and list the changes in the language asked for."""
        assert main(["diff", str(MAY), str(CONCEPT), f"--lang={lang}"]) == 1
        out = capsys.readouterr().out
        for word in words:
            assert word in out

    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`--format json` gives every change with its paths and whether it was agreed."""
        assert main(["diff", str(MAY), str(CONCEPT), "--format=json"]) == 1
        data = json.loads(capsys.readouterr().out)
        assert data["summary"] == {"added": 5, "removed": 0, "changed": 4, "unamended": 6}
        value = next(change for change in data["changes"] if change["field"] == "value")
        assert value | {"description": ""} == {
            "change": "changed",
            "item": "commitment",
            "id": "c-2027-new-build",
            "field": "value",
            "old": 100,
            "new": 120,
            "old_path": "$.commitments[12].value",
            "new_path": "$.commitments[12].value",
            "agreed": "unamended",
            "amendments": [],
            "description": "",
        }

    def test_markdown(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`--format markdown` gives a table with a row per change."""
        assert main(["diff", str(MAY), str(SIGNED), "--format=markdown"]) == 1
        out = capsys.readouterr().out
        assert "| Wat | Onderdeel | Id | Veld | Oud | Nieuw | Plaats | Overeengekomen |" in out
        assert "| gewijzigd | afspraak | c-2027-new-build | value | 100 | 120 |" in out
        assert "overeengekomen in wijziging jaarschijf-2027" in out

    def test_unreadable(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A missing file and a broken one exit 2, each with a clear message and no traceback."""
        broken = tmp_path / "kapot.yaml"
        broken.write_text("schema_version: 1\nid: [x\n", encoding="utf-8")
        assert main(["diff", str(tmp_path / "weg.yaml"), str(broken)]) == 2
        err = capsys.readouterr().err
        assert "weg.yaml" in err
        assert "kapot.yaml" in err
        assert "Traceback" not in err

    @pytest.mark.parametrize("format_", ["text", "json", "markdown"])
    def test_audience_never_sees_withheld_values(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], format_: str
    ) -> None:
        """With `--audience public` a restricted value, its change and a restricted figure never appear."""
        old, new = _secret_versions(tmp_path)
        assert main(["diff", str(old), str(new), "--audience=public", f"--format={format_}"]) == 0
        out = capsys.readouterr().out
        for secret in (SECRET_OLD, SECRET_NEW, SECRET_NEW + 1, "Geheim"):
            assert str(secret) not in out

    def test_audience_that_may_see(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """The party a restricted commitment is visible to sees its change."""
        old, new = _secret_versions(tmp_path)
        assert main(["diff", str(old), str(new), f"--audience={CORPORATION}"]) == 1
        out = capsys.readouterr().out
        assert f"value: {SECRET_OLD} → {SECRET_NEW}" in out

    def test_unknown_audience(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """An audience that is no party exits 2 with the valid ones."""
        old, new = _secret_versions(tmp_path)
        assert main(["diff", str(old), str(new), "--audience=provincie", "--lang", "en"]) == 2
        assert "unknown audience 'provincie'" in capsys.readouterr().err


class TestHistoryCommand:
    """`prestatieafspraken history FILE...`."""

    def test_text(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The versions, the current one and each item with the versions that changed it."""
        assert main(["history", str(MAY), str(CONCEPT), str(SIGNED)]) == 0
        out = capsys.readouterr().out
        assert "Geschiedenis van 3 versies" in out
        assert "wijziging jaarschijf-2027" in out
        assert f"  {SIGNED}: gewijzigd agreed_by:" in out

    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`--format json` gives the versions, the compiled agreement and the items' revisions."""
        assert main(["history", str(MAY), str(SIGNED), "--format=json"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert data["current"]["id"] == EXAMPLE
        assert data["versions"] == [str(MAY), str(SIGNED)]
        assert {item["id"] for item in data["items"] if item["item"] == "commitment"} >= {"c-2027-new-build"}

    def test_markdown_and_nothing_changed(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Markdown has a table of the revisions; versions without changes say so."""
        assert main(["history", str(MAY), str(CONCEPT), "--format=markdown", "--lang=en"]) == 0
        assert "| Version | What | Item |" in capsys.readouterr().out
        assert main(["history", str(MAY), str(MAY)]) == 0
        assert "Geen wijzigingen tussen de versies." in capsys.readouterr().out

    def test_unreadable(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A file that cannot be read exits 2 without a traceback."""
        assert main(["history", str(MAY), str(tmp_path / "weg.yaml")]) == 2
        err = capsys.readouterr().err
        assert "weg.yaml" in err
        assert "Traceback" not in err

    def test_audience(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """With `--audience public` a restricted value never appears, in the items nor in the current agreement."""
        old, new = _secret_versions(tmp_path)
        assert main(["history", str(old), str(new), "--audience=public", "--format=json"]) == 0
        out = capsys.readouterr().out
        for secret in (SECRET_OLD, SECRET_NEW, SECRET_NEW + 1):
            assert str(secret) not in out


def test_render_same_in_every_format() -> None:
    """An empty diff renders as "no differences" in text and Markdown, and as `same` in JSON."""
    empty = diff(MAY, MAY)
    assert render_diff(empty, old="a", new="b", lang="en") == "No differences: a and b are the same agreement."
    assert render_diff(empty, format="markdown", old="a", new="b").startswith("Geen verschillen")
    assert json.loads(render_diff(empty, format="json", old="a", new="b"))["same"] is True


class TestMatchingByContent:
    """An item of a class with neither an id nor key fields matches by its whole content."""

    def test_wire_and_model_keys_agree(self) -> None:
        """Both keys are the item's JSON text, which also names it."""
        shape = shape_of(Baseline)
        baseline = Baseline(year=2024, value=240)
        key = shape.key({"value": 240, "year": 2024})
        assert key == shape.model_key(baseline)
        assert shape.key_text(key) == '{"value":240,"year":2024}'


class TestRendering:
    """How values read in a line."""

    @pytest.mark.parametrize(
        ("lang", "expected"),
        [
            ("nl", "gewijzigd overeenkomst lindeveen-2025-2028: monitoring.hybrid: nee → ja"),
            ("en", "changed agreement lindeveen-2025-2028: monitoring.hybrid: no → yes"),
        ],
    )
    def test_yes_and_no(self, lang: Language, expected: str) -> None:
        """A true or false value reads as ja or nee (yes or no)."""
        old = lindeveen()
        assert old.monitoring is not None
        new = attrs.evolve(old, monitoring=attrs.evolve(old.monitoring, hybrid=True))
        assert describe(only(diff(old, new)), lang) == expected

    def test_record_and_missing_value(self) -> None:
        """A record reads as its keys and values, a value not given as such."""
        old = attrs.evolve(lindeveen(), monitoring=None)
        change = only(diff(old, lindeveen()))
        assert describe(change) == (
            "gewijzigd overeenkomst lindeveen-2025-2028: monitoring: (niet ingevuld) → {frequency: yearly}"
        )
        assert describe(change, "en").endswith("monitoring: (not given) → {frequency: yearly}")
