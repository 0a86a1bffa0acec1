"""The national norms: yearly reference values and national targets, each with its years and its public source.

Reference values are the figures the ministry sets each year (the social-rent limit, the DAEB and passend-toewijzen
income limits and rent caps, the middle-rent upper limit, the NHG limit, the betaalbaarheidsgrens koop, ...);
national targets are those of the Nationale Prestatieafspraken (NPA 2022 and its 2024 update). A definition in an
agreement may say which norm it follows, so that the parties "speak the same language" (handbook, *Een gezamenlijk
beeld*).

All values live in one data file shipped with the package, ``norms.toml``; its opening comment says how to add
next year's values each November. A value is a `decimal.Decimal`, exactly as the source publishes it
(``Decimal("932.93")``, never the binary float ``932.9299999...``), so a figure can be compared and printed without
rounding surprises. Sources are the public pages recorded in the project's domain facts.

```python
from prestatieafspraken import norms

norms.value("social-rent-limit", 2026)  # Decimal('932.93')
norms.source("social-rent-limit", 2026).url
```
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType

import attrs

from prestatieafspraken._language import Language
from prestatieafspraken.errors import UnknownNormError

__all__ = [
    "Bound",
    "Kind",
    "Norm",
    "NormValue",
    "Source",
    "Unit",
    "UnknownNormError",
    "beyond",
    "get",
    "names",
    "series",
    "source",
    "sources",
    "value",
]


class Unit(enum.Enum):
    """The unit of a norm's values; the value is the string the data file uses."""

    EUR_PER_MONTH = "EUR/month"
    """Euros per month, e.g. a kale huur (basic rent)."""
    EUR_PER_YEAR = "EUR/year"
    """Euros per year, e.g. a household income."""
    EUR = "EUR"
    """Euros, e.g. a purchase price."""
    HOMES = "homes"
    """A number of homes (woningen)."""
    HOMES_PER_YEAR = "homes/year"
    """A number of homes each year."""
    PLACES = "places"
    """A number of places, e.g. nursing-care places."""
    PERCENT = "percent"
    """A percentage."""


class Kind(enum.Enum):
    """What sort of norm it is."""

    REFERENCE = "reference"
    """A yearly reference value (referentiewaarde) set nationally, e.g. the social-rent limit of 1 January."""
    TARGET = "target"
    """A national target (landelijk doel); its year is the year by whose end it is due, or the years it holds."""


class Bound(enum.Enum):
    """Which side of the value is within the norm."""

    UPPER = "upper"
    """A ceiling: a figure at or below the value is within the norm (a rent limit, an income limit)."""
    LOWER = "lower"
    """A floor: a figure at or above the value is within the norm (a share to reach, a number to build)."""


@attrs.frozen(kw_only=True)
class Source:
    """A public source of a value.

    Attributes:
        title: The publisher and the page's title, e.g. ``"Rijksoverheid, nieuwsbericht 25 november 2025: ..."``.
        url: The page's address.
    """

    title: str
    url: str


@attrs.frozen(kw_only=True)
class NormValue:
    """One value of a norm, for one year or a run of years in which it did not change.

    Attributes:
        first_year: The first year the value holds.
        last_year: The last year the value holds (the same as *first_year* for a single year).
        value: The value, exactly as published.
        sources: The public sources, at least one; the first is the one `source` gives.
        note_nl: A note in Dutch when the value is uncertain, derived or applies from a later date than
            1 January; else ``None``.
        note_en: The same note in English.
    """

    first_year: int
    last_year: int
    value: Decimal
    sources: tuple[Source, ...]
    note_nl: str | None = None
    note_en: str | None = None

    @property
    def source(self) -> Source:
        """The first (main) source."""
        return self.sources[0]

    @property
    def years(self) -> range:
        """The years the value holds."""
        return range(self.first_year, self.last_year + 1)

    def covers(self, year: int) -> bool:
        """Whether the value holds in *year*."""
        return self.first_year <= year <= self.last_year

    def note(self, lang: Language = "nl") -> str | None:
        """The note in Dutch (``"nl"``) or English (``"en"``), if any."""
        return self.note_en if lang == "en" else self.note_nl

    @property
    def span(self) -> str:
        """The years as text: ``"2026"`` or ``"2015–2018"``."""
        return str(self.first_year) if self.first_year == self.last_year else f"{self.first_year}–{self.last_year}"


