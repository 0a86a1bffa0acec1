"""Tests of `prestatieafspraken.calendar`: elections, windows, the statutory cycle and working days."""

from __future__ import annotations

import calendar as stdlib_calendar
import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pendulum import Date

from prestatieafspraken.calendar import (
    DEFAULT_CALENDAR,
    PROJECTED_SOURCE,
    CalendarRangeError,
    Election,
    ElectionCalendar,
    ElectionKind,
    ElectionWindow,
    add_months,
    add_working_days,
    bid_deadline,
    default_calendar,
    dispute_period,
    is_working_day,
    next_working_day,
    previous_working_day,
    process_deadline,
    signing_deadline,
    subtract_working_days,
    working_days_between,
)
from prestatieafspraken.errors import ConfigError

MAASHORST = "GM1991"
HERINDELING = attrs.evolve(
    DEFAULT_CALENDAR,
    per_municipality={MAASHORST: (dt.date(2021, 11, 24), dt.date(2026, 3, 18))},
)

DAYS = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))


def brute_force_working_days(start: dt.date, end: dt.date) -> int:
    """Count working days in [start, end) one day at a time."""
    return sum(is_working_day(dt.date.fromordinal(ordinal)) for ordinal in range(start.toordinal(), end.toordinal()))


class TestElections:
    """Known and projected election dates."""

    @pytest.mark.parametrize(
        ("year", "expected"),
        [
            (2014, Date(2014, 3, 19)),
            (2018, Date(2018, 3, 21)),
            (2022, Date(2022, 3, 16)),
            (2026, Date(2026, 3, 18)),
        ],
    )
    def test_known_municipal_dates(self, year: int, expected: Date) -> None:
        """Each municipal election on record is returned, not projected, with a FACTS.md source URL."""
        (election,) = DEFAULT_CALENDAR.municipal_elections(year, year)
        assert election.date == expected
        assert election.kind is ElectionKind.MUNICIPAL
        assert election.projected is False
        assert election.source.startswith("https://")

    @pytest.mark.parametrize(
        ("year", "expected"),
        [(2030, Date(2030, 3, 20)), (2034, Date(2034, 3, 15)), (2038, Date(2038, 3, 17))],
    )
    def test_projected_municipal_dates(self, year: int, expected: Date) -> None:
        """After 2026 municipal elections are projected four-yearly on the Wednesday from 15 to 21 March."""
        (election,) = DEFAULT_CALENDAR.municipal_elections(year, year)
        assert election.date == expected
        assert election.projected is True
        assert election.source == PROJECTED_SOURCE

    @pytest.mark.parametrize(
        ("year", "expected", "projected"),
        [
            (2019, Date(2019, 3, 20), False),
            (2023, Date(2023, 3, 15), False),
            (2027, Date(2027, 3, 17), True),
            (2031, Date(2031, 3, 19), True),
        ],
    )
    def test_provincial_dates(self, year: int, expected: Date, *, projected: bool) -> None:
        """Provincial elections are the known 2019 and 2023 dates, then projected every four years."""
        (election,) = DEFAULT_CALENDAR.provincial_elections(year, year)
        assert (election.kind, election.date, election.projected) == (
            ElectionKind.PROVINCIAL,
            expected,
            projected,
        )

    def test_range_lists_every_election_in_order(self) -> None:
        """A year range lists the known and then the projected municipal elections, in date order."""
        dates = [election.date for election in DEFAULT_CALENDAR.municipal_elections(2010, 2035)]
        assert dates == [
            Date(2014, 3, 19),
            Date(2018, 3, 21),
            Date(2022, 3, 16),
            Date(2026, 3, 18),
            Date(2030, 3, 20),
            Date(2034, 3, 15),
        ]

    @pytest.mark.parametrize(("first", "last"), [(2015, 2017), (2027, 2029), (2031, 2030)])
    def test_years_without_elections(self, first: int, last: int) -> None:
        """Years without a municipal election, or an empty range, give no elections."""
        assert DEFAULT_CALENDAR.municipal_elections(first, last) == ()

    def test_far_future_projection(self) -> None:
        """A projection far ahead stays on the four-year cycle from the last known date."""
        (election,) = DEFAULT_CALENDAR.municipal_elections(2098, 2100)
        assert election.date == Date(2098, 3, 19)
        assert DEFAULT_CALENDAR.municipal_elections(2099, 2101) == ()

    def test_herindeling_dates_replace_regular_ones(self) -> None:
        """A municipality with its own dates gets only those, unprojected, and no March 2022 election."""
        elections = HERINDELING.municipal_elections(2020, 2031, municipality=MAASHORST)
        assert [election.date for election in elections] == [Date(2021, 11, 24), Date(2026, 3, 18)]
        assert not any(election.projected for election in elections)
        assert MAASHORST in elections[0].source

    def test_other_municipality_keeps_regular_dates(self) -> None:
        """A municipality without its own dates gets the regular elections."""
        elections = HERINDELING.municipal_elections(2022, 2022, municipality="GM0363")
        assert [election.date for election in elections] == [Date(2022, 3, 16)]

    def test_configured_dates_project_from_the_last_one(self) -> None:
        """A calendar built with other known dates projects from its own last date and names its source."""
        calendar = ElectionCalendar(municipal_dates=[dt.date(2030, 3, 20)])
        elections = calendar.municipal_elections(2026, 2034)
        assert [(e.date, e.projected) for e in elections] == [
            (Date(2030, 3, 20), False),
            (Date(2034, 3, 15), True),
        ]
        assert elections[0].source == "configured: ElectionCalendar.municipal_dates"

    def test_no_known_dates_means_no_elections(self) -> None:
        """A calendar with no municipal dates projects nothing."""
        assert ElectionCalendar(municipal_dates=()).municipal_elections(2000, 2100) == ()

    def test_election_date_becomes_pendulum_date(self) -> None:
        """An election built from a stdlib date stores a pendulum Date."""
        election = Election(kind=ElectionKind.MUNICIPAL, date=dt.date(2022, 3, 16), projected=False, source="x")
        assert type(election.date) is Date


