"""Legal deadlines: one month (or three) per Regulation 1182/71, moved past non-working days.

Every expected date below was worked out by hand from a calendar, never by the code under test.
"""
from datetime import date

import pytest

from association.deadlines import (add_working_days, due_date, french_holidays, is_working_day,
                                   next_working_day)

D = date.fromisoformat

DUE_DATES = [
    # received, months, due, why
    ("2026-03-10", 1, "2026-04-10", "ordinary: same day number, a Friday"),
    ("2026-06-15", 1, "2026-07-15", "ordinary: a Wednesday"),
    ("2025-01-31", 1, "2025-02-28", "31 Jan -> last day of February, a Friday"),
    ("2026-03-31", 1, "2026-04-30", "31 Mar -> 30 Apr"),
    ("2026-05-31", 1, "2026-06-30", "31 May -> 30 Jun"),
    ("2026-08-31", 1, "2026-09-30", "31 Aug -> 30 Sep"),
    ("2026-10-31", 1, "2026-11-30", "31 Oct -> 30 Nov"),
    ("2026-01-30", 1, "2026-03-02", "30 Jan -> 28 Feb 2026, a Saturday -> Monday"),
    ("2026-01-31", 1, "2026-03-02", "31 Jan -> 28 Feb 2026, a Saturday -> Monday"),
    ("2026-04-30", 1, "2026-06-01", "30 Apr -> 30 May, a Saturday -> Monday 1 Jun"),
    ("2026-12-31", 1, "2027-02-01", "across the year: 31 Jan 2027 is a Sunday -> Monday"),
    ("2028-01-29", 1, "2028-02-29", "leap year: 29 Feb 2028 exists, a Tuesday"),
    ("2028-01-31", 1, "2028-02-29", "leap year: 31 Jan -> 29 Feb"),
    ("2027-01-29", 1, "2027-03-01", "no 29 Feb 2027: 28 Feb, a Sunday -> Monday 1 Mar"),
    ("2027-01-31", 1, "2027-03-01", "31 Jan 2027 -> 28 Feb, a Sunday -> Monday 1 Mar"),
    ("2028-02-29", 1, "2028-03-29", "received on 29 Feb -> 29 Mar"),
    ("2026-02-14", 1, "2026-03-16", "ends on a Saturday -> Monday"),
    ("2026-02-15", 1, "2026-03-16", "ends on a Sunday -> Monday"),
    ("2025-12-01", 1, "2026-01-02", "1 Jan 2026 (Thursday) -> Friday"),
    ("2026-03-06", 1, "2026-04-07", "Easter Monday 6 Apr 2026 -> Tuesday"),
    ("2026-04-01", 1, "2026-05-04", "1 May 2026 (Friday), then a weekend -> Monday 4 May"),
    ("2026-04-08", 1, "2026-05-11", "8 May 2026 (Friday), then a weekend -> Monday 11 May"),
    ("2026-04-14", 1, "2026-05-15", "Ascension Thursday 14 May 2026 -> Friday"),
    ("2026-04-25", 1, "2026-05-26", "Whit Monday 25 May 2026 -> Tuesday"),
    ("2026-06-14", 1, "2026-07-15", "14 July 2026 (Tuesday) -> Wednesday"),
    ("2025-07-15", 1, "2025-08-18", "15 Aug 2025 (Friday), then a weekend -> Monday"),
    ("2026-07-15", 1, "2026-08-17", "15 Aug 2026 falls on a Saturday -> Monday"),
    ("2027-10-01", 1, "2027-11-02", "1 Nov 2027 (Monday) -> Tuesday"),
    ("2026-10-11", 1, "2026-11-12", "11 Nov 2026 (Wednesday) -> Thursday"),
    ("2026-11-25", 1, "2026-12-28", "25 Dec 2026 (Friday), then a weekend -> Monday"),
    ("2026-12-01", 1, "2027-01-04", "1 Jan 2027 (Friday), then a weekend -> Monday"),
    ("2026-03-04", 1, "2026-04-07", "Saturday 4 Apr, Sunday, Easter Monday -> Tuesday"),
    ("2027-04-15", 1, "2027-05-18", "Saturday 15 May, Sunday, Whit Monday 2027 -> Tuesday"),
    ("2027-04-06", 1, "2027-05-07", "Ascension 6 May 2027 -> Friday 7 May, a working day"),
    ("2026-11-30", 3, "2027-03-01", "extended: 28 Feb 2027 is a Sunday -> Monday 1 Mar"),
    ("2026-03-31", 3, "2026-06-30", "extended: 31 Mar -> 30 Jun"),
    ("2026-01-15", 3, "2026-04-15", "extended: ordinary"),
    ("2027-11-29", 3, "2028-02-29", "extended across the year into a leap February"),
    ("2026-04-14", 3, "2026-07-15", "extended onto 14 July -> Wednesday"),
]


