"""The dates the rules reason about: elections, the statutory cycle and Dutch working days.

One responsibility: turn calendar facts (the election dates as municipalities and provinces publish them, the
dates of the Woningwet procedure) into dates. Every function accepts any `dt.date` (including pendulum's) and
returns a `pendulum.Date`. Month arithmetic uses pendulum, which clamps the day to the end of the month;
pendulum's global settings are never touched.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from collections.abc import Iterable, Mapping
from typing import Final

import attrs
import pendulum
from pendulum import Date

from prestatieafspraken.errors import ConfigError, PrestatieafsprakenError

__all__ = [
    "DEFAULT_CALENDAR",
    "PROJECTED_SOURCE",
    "TIME_ZONE",
    "CalendarRangeError",
    "Election",
    "ElectionCalendar",
    "ElectionKind",
    "ElectionWindow",
    "add_months",
    "add_working_days",
    "bid_deadline",
    "default_calendar",
    "dispute_period",
    "is_working_day",
    "next_working_day",
    "previous_working_day",
    "process_deadline",
    "signing_deadline",
    "subtract_working_days",
    "today",
    "working_days_between",
]

#: The time zone of "today" when no check date is given (DESIGN §4, "As-of").
TIME_ZONE = "Europe/Amsterdam"


def today() -> Date:
    """Today's date in the Netherlands: the default check date of checks, progress and reports."""
    return pendulum.now(TIME_ZONE).date()


def _as_date(day: dt.date) -> Date:
    """Return `day` as a `pendulum.Date`, dropping any time of day."""
    if type(day) is Date:
        return day
    return Date(day.year, day.month, day.day)


_FIRST_ORDINAL: Final = dt.date.min.toordinal()
_LAST_ORDINAL: Final = dt.date.max.toordinal()


def _from_ordinal(ordinal: int) -> Date:
    """The day of `ordinal`, held at the calendar's ends (0001-01-01, 9999-12-31) rather than past them.

    A deadline after 9999-12-31 never comes, and a window that opens before 0001-01-01 is open since then: at the
    ends, the end itself is the day that serves.
    """
    return Date.fromordinal(min(max(ordinal, _FIRST_ORDINAL), _LAST_ORDINAL))


# ------------------------------------------------------------------------------------------------------------
# Elections
# ------------------------------------------------------------------------------------------------------------


class ElectionKind(enum.Enum):
    """Which council an election chooses."""

    MUNICIPAL = "municipal"
    """Gemeenteraadsverkiezingen."""
    PROVINCIAL = "provincial"
    """Provinciale Statenverkiezingen (held together with the waterschappen)."""


# Elections are held once every four years (FACTS.md §5: "Cycle: gemeenteraad elections are held once every
# four years"; PS members "are elected every four years").
_CYCLE_YEARS: Final = 4

PROJECTED_SOURCE: Final = "projected: Wednesday from 15 to 21 March, every four years"
"""The `Election.source` of a projected date (every election date on record fits this rule)."""

# FACTS.md §5, "Gemeenteraad" table: date and source per known election.
_MUNICIPAL_SOURCES: Final[Mapping[Date, str]] = {
    Date(2014, 3, 19): "https://www.venray.nl/verkiezingen-en-referendum",
    Date(2018, 3, 21): "https://www.venray.nl/verkiezingen-en-referendum",
    Date(2022, 3, 16): (
        "https://www.opkomstenuitslag.nl ; "
        "https://www.borne.nl/bestuur/verkiezingen-en-stemmen/gemeenteraads-verkiezing"
    ),
    Date(2026, 3, 18): (
        "https://www.dinkelland.nl/veel-gestelde-vragen-verkiezingen ; "
        "https://www.deventer.nl/bestuur-en-organisatie/verkiezingen/gemeenteraadsverkiezingen-2026/kalender"
    ),
}

# FACTS.md §5, "Provinciale Staten" table: date and source per known election.
_PROVINCIAL_SOURCES: Final[Mapping[Date, str]] = {
    Date(2019, 3, 20): (
        "https://noordholland.vvd.nl/gemeenten/322/"
        "20-maart-2019-vinden-de-verkiezingen-plaats-voor-de-provinciale-staten-en-de-waterschappen"
    ),
    Date(2023, 3, 15): (
        "https://www.goes.nl/verkiezingen-provinciale-staten-en-waterschappen-2023 ; "
        "https://verkiezingen.nuenen.nl/alles-over-stemmen"
    ),
}

