"""Who takes part: areas, parties, the coalition of the willing, tenant involvement and working groups.

Handbook, "Mensen die echt voor samenwerking gaan": "begin met een 'coalition of the willing'. Wie direct mee
wil doen, doet mee. Wie later nog wil aansluiten kan dit doen of pas aan het eind de gemaakte afspraken
onderschrijven."
"""

from __future__ import annotations

import enum

import attrs
import pendulum

from prestatieafspraken.model.fields import REFERS_TO, IdKind
from prestatieafspraken.model.ids import slug

__all__ = [
    "Area",
    "AreaKind",
    "CoalitionMember",
    "CoalitionStatus",
    "Group",
    "GroupKind",
    "Party",
    "PartyKind",
    "TenantInvolvement",
]


class AreaKind(enum.Enum):
    """The kind of a geographic area."""

    MUNICIPALITY = "municipality"
    REGION = "region"
    PROVINCE = "province"
    DISTRICT = "district"


@attrs.frozen(kw_only=True)
class Area:
    """A geographic area an agreement works in; its dwellings or population may weigh a regional target."""

    id: str = attrs.field(validator=slug)
    name: str
    kind: AreaKind
    cbs_code: str | None = None
    """The CBS code of the area, such as ``GM0363`` for Amsterdam."""
    dwellings: int | None = None
    population: int | None = None


class PartyKind(enum.Enum):
    """The kind of a party to an agreement."""

    MUNICIPALITY = "municipality"
    HOUSING_CORPORATION = "housing_corporation"
    TENANT_ORGANISATION = "tenant_organisation"
    PROVINCE = "province"
    STATE = "state"
    REGION = "region"
    CORPORATION_ALLIANCE = "corporation_alliance"
    TENANT_ALLIANCE = "tenant_alliance"
    MARKET_PARTY = "market_party"
    CARE_PROVIDER = "care_provider"
    OTHER = "other"


@attrs.frozen(kw_only=True)
class Party:
    """An organisation that takes part in an agreement (gemeente, woningcorporatie, huurdersorganisatie, ...)."""

    id: str = attrs.field(validator=slug)
    name: str
    kind: PartyKind
    areas: tuple[str, ...] = attrs.field(default=(), metadata={REFERS_TO: IdKind.AREA})
    """Area ids where the party works."""
    represents: tuple[str, ...] = attrs.field(default=(), metadata={REFERS_TO: IdKind.PARTY})
    """Party ids that an alliance or a region speaks for."""
    supervisory_body: str | None = None
    """Free text: raad van commissarissen, gemeenteraad, achterban, ..."""


class CoalitionStatus(enum.Enum):
    """How a party stands in the coalition of the willing."""

    FOUNDING = "founding"
    JOINED = "joined"
    ENDORSER = "endorser"
    """Onderschrijver: endorses the agreements at the end, carries no commitments."""
    OBSERVER = "observer"
    DECLINED = "declined"

    @property
    def is_counted(self) -> bool:
        """Whether a party with this status counts as a party (founding or joined)."""
        return self in (CoalitionStatus.FOUNDING, CoalitionStatus.JOINED)


@attrs.frozen(kw_only=True)
class CoalitionMember:
    """A party's place in the coalition of the willing; a party not listed counts as founding."""

    party: str = attrs.field(metadata={REFERS_TO: IdKind.PARTY})
    status: CoalitionStatus
    joined_on: pendulum.Date | None = None


class TenantInvolvement(enum.Enum):
    """How tenants are involved in a regional or wider agreement (handbook: "Betrek je huurdersorganisaties")."""

    SIGNATORY = "signatory"
    CONSULTED = "consulted"
    INFORMED = "informed"
    NONE = "none"


class GroupKind(enum.Enum):
    """The kind of a working structure."""

    STEERING = "steering"
    WORKING = "working"
    THEME_TABLE = "theme_table"
    OTHER = "other"


@attrs.frozen(kw_only=True)
class Group:
    """A steering group, working group or theme table and its member parties."""

    id: str = attrs.field(validator=slug)
    kind: GroupKind
    members: tuple[str, ...] = attrs.field(default=(), metadata={REFERS_TO: IdKind.PARTY})