@pytest.mark.parametrize("received, months, due, why", DUE_DATES,
                         ids=[case[3] for case in DUE_DATES])
def test_due_date(received, months, due, why):
    """The deadline is the same day number months later, moved to the next working day."""
    assert due_date(D(received), months) == D(due)


def test_due_date_counts_one_month_by_default():
    """Without `months`, the period is the ordinary one month of Art. 12(3)."""
    assert due_date(D("2026-03-10")) == D("2026-04-10")


def test_due_date_refuses_a_period_shorter_than_a_month():
    """A zero-month period is a caller's mistake, named in the error."""
    with pytest.raises(ValueError, match="not 0"):
        due_date(D("2026-03-10"), 0)


HOLIDAYS_2026 = {"2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14",
                 "2026-05-25", "2026-07-14", "2026-08-15", "2026-11-01", "2026-11-11",
                 "2026-12-25"}
HOLIDAYS_2027 = {"2027-01-01", "2027-03-29", "2027-05-01", "2027-05-06", "2027-05-08",
                 "2027-05-17", "2027-07-14", "2027-08-15", "2027-11-01", "2027-11-11",
                 "2027-12-25"}


@pytest.mark.parametrize("year, expected", [(2026, HOLIDAYS_2026), (2027, HOLIDAYS_2027)])
def test_french_holidays_are_the_eleven_of_metropolitan_france(year, expected):
    """Exactly the eleven public holidays: no Good Friday nor 26 Dec (Alsace-Moselle only)."""
    assert french_holidays(year) == {D(day) for day in expected}


def test_french_holidays_agree_with_the_holidays_package_from_1982_to_2100():
    """The package that counted them before (it loads every country to give one) as a second
    opinion: the same eleven days (ten from 2005 to 2007) every year."""
    from holidays.countries.france import France

    for year in range(1982, 2101):
        assert french_holidays(year) == set(France(years=year)), year


def test_french_holidays_are_cached_per_year():
    """A year's holidays are computed once and cannot be altered by a caller."""
    assert french_holidays(2026) is french_holidays(2026)
    assert isinstance(french_holidays(2026), frozenset)


@pytest.mark.parametrize("day, working", [
    ("2026-03-10", True),   # Tuesday
    ("2026-03-14", False),  # Saturday
    ("2026-03-15", False),  # Sunday
    ("2026-05-14", False),  # Ascension Thursday
    ("2026-05-15", True),   # the Friday after Ascension: a bridge, still a working day
    ("2026-12-26", False),  # Saturday; 26 Dec is a holiday only in Alsace-Moselle
    ("2027-12-27", True),   # Monday after Christmas
])
def test_is_working_day(day, working):
    """Weekends and public holidays are not working days; other days are."""
    assert is_working_day(D(day)) is working


@pytest.mark.parametrize("day, expected", [
    ("2026-03-10", "2026-03-11"),  # a working day: the next one, not itself
    ("2026-03-13", "2026-03-16"),  # Friday -> Monday
    ("2026-04-03", "2026-04-07"),  # Friday before Easter -> Tuesday
    ("2026-12-24", "2026-12-28"),  # Christmas Eve -> Monday after Christmas weekend
])
def test_next_working_day(day, expected):
    """The next working day is strictly after the given day."""
    assert next_working_day(D(day)) == D(expected)