class TestElectionCalendar:
    """Construction, configuration and equality of the calendar."""

    def test_default_calendar_is_the_default(self) -> None:
        """`default_calendar()` returns the calendar with the DESIGN.md §6 defaults."""
        calendar = default_calendar()
        assert calendar == ElectionCalendar()
        assert (calendar.weeks_before, calendar.weeks_after) == (6, 13)
        assert calendar.per_municipality == {}

    def test_dates_are_sorted_and_distinct(self) -> None:
        """Configured dates are stored sorted, without duplicates, as pendulum Dates."""
        calendar = ElectionCalendar(provincial_dates=[dt.date(2023, 3, 15), Date(2019, 3, 20), dt.date(2023, 3, 15)])
        assert calendar.provincial_dates == (Date(2019, 3, 20), Date(2023, 3, 15))
        assert all(type(day) is Date for day in calendar.provincial_dates)

    def test_per_municipality_is_copied(self) -> None:
        """Changing the mapping passed in does not change the calendar."""
        source = {"GM0001": [dt.date(2021, 11, 24)]}
        calendar = ElectionCalendar(per_municipality=source)
        source["GM0002"] = []
        assert dict(calendar.per_municipality) == {"GM0001": (Date(2021, 11, 24),)}

    def test_calendar_with_mapping_is_hashable(self) -> None:
        """A calendar with per-municipality dates can be hashed and compares by value."""
        twin = attrs.evolve(HERINDELING)
        assert hash(twin) == hash(HERINDELING)
        assert twin == HERINDELING
        assert twin != DEFAULT_CALENDAR

    @pytest.mark.parametrize("field", ["weeks_before", "weeks_after"])
    @pytest.mark.parametrize("value", [-1, 1.5, True])
    def test_weeks_must_be_non_negative_integers(self, field: str, value: Any) -> None:
        """A negative or non-integer number of weeks is refused with a ConfigError."""
        with pytest.raises(ConfigError, match=f"ElectionCalendar.{field} must be a whole number of weeks"):
            attrs.evolve(DEFAULT_CALENDAR, **{field: value})


