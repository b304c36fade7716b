"""Outages: the association's own record of a building's equipment out of service (a lift,
the heating, hot water), dates only. Charges are owed only for a service rendered (art. 23 of
law 89-462): the days a lift stood still are what the dispute letter asks a deduction for, in
proportion. Each write has its audit entry in the same transaction."""
from datetime import date, timedelta

from .. import audit, clock
from ..db import first_row

# Each piece of equipment, with the nature of charge its days out of service lessen.
EQUIPMENT = {"lift": "lifts", "heating": "heating_upkeep", "hot_water": "hot_water"}


def record(db, building_id: int, equipment: str, started_on: date, ended_on: date | None,
           volunteer, is_demo: bool = False) -> int:
    """Record an outage of a building's ``equipment`` (``ended_on`` None: still out)."""
    with db.atomic():
        outage_id = db.table("charge_outages").insert({
            "building_id": building_id, "equipment": equipment,
            "started_on": started_on.isoformat(),
            "ended_on": ended_on.isoformat() if ended_on else None,
            "created_at": clock.stamp(), "is_demo": int(is_demo)}).last_pk
        if volunteer is not None:
            audit.record(db, volunteer, "create", "charge_outage", outage_id)
    return outage_id


def end(db, outage_id: int, ended_on: date, volunteer) -> None:
    """The equipment is back in service: ``ended_on`` was its last day out."""
    with db.atomic():
        db.table("charge_outages").update(outage_id, {"ended_on": ended_on.isoformat()})
        audit.record(db, volunteer, "update", "charge_outage", outage_id)


def remove(db, outage_id: int, volunteer) -> None:
    """Take off an outage recorded in error."""
    with db.atomic():
        db.execute("delete from charge_outages where id = ?", [outage_id])
        audit.record(db, volunteer, "delete", "charge_outage", outage_id)


def get(db, building_id: int, outage_id: int) -> dict | None:
    """One outage of a building (None when it is another building's)."""
    return first_row(db, "select * from charge_outages where id = ? and building_id = ?",
                     [outage_id, building_id])


def of_year(db, building_id: int, year: int) -> list[dict]:
    """A building's outages that touch ``year``, in order."""
    return list(db.query(
        "select * from charge_outages where building_id = ? and started_on <= ? and "
        "(ended_on is null or ended_on >= ?) order by started_on, id",
        [building_id, f"{year}-12-31", f"{year}-01-01"]))


def days_out(outages: list[dict], year: int, today: date) -> dict[str, int]:
    """How many days of ``year`` each piece of equipment was out of service, an outage still
    open counting up to ``today``; days that two records share are counted once."""
    first, last = date(year, 1, 1), min(date(year, 12, 31), today)
    days: dict[str, set] = {}
    for outage in outages:
        start = max(date.fromisoformat(outage["started_on"]), first)
        stop = min(date.fromisoformat(outage["ended_on"]) if outage["ended_on"] else today,
                   last)
        found = days.setdefault(outage["equipment"], set())
        while start <= stop:
            found.add(start)
            start += timedelta(days=1)
    return {equipment: len(found) for equipment, found in days.items() if found}


def deductions(days: dict[str, int], checked: list, year: int) -> list[tuple[str, int, int]]:
    """What the days out of service take off the charges of the nature each equipment
    serves, in proportion to the days of the year: (equipment, days, cents)."""
    in_year = (date(year + 1, 1, 1) - date(year, 1, 1)).days
    found = []
    for equipment, count in days.items():
        nature = EQUIPMENT.get(equipment)
        charged = sum(c.amount_cents for c in checked if c.nature == nature)
        if charged > 0:
            found.append((equipment, count, round(charged * count / in_year)))
    return found