@attrs.frozen(kw_only=True)
class Norm:
    """A national norm with all its values.

    Attributes:
        name: Its name, e.g. ``"social-rent-limit"``; what a definition's ``norm:`` key names.
        label_nl: What it is, in Dutch.
        label_en: What it is, in English.
        kind: A yearly reference value or a national target.
        unit: The unit of its values.
        bound: Whether it is a ceiling or a floor.
        values: Its values, ascending by year; no two hold in the same year.
        note_nl: A note on the norm as a whole, in Dutch, if any.
        note_en: The same note in English.
    """

    name: str
    label_nl: str
    label_en: str
    kind: Kind
    unit: Unit
    bound: Bound
    values: tuple[NormValue, ...]
    note_nl: str | None = None
    note_en: str | None = None

    def label(self, lang: Language = "nl") -> str:
        """The label in Dutch (``"nl"``) or English (``"en"``)."""
        return self.label_en if lang == "en" else self.label_nl

    def note(self, lang: Language = "nl") -> str | None:
        """The note on the norm in Dutch (``"nl"``) or English (``"en"``), if any."""
        return self.note_en if lang == "en" else self.note_nl

    @property
    def years(self) -> tuple[int, ...]:
        """Every year with a value, ascending."""
        return tuple(year for entry in self.values for year in entry.years)

    @property
    def spans(self) -> tuple[str, ...]:
        """The years with a value as runs of consecutive years: ``("2015–2018", "2021–2026")``."""
        return _runs(self.years)

    def at(self, year: int) -> NormValue:
        """The value that holds in *year*.

        Raises:
            UnknownNormError: The norm has no value for *year*; the message says which years have one.
        """
        for entry in self.values:
            if entry.covers(year):
                return entry
        raise UnknownNormError(self.name, self.spans, year=year)

    def series(self) -> Mapping[int, Decimal]:
        """Year → value for every year with a value, ascending (a run of years gives each of its years)."""
        return MappingProxyType({year: entry.value for entry in self.values for year in entry.years})

    def beyond(self, year: int, figure: Decimal | float) -> bool:
        """Whether *figure* lies beyond the norm's value in *year*: above a ceiling, or below a floor.

        A float is read as the decimal it prints as (``932.93`` is ``Decimal("932.93")``), so a figure equal to the
        value is never beyond it.

        Raises:
            UnknownNormError: The norm has no value for *year*.
        """
        exact = Decimal(repr(figure)) if isinstance(figure, float) else Decimal(figure)
        limit = self.at(year).value
        return exact > limit if self.bound is Bound.UPPER else exact < limit


def _runs(years: tuple[int, ...]) -> tuple[str, ...]:
    """Ascending years as runs: ``(2015, 2016, 2017, 2021)`` gives ``("2015–2017", "2021")``."""
    runs: list[list[int]] = []
    for year in years:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return tuple(str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}" for run in runs)


@functools.cache
def _catalogue() -> Mapping[str, Norm]:
    # Read once, on first use: importing the package stays cheap, and the file is parsed and checked only once.
    from prestatieafspraken.norms._data import read_shipped  # noqa: PLC0415 - it builds this module's classes

    return read_shipped()


def names() -> tuple[str, ...]:
    """The names of the norms, in the order of the data file: reference values by subject, then national targets."""
    return tuple(_catalogue())


def get(name: str) -> Norm:
    """The norm called *name*, with all its values, labels and notes.

    Raises:
        UnknownNormError: There is no norm of that name; the message suggests the closest name and lists them.
    """
    catalogue = _catalogue()
    found = catalogue.get(name)
    if found is None:
        raise UnknownNormError(name, catalogue)
    return found


def value(name: str, year: int) -> Decimal:
    """The value of norm *name* in *year*, exactly as published.

    Raises:
        UnknownNormError: There is no norm of that name, or it has no value for *year* (the message says which
            years have one).
    """
    return get(name).at(year).value


def source(name: str, year: int) -> Source:
    """The main public source (title and address) of the value of norm *name* in *year*.

    Raises:
        UnknownNormError: As for `value`.
    """
    return get(name).at(year).source


def sources(name: str, year: int) -> tuple[Source, ...]:
    """Every public source of the value of norm *name* in *year*, the main one first.

    Raises:
        UnknownNormError: As for `value`.
    """
    return get(name).at(year).sources


def series(name: str) -> Mapping[int, Decimal]:
    """Year → value of norm *name* for every year with a value, ascending.

    Raises:
        UnknownNormError: There is no norm of that name.
    """
    return get(name).series()


def beyond(name: str, year: int, figure: Decimal | float) -> bool:
    """Whether *figure* lies beyond norm *name* in *year*: above a ceiling (a limit), or below a floor (a target).

    For example a local definition of social rent up to €950 a month lies beyond the social-rent limit of 2026
    (€932.93): ``beyond("social-rent-limit", 2026, 950)`` is true.

    Raises:
        UnknownNormError: As for `value`.
    """
    return get(name).beyond(year, figure)