class TestWindows:
    """The election window [E − 6 weeks, E + 13 weeks] around municipal elections."""

    def test_2022_window(self) -> None:
        """With the defaults the 2022 window runs from 2022-02-02 to 2022-06-15."""
        (window,) = DEFAULT_CALENDAR.windows(2022, 2022)
        assert (window.start, window.end) == (Date(2022, 2, 2), Date(2022, 6, 15))
        assert window.election.date == Date(2022, 3, 16)

    @pytest.mark.parametrize(
        ("day", "inside"),
        [
            (dt.date(2022, 2, 1), False),
            (dt.date(2022, 2, 2), True),
            (dt.date(2022, 3, 16), True),
            (dt.date(2022, 6, 15), True),
            (dt.date(2022, 6, 16), False),
        ],
    )
    def test_2022_window_edges(self, day: dt.date, *, inside: bool) -> None:
        """Both ends of the 2022 window are inside it and the days beyond them are outside."""
        (window,) = DEFAULT_CALENDAR.windows(2022, 2022)
        assert window.contains(day) is inside
        found = DEFAULT_CALENDAR.window_containing(day)
        assert (found == window) is inside
        assert (found is None) is not inside

    def test_wider_window_by_evolve(self) -> None:
        """Evolving the calendar with weeks_before=8 opens the 2022 window on 2022-01-19."""
        calendar = attrs.evolve(DEFAULT_CALENDAR, weeks_before=8)
        (window,) = calendar.windows(2022, 2022)
        assert window.start == Date(2022, 1, 19)
        assert calendar.window_containing(dt.date(2022, 1, 19)) == window

    def test_herindeling_window(self) -> None:
        """A municipality that voted on 2021-11-24 gets that window and none in March 2022."""
        windows = HERINDELING.windows(2021, 2022, municipality=MAASHORST)
        assert [(w.start, w.end) for w in windows] == [(Date(2021, 10, 13), Date(2022, 2, 23))]
        assert HERINDELING.window_containing(dt.date(2022, 3, 16), municipality=MAASHORST) is None

    def test_herindeling_window_found_across_new_year(self) -> None:
        """A day in January lies in the window of the previous November's herindeling election."""
        window = HERINDELING.window_containing(dt.date(2022, 1, 10), municipality=MAASHORST)
        assert window is not None
        assert window.election.date == Date(2021, 11, 24)

    def test_window_containing_projected_election(self) -> None:
        """A day just after the projected 2030 election lies in its window, which is marked projected."""
        window = DEFAULT_CALENDAR.window_containing(dt.date(2030, 4, 1))
        assert window is not None
        assert window.election.date == Date(2030, 3, 20)
        assert window.election.projected is True

    def test_window_cannot_end_before_it_starts(self) -> None:
        """A window whose end is before its start is refused."""
        (election,) = DEFAULT_CALENDAR.municipal_elections(2022, 2022)
        with pytest.raises(ConfigError, match="cannot end"):
            ElectionWindow(election=election, start=Date(2022, 3, 16), end=Date(2022, 3, 15))