@pytest.mark.parametrize("posted, n, received", [
    ("2026-03-10", 0, "2026-03-10"),  # no delay
    ("2026-03-12", 3, "2026-03-17"),  # Thursday, across a weekend
    ("2026-03-14", 3, "2026-03-18"),  # posted on a Saturday
    ("2026-04-03", 3, "2026-04-09"),  # across a weekend and Easter Monday
    ("2026-05-13", 3, "2026-05-19"),  # across Ascension Thursday and a weekend
    ("2026-11-10", 3, "2026-11-16"),  # across 11 Nov and a weekend
    ("2026-12-24", 3, "2026-12-30"),  # across Christmas and a weekend
])
def test_add_working_days(posted, n, received):
    """A letter posted on a day is deemed received n working days later."""
    assert add_working_days(D(posted), n) == D(received)


def test_add_working_days_refuses_a_negative_count():
    """Counting backwards is not supported and says so."""
    with pytest.raises(ValueError, match="not -1"):
        add_working_days(D("2026-03-10"), -1)


@pytest.mark.parametrize("received, subdiv, due, why", [
    ("2027-02-26", "57", "2027-03-30", "Good Friday 26 Mar 2027, then the weekend, Easter Monday"),
    ("2027-02-26", None, "2027-03-26", "metropolitan: Good Friday is a working day"),
    ("2025-11-26", "6AE", "2025-12-29", "26 Dec 2025 (Friday, St Stephen), then the weekend"),
    ("2025-11-26", None, "2025-12-26", "metropolitan: 26 Dec is a working day"),
    ("2027-04-27", "971", "2027-05-28", "Guadeloupe: abolition of slavery, 27 May"),
    ("2026-11-20", "974", "2026-12-21", "La Réunion: 20 Dec 2026 is a Sunday anyway"),
    ("2027-11-20", "974", "2027-12-21", "La Réunion: 20 Dec 2027 (Monday) -> Tuesday"),
], ids=lambda value: value if isinstance(value, str) and " " in value else None)
def test_due_date_counts_the_holidays_of_the_controllers_subdivision(received, subdiv, due, why):
    """Alsace-Moselle and overseas holidays move the deadline; metropolitan dates stay as
    they were (issue 22, review B5)."""
    assert due_date(D(received), subdiv=subdiv) == D(due), why


def test_the_acceptance_dates_of_issue_22():
    """The issue's own acceptance: 30 March 2027 in Moselle, 26 March in Paris."""
    assert due_date(date(2027, 2, 26), subdiv="57") == date(2027, 3, 30)
    assert due_date(date(2027, 2, 26)) == date(2027, 3, 26)


def test_subdivision_holidays_agree_with_the_holidays_package():
    """Every subdivision's holidays are those of holidays.France(subdiv=…), 2024–2035."""
    from holidays.countries.france import France

    from association.deadlines import SUBDIVISIONS

    for subdiv in SUBDIVISIONS:
        for year in range(2024, 2036):
            assert french_holidays(year, subdiv) == set(France(subdiv=subdiv, years=year)), \
                (subdiv, year)


@pytest.mark.parametrize("departement, subdiv", [
    ("57", "57"), ("67", "6AE"), ("68", "6AE"), ("971", "971"), ("974", "974"),
    ("75", None), ("2A", None), ("", None), (None, None)])
def test_a_departement_gives_its_subdivision(departement, subdiv):
    """Moselle, Bas-Rhin, Haut-Rhin and the overseas départements have their own holidays."""
    from association.deadlines import subdivision

    assert subdivision(departement) == subdiv


def test_an_unknown_subdivision_is_refused():
    """A code holidays.France does not know is refused, saying which."""
    with pytest.raises(ValueError, match="XX"):
        due_date(date(2027, 2, 26), subdiv="XX")


def test_a_pause_runs_the_period_on():
    """Ten days paused (identification asked and given) move the end ten days, then past a
    non-working day."""
    assert due_date(date(2026, 3, 10), paused_days=10) == date(2026, 4, 20)  # 20 Apr, a Monday
    assert due_date(date(2026, 3, 10), paused_days=8) == date(2026, 4, 20)  # 18 Apr, a Saturday