_KNOWN_SOURCES: Final[Mapping[ElectionKind, Mapping[Date, str]]] = {
    ElectionKind.MUNICIPAL: _MUNICIPAL_SOURCES,
    ElectionKind.PROVINCIAL: _PROVINCIAL_SOURCES,
}


def _march_wednesday(year: int) -> Date:
    """Return the Wednesday from 15 to 21 March of `year`, the rule by which later elections are projected."""
    fifteenth = Date(year, 3, 15)
    return fifteenth.add(days=(2 - fifteenth.weekday()) % 7)


@attrs.frozen(kw_only=True)
class Election:
    """One election day.

    Attributes:
        kind: Municipal or provincial.
        date: The voting day.
        projected: True when the date is not on record but follows from the four-year cycle.
        source: Where the date comes from: the public page it was read from for a known date, `PROJECTED_SOURCE` for a
            projected one, or a note naming the configuration it came from.
    """

    kind: ElectionKind
    date: Date = attrs.field(converter=_as_date)
    projected: bool
    source: str


def _window_order(instance: ElectionWindow, attribute: attrs.Attribute[Date], value: Date) -> None:
    """Refuse a window that ends before it starts."""
    del attribute
    if value.toordinal() < instance.start.toordinal():
        raise ConfigError.of("config_window_order", end=value.isoformat(), start=instance.start.isoformat())


@attrs.frozen(kw_only=True)
class ElectionWindow:
    """The period around an election in which decisions are best avoided (rule PA208).

    Attributes:
        election: The election the window surrounds.
        start: The first day of the window (included).
        end: The last day of the window (included); never before `start`.
    """

    election: Election
    start: Date = attrs.field(converter=_as_date)
    end: Date = attrs.field(converter=_as_date, validator=_window_order)

    def contains(self, day: dt.date) -> bool:
        """Tell whether `day` lies in the window, both ends included.

        Args:
            day: Any date.

        Returns:
            True when ``start <= day <= end``.
        """
        ordinal = day.toordinal()
        return self.start.toordinal() <= ordinal <= self.end.toordinal()


def _date_tuple(values: Iterable[dt.date]) -> tuple[Date, ...]:
    """Return `values` as sorted, distinct `pendulum.Date`s."""
    return tuple(sorted({_as_date(value) for value in values}))


def _per_municipality(values: Mapping[str, Iterable[dt.date]]) -> dict[str, tuple[Date, ...]]:
    """Return a fresh dict of each municipality's sorted, distinct election dates."""
    return {key: _date_tuple(dates) for key, dates in values.items()}


def _non_negative_weeks(instance: ElectionCalendar, attribute: attrs.Attribute[int], value: int) -> None:
    """Refuse a number of weeks that is not a non-negative integer."""
    del instance
    if type(value) is not int or value < 0:
        raise ConfigError.of("config_weeks", name=attribute.name, got=value)