class TestStatutoryCycle:
    """The Woningwet cycle: bid, signing, six months and the dispute period."""

    @pytest.mark.parametrize(("year", "expected"), [(2025, Date(2024, 7, 1)), (2000, Date(1999, 7, 1))])
    def test_bid_deadline(self, year: int, expected: Date) -> None:
        """The bid for year Y is due on 1 July of Y − 1."""
        assert bid_deadline(year) == expected

    @pytest.mark.parametrize(
        ("kwargs", "expected"),
        [
            ({}, Date(2024, 12, 15)),
            ({"day": 1}, Date(2024, 12, 1)),
            ({"month": 11, "day": 30}, Date(2024, 11, 30)),
        ],
    )
    def test_signing_deadline(self, kwargs: dict[str, int], expected: Date) -> None:
        """The signing for year Y is due on 15 December of Y − 1, or on the configured day."""
        assert signing_deadline(2025, **kwargs) == expected

    @pytest.mark.parametrize(
        ("day", "months", "expected"),
        [
            (dt.date(2021, 8, 31), 6, Date(2022, 2, 28)),
            (dt.date(2023, 8, 31), 6, Date(2024, 2, 29)),
            (dt.date(2024, 2, 29), 12, Date(2025, 2, 28)),
            (dt.date(2022, 1, 15), 6, Date(2022, 7, 15)),
            (dt.date(2022, 3, 31), -1, Date(2022, 2, 28)),
            (dt.date(2022, 3, 31), 0, Date(2022, 3, 31)),
        ],
    )
    def test_add_months(self, day: dt.date, months: int, expected: Date) -> None:
        """Adding months keeps the day of the month, clamped to the end of a shorter month."""
        result = add_months(day, months)
        assert result == expected
        assert type(result) is Date

    def test_process_deadline(self) -> None:
        """The process deadline is six calendar months after the start, clamped."""
        assert process_deadline(dt.date(2021, 8, 31)) == Date(2022, 2, 28)
        assert process_deadline(dt.date(2021, 8, 31), months=3) == Date(2021, 11, 30)

    def test_dispute_period(self) -> None:
        """A dispute arises six months after the start and must be submitted within four weeks."""
        assert dispute_period(dt.date(2024, 1, 15)) == (Date(2024, 7, 15), Date(2024, 8, 12))
        assert dispute_period(dt.date(2024, 1, 15), months=3, weeks=2) == (
            Date(2024, 4, 15),
            Date(2024, 4, 29),
        )