@attrs.frozen(kw_only=True)
class ElectionCalendar:
    """Election dates and the window around each municipal election; configure with `attrs.evolve`.

    ``attrs.evolve(DEFAULT_CALENDAR, weeks_before=8)`` widens the window; ``per_municipality`` records the
    dates of a municipality that votes outside the regular round (herindeling).

    Attributes:
        municipal_dates: Municipal elections on record; after the last one, elections are projected every
            four years on the Wednesday from 15 to 21 March. Default: 2014, 2018, 2022 and 2026, each with its source.
        provincial_dates: Provincial elections on record, projected the same way. Default: 2019 and 2023, each
            with its source.
        weeks_before: Weeks before a municipal election at which its window opens. Default 6 (rule PA208;
            handbook, "Houd oog voor de politieke context van gemeenten").
        weeks_after: Weeks after a municipal election at which its window closes. Default 13 (rule PA208).
        per_municipality: A municipality key (CBS code such as ``"GM0363"``, or the area or party id used in
            the agreement) mapped to its own municipal election dates. For that municipality these dates
            replace the regular and projected ones entirely, so list every election it holds (for Maashorst:
            2021-11-24 and 2026-03-18). Default: none (a municipality in a herindeling votes on its own date).
    """

    municipal_dates: tuple[Date, ...] = attrs.field(default=tuple(_MUNICIPAL_SOURCES), converter=_date_tuple)
    provincial_dates: tuple[Date, ...] = attrs.field(default=tuple(_PROVINCIAL_SOURCES), converter=_date_tuple)
    weeks_before: int = attrs.field(default=6, validator=_non_negative_weeks)
    weeks_after: int = attrs.field(default=13, validator=_non_negative_weeks)
    per_municipality: Mapping[str, tuple[Date, ...]] = attrs.field(
        factory=dict, converter=_per_municipality, hash=False
    )

    def municipal_elections(
        self, first_year: int, last_year: int, *, municipality: str | None = None
    ) -> tuple[Election, ...]:
        """Return the municipal elections dated in `first_year`..`last_year`, in date order.

        Args:
            first_year: The first calendar year to include.
            last_year: The last calendar year to include.
            municipality: A key of `per_municipality`; when it has its own dates, those replace the regular
                ones (and none are projected). An unknown key gets the regular elections.

        Returns:
            The known elections, then the projected ones (``projected=True``).
        """
        own = self.per_municipality.get(municipality) if municipality is not None else None
        if own is not None:
            source = f"configured: ElectionCalendar.per_municipality[{municipality!r}]"
            return tuple(
                Election(kind=ElectionKind.MUNICIPAL, date=day, projected=False, source=source)
                for day in own
                if first_year <= day.year <= last_year
            )
        return _elections(ElectionKind.MUNICIPAL, self.municipal_dates, first_year, last_year)

    def provincial_elections(self, first_year: int, last_year: int) -> tuple[Election, ...]:
        """Return the provincial elections dated in `first_year`..`last_year`, in date order.

        Args:
            first_year: The first calendar year to include.
            last_year: The last calendar year to include.

        Returns:
            The known elections, then the projected ones (``projected=True``).
        """
        return _elections(ElectionKind.PROVINCIAL, self.provincial_dates, first_year, last_year)

    def windows(
        self, first_year: int, last_year: int, *, municipality: str | None = None
    ) -> tuple[ElectionWindow, ...]:
        """Return the window [E − weeks_before, E + weeks_after] around each municipal election E.

        With the defaults the 2022 window runs from 2022-02-02 to 2022-06-15.

        Args:
            first_year: The first year in which an election may fall.
            last_year: The last year in which an election may fall.
            municipality: As for `municipal_elections`.

        Returns:
            One window per election dated in those years, in date order.
        """
        before = 7 * self.weeks_before
        after = 7 * self.weeks_after
        return tuple(
            ElectionWindow(
                election=election,
                start=_from_ordinal(election.date.toordinal() - before),
                end=_from_ordinal(election.date.toordinal() + after),
            )
            for election in self.municipal_elections(first_year, last_year, municipality=municipality)
        )

    def window_containing(self, day: dt.date, *, municipality: str | None = None) -> ElectionWindow | None:
        """Return the election window that contains `day`, if any.

        Args:
            day: Any date.
            municipality: As for `municipal_elections`.

        Returns:
            The window of the earliest election whose window contains `day` (windows only overlap when the
            weeks are configured very wide), or None.
        """
        ordinal = day.toordinal()
        first_year = _from_ordinal(ordinal - 7 * self.weeks_after).year
        last_year = _from_ordinal(ordinal + 7 * self.weeks_before).year
        for window in self.windows(first_year, last_year, municipality=municipality):
            if window.contains(day):
                return window
        return None