class TestWorkingDays:
    """Dutch working days: no weekend, no public holiday."""

    @pytest.mark.parametrize(
        ("day", "expected"),
        [
            (dt.date(2024, 4, 26), True),  # Friday before Koningsdag 2024
            (dt.date(2024, 4, 27), False),  # Koningsdag 2024 is a Saturday anyway
            (dt.date(2024, 4, 29), True),  # the Monday after it
            (dt.date(2023, 4, 27), False),  # Koningsdag 2023, a Thursday
            (dt.date(2023, 4, 28), True),
            (dt.date(2023, 12, 25), False),  # Eerste Kerstdag, a Monday
            (dt.date(2023, 12, 26), False),  # Tweede Kerstdag, a Tuesday
            (dt.date(2023, 12, 27), True),
            (dt.date(2024, 1, 1), False),  # Nieuwjaarsdag
            (dt.date(2024, 4, 1), False),  # Tweede Paasdag
            (dt.date(2024, 5, 9), False),  # Hemelvaartsdag
            (dt.date(2024, 5, 20), False),  # Tweede Pinksterdag
            (dt.date(2025, 5, 5), False),  # Bevrijdingsdag in a lustrum year
            (dt.date(2026, 5, 5), True),  # Bevrijdingsdag outside a lustrum year
            (dt.date(2024, 6, 8), False),  # an ordinary Saturday
            (dt.date(2024, 6, 9), False),  # an ordinary Sunday
            (dt.date(2024, 6, 10), True),  # an ordinary Monday
        ],
    )
    def test_is_working_day(self, day: dt.date, *, expected: bool) -> None:
        """Weekends and the Dutch public holidays are not working days; other days are."""
        assert is_working_day(day) is expected

    def test_accepts_datetime_and_pendulum(self) -> None:
        """A datetime or a pendulum Date is judged by its calendar day."""
        assert is_working_day(dt.datetime(2023, 4, 27, 9, 30, tzinfo=dt.UTC)) is False
        assert is_working_day(Date(2023, 4, 28)) is True

    @pytest.mark.parametrize(
        ("day", "previous", "following"),
        [
            (dt.date(2023, 12, 27), Date(2023, 12, 27), Date(2023, 12, 27)),
            (dt.date(2023, 12, 25), Date(2023, 12, 22), Date(2023, 12, 27)),
            (dt.date(2024, 3, 31), Date(2024, 3, 28), Date(2024, 4, 2)),  # Easter weekend
            (dt.date(2024, 6, 9), Date(2024, 6, 7), Date(2024, 6, 10)),
        ],
    )
    def test_previous_and_next(self, day: dt.date, previous: Date, following: Date) -> None:
        """A working day is its own neighbour; otherwise the nearest working day on each side is returned."""
        assert previous_working_day(day) == previous
        assert next_working_day(day) == following
        assert type(previous_working_day(day)) is Date

    @pytest.mark.parametrize(
        ("day", "n", "expected"),
        [
            (dt.date(2024, 6, 10), 1, Date(2024, 6, 7)),  # Monday back to Friday
            (dt.date(2024, 6, 10), 0, Date(2024, 6, 10)),
            (dt.date(2024, 4, 3), 3, Date(2024, 3, 27)),  # across Good Friday and Easter Monday
            (dt.date(2024, 1, 2), 2, Date(2023, 12, 28)),  # across Christmas and New Year
            (dt.date(2024, 6, 9), 1, Date(2024, 6, 7)),  # from a Sunday
            (dt.date(2024, 6, 7), -1, Date(2024, 6, 10)),  # negative counts forward
        ],
    )
    def test_subtract_working_days(self, day: dt.date, n: int, expected: Date) -> None:
        """Subtracting n working days skips weekends and holidays and does not count the start day."""
        assert subtract_working_days(day, n) == expected

    @pytest.mark.parametrize(
        ("day", "n", "expected"),
        [
            (dt.date(2024, 6, 7), 1, Date(2024, 6, 10)),
            (dt.date(2023, 12, 22), 2, Date(2023, 12, 28)),
            (dt.date(2024, 6, 10), -1, Date(2024, 6, 7)),
            (dt.date(2024, 6, 8), 0, Date(2024, 6, 8)),
        ],
    )
    def test_add_working_days(self, day: dt.date, n: int, expected: Date) -> None:
        """Adding n working days skips weekends and holidays and does not count the start day."""
        assert add_working_days(day, n) == expected

    @pytest.mark.parametrize(
        ("start", "end", "expected"),
        [
            (dt.date(2024, 1, 1), dt.date(2025, 1, 1), 255),  # 262 weekdays, 7 weekday holidays
            (dt.date(2024, 6, 10), dt.date(2024, 6, 10), 0),
            (dt.date(2024, 6, 10), dt.date(2024, 6, 11), 1),
            (dt.date(2024, 6, 8), dt.date(2024, 6, 10), 0),
            (dt.date(2023, 12, 22), dt.date(2024, 1, 3), 5),
            (dt.date(2024, 6, 11), dt.date(2024, 6, 10), -1),
        ],
    )
    def test_working_days_between(self, start: dt.date, end: dt.date, expected: int) -> None:
        """Working days count from the start (included) to the end (excluded), negative when reversed."""
        assert working_days_between(start, end) == expected