def _elections(kind: ElectionKind, known: tuple[Date, ...], first_year: int, last_year: int) -> tuple[Election, ...]:
    """Return the known and projected elections of `kind` dated in `first_year`..`last_year`."""
    sources = _KNOWN_SOURCES[kind]
    result = [
        Election(
            kind=kind,
            date=day,
            projected=False,
            source=sources.get(day, f"configured: ElectionCalendar.{kind.value}_dates"),
        )
        for day in known
        if first_year <= day.year <= last_year
    ]
    if known:
        year = known[-1].year + _CYCLE_YEARS
        if year < first_year:
            year += -(-(first_year - year) // _CYCLE_YEARS) * _CYCLE_YEARS
        result.extend(
            Election(kind=kind, date=_march_wednesday(projected_year), projected=True, source=PROJECTED_SOURCE)
            for projected_year in range(year, last_year + 1, _CYCLE_YEARS)
        )
    return tuple(result)


DEFAULT_CALENDAR: Final = ElectionCalendar()
"""The default calendar: the elections on record, a window of 6 weeks before to 13 weeks after."""


def default_calendar() -> ElectionCalendar:
    """Return `DEFAULT_CALENDAR`, the shared immutable default; derive others with `attrs.evolve`."""
    return DEFAULT_CALENDAR


# ------------------------------------------------------------------------------------------------------------
# The statutory cycle for local agreements
# ------------------------------------------------------------------------------------------------------------


def bid_deadline(year: int) -> Date:
    """Return the last day for a corporation's bid (bod) for `year`: 1 July of the year before.

    Source: Woningwet art. 43-44 and the BTIV, as the ministerial letter Kamerstuk 29 453 nr. 561 reports them:
    the overview must be with the gemeente and the tenants by 1 July; rule PA401. The deadline day itself is on time.

    Args:
        year: The year Y the bid is for.

    Returns:
        1 July of Y − 1.
    """
    return Date(year - 1, 7, 1)


def signing_deadline(year: int, *, month: int = 12, day: int = 15) -> Date:
    """Return the last day to sign the agreements for `year`: 15 December of the year before by default.

    Source: local practice, "voor 15 december" (default); the ministerial letter Kamerstuk 29 453 nr. 561 says
    1 December (pass ``day=1``); rule PA403. The deadline day itself is on time.

    Args:
        year: The year Y the agreements are for.
        month: Month of the deadline in Y − 1.
        day: Day of the deadline in Y − 1.

    Returns:
        `day` `month` of Y − 1.
    """
    return Date(year - 1, month, day)


def add_months(day: dt.date, months: int) -> Date:
    """Add calendar months, clamping the day to the end of the month (2021-08-31 + 6 months = 2022-02-28).

    Args:
        day: The start date.
        months: Months to add; may be negative.

    Returns:
        The same day of the month `months` later, or the last day of that month when it is shorter; held at
        0001-01-01 or 9999-12-31 when that month is outside the calendar.
    """
    month = day.year * 12 + day.month - 1 + months
    if month < dt.MINYEAR * 12:
        return _from_ordinal(_FIRST_ORDINAL)
    if month > dt.MAXYEAR * 12 + 11:
        return _from_ordinal(_LAST_ORDINAL)
    return _as_date(day).add(months=months)


def process_deadline(start: dt.date, months: int = 6) -> Date:
    """Return the last day on which a signing is on time: the process start plus six calendar months.

    Source: Woningwet art. 44 lid 4 and the handbook's "maximaal een half jaar": a signing on this day is on
    time, a later one is late (PA111, PA404).

    Args:
        start: The process start.
        months: The length of the process in calendar months.

    Returns:
        `add_months(start, months)`.
    """
    return add_months(start, months)


def dispute_period(start: dt.date, *, months: int = 6, weeks: int = 4) -> tuple[Date, Date]:
    """Return when a dispute arises and the last day to submit it to the Minister.

    Source: Woningwet art. 44 lid 4: without agreement six months after the start of the talks
    the dispute may be submitted, "within four weeks" of it arising; rule PA404.

    Args:
        start: The process start.
        months: Calendar months until the dispute arises.
        weeks: Weeks allowed for the submission.

    Returns:
        ``(arises_on, submit_by)``: start + `months` months, and that day + `weeks` weeks.
    """
    arises_on = add_months(start, months)
    return arises_on, _from_ordinal(arises_on.toordinal() + 7 * weeks)


# ------------------------------------------------------------------------------------------------------------
# Dutch working days
# ------------------------------------------------------------------------------------------------------------


_SATURDAY: Final = 5
"""`date.weekday()` of Saturday: Monday to Friday are below it."""


@functools.cache
def _weekday_holidays(year: int) -> frozenset[int]:
    """Return the ordinals of the Dutch public holidays of `year` that fall on Monday to Friday.

    The holidays package is imported here, on first use, because it adds about 100 ms to start-up.
    """
    import holidays  # noqa: PLC0415 - deferred: costly import, only needed by working-day arithmetic

    return frozenset(
        day.toordinal() for day in holidays.country_holidays("NL", years=year) if day.weekday() < _SATURDAY
    )


def is_working_day(day: dt.date) -> bool:
    """Tell whether `day` is a Dutch working day (weekends and public holidays are off).

    What counts as a holiday is the ``public`` category of the maintained ``holidays`` package for "NL":
    Nieuwjaarsdag, Goede Vrijdag, Eerste en Tweede Paasdag, Koningsdag (27 April, or 26 April when the 27th is
    a Sunday), Bevrijdingsdag only in lustrum years (2020, 2025, 2030, ...), Hemelvaartsdag, Eerste en Tweede
    Pinksterdag, Eerste en Tweede Kerstdag. Holiday sets are computed once per year and cached.

    Args:
        day: Any date.

    Returns:
        False on Saturday, Sunday and those holidays; True otherwise.
    """
    return day.weekday() < _SATURDAY and day.toordinal() not in _weekday_holidays(day.year)


class CalendarRangeError(PrestatieafsprakenError, ValueError):
    """Working-day arithmetic would leave the calendar: a day before 0001-01-01 or after 9999-12-31."""


def _step_to_working_day(ordinal: int, step: int) -> int:
    """Return the first working-day ordinal from `ordinal` on, moving by `step` (+1 or -1).

    Raises:
        CalendarRangeError: There is no such working day between 0001-01-01 and 9999-12-31.
    """
    while _FIRST_ORDINAL <= ordinal <= _LAST_ORDINAL:
        if is_working_day(dt.date.fromordinal(ordinal)):
            return ordinal
        ordinal += step
    where = "before 0001-01-01" if step < 0 else "after 9999-12-31"
    raise CalendarRangeError(f"the working day would fall {where}, outside the calendar")


def previous_working_day(day: dt.date) -> Date:
    """Return `day` if it is a working day, else the nearest earlier working day."""
    return Date.fromordinal(_step_to_working_day(day.toordinal(), -1))


def next_working_day(day: dt.date) -> Date:
    """Return `day` if it is a working day, else the nearest later working day."""
    return Date.fromordinal(_step_to_working_day(day.toordinal(), 1))


def add_working_days(day: dt.date, n: int) -> Date:
    """Return the `n`-th working day after `day` (before it when `n` is negative).

    Args:
        day: The date to count from; it need not be a working day and is not counted itself.
        n: Working days to move; 0 returns `day` unchanged.

    Returns:
        A working day, unless `n` is 0.
    """
    ordinal = day.toordinal()
    step = 1 if n > 0 else -1
    for _ in range(abs(n)):
        ordinal = _step_to_working_day(ordinal + step, step)
    return Date.fromordinal(ordinal)


def subtract_working_days(day: dt.date, n: int) -> Date:
    """Return the `n`-th working day before `day`, for backward planning from a signing date.

    ``working_days_between(subtract_working_days(day, n), day) == n`` for every `n` ≥ 0.

    Args:
        day: The date to count back from; it need not be a working day and is not counted itself.
        n: Working days to move back; 0 returns `day` unchanged.

    Returns:
        A working day, unless `n` is 0.
    """
    return add_working_days(day, -n)


def _weekdays_before(ordinal: int) -> int:
    """Return the number of Mondays to Fridays with an ordinal below `ordinal` (ordinal 1 is a Monday)."""
    full_weeks, rest = divmod(ordinal - 1, 7)
    return 5 * full_weeks + min(rest, 5)


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Count the working days from `start` (included) to `end` (excluded).

    Computed from week arithmetic and the holidays of the years involved, not day by day.

    Args:
        start: The first day counted.
        end: The day after the last day counted.

    Returns:
        The count; negative (minus the count from `end` to `start`) when `end` is before `start`.
    """
    if end.toordinal() < start.toordinal():
        return -working_days_between(end, start)
    low, high = start.toordinal(), end.toordinal()
    count = _weekdays_before(high) - _weekdays_before(low)
    for year in range(start.year, end.year + 1):
        count -= sum(1 for ordinal in _weekday_holidays(year) if low <= ordinal < high)
    return count