class TestCalendarEnds:
    """Working-day arithmetic at 0001-01-01 and 9999-12-31 refuses to leave the calendar, with a clear error."""

    @pytest.mark.parametrize(
        ("call", "message"),
        [
            (lambda: subtract_working_days(dt.date(1, 1, 2), 5), "would fall before 0001-01-01"),
            (lambda: add_working_days(dt.date(9999, 12, 30), 5), "would fall after 9999-12-31"),
            (lambda: subtract_working_days(dt.date(1, 1, 1), 1), "would fall before 0001-01-01"),
        ],
    )
    def test_leaving_the_calendar(self, call: Any, message: str) -> None:
        """Counting working days past either end raises `CalendarRangeError`, a ValueError, not a raw one."""
        with pytest.raises(CalendarRangeError, match=message) as raised:
            call()
        assert isinstance(raised.value, ValueError)

    def test_the_ends_themselves(self) -> None:
        """Inside the calendar the arithmetic works up to its first and last working days."""
        assert add_working_days(dt.date(9999, 12, 29), 2) == Date(9999, 12, 31)
        assert next_working_day(dt.date(9999, 12, 31)) == Date(9999, 12, 31)


class TestProperties:
    """Laws of the calendar arithmetic over generated dates."""

    @settings(deadline=None)
    @given(day=DAYS)
    def test_previous_working_day_is_a_working_day_on_or_before(self, day: dt.date) -> None:
        """previous_working_day(d) is a working day, not after d, with no working day in between."""
        result = previous_working_day(day)
        assert is_working_day(result)
        assert result.toordinal() <= day.toordinal()
        assert brute_force_working_days(result, day + dt.timedelta(days=1)) == 1

    @settings(deadline=None)
    @given(day=DAYS)
    def test_next_working_day_is_a_working_day_on_or_after(self, day: dt.date) -> None:
        """next_working_day(d) is a working day, not before d, with no working day in between."""
        result = next_working_day(day)
        assert is_working_day(result)
        assert result.toordinal() >= day.toordinal()
        assert brute_force_working_days(day, result) == 0

    @settings(deadline=None)
    @given(day=DAYS, n=st.integers(min_value=1, max_value=60))
    def test_subtract_working_days_is_n_working_days_before(self, day: dt.date, n: int) -> None:
        """subtract_working_days(d, n) is a working day before d with exactly n working days from it to d."""
        result = subtract_working_days(day, n)
        assert is_working_day(result)
        assert result.toordinal() < day.toordinal()
        assert brute_force_working_days(result, day) == n
        assert working_days_between(result, day) == n

    @settings(deadline=None)
    @given(day=DAYS, n=st.integers(min_value=0, max_value=60))
    def test_add_then_subtract_returns_to_a_working_day(self, day: dt.date, n: int) -> None:
        """Adding then subtracting n working days from a working day gives that day back."""
        start = next_working_day(day)
        assert subtract_working_days(add_working_days(start, n), n) == start

    @settings(deadline=None)
    @given(start=DAYS, span=st.integers(min_value=-800, max_value=800))
    def test_working_days_between_counts_day_by_day(self, start: dt.date, span: int) -> None:
        """working_days_between agrees with counting working days one by one, and is antisymmetric."""
        end = start + dt.timedelta(days=span)
        expected = brute_force_working_days(start, end) if span >= 0 else -brute_force_working_days(end, start)
        assert working_days_between(start, end) == expected
        assert working_days_between(end, start) == -expected

    @given(day=DAYS, months=st.integers(min_value=1, max_value=12))
    def test_add_months_length(self, day: dt.date, months: int) -> None:
        """add_months(d, m) lies between 28·m and 31·m days after d, in the month m months later."""
        result = add_months(day, months)
        difference = result.toordinal() - day.toordinal()
        assert 28 * months <= difference <= 31 * months
        assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months
        assert result.day == min(day.day, stdlib_calendar.monthrange(result.year, result.month)[1])

    @given(year=st.integers(min_value=2027, max_value=2200))
    def test_projected_dates_are_march_wednesdays(self, year: int) -> None:
        """Every projected election is a Wednesday from 15 to 21 March, four years after the previous one."""
        elections = DEFAULT_CALENDAR.municipal_elections(year, year)
        assert len(elections) == (1 if (year - 2026) % 4 == 0 else 0)
        for election in elections:
            assert election.projected is True
            assert election.date.weekday() == 2
            assert election.date.month == 3
            assert 15 <= election.date.day <= 21
