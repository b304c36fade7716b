"""Statements of charges: a building's yearly statement and its lines, volunteers'
overrulings, publication. Each write has its audit entry in the same transaction; nothing
here holds personal data."""
from .. import audit, clock
from ..db import first_row
from ..grievances import letter_prepared
from . import check

_STATEMENT = (
    "select s.*, b.name as building_name, b.street_address, l.name as landlord_name, "
    "l.postal_address as landlord_address from charge_statements s join buildings b on "
    "b.id = s.building_id left join landlords l on l.id = b.landlord_id")


def create(db, values: dict, volunteer, is_demo: bool = False) -> int:
    """A new statement of a building for a year (``values``: building_id, year, sender,
    received_on, distribution_key, total_units, social_housing)."""
    now = clock.stamp()
    with db.atomic():
        statement_id = db.table("charge_statements").insert({
            **values, "social_housing": int(bool(values.get("social_housing", 1))),
            "created_at": now, "updated_at": now, "is_demo": int(is_demo)}).last_pk
        if volunteer is not None:
            audit.record(db, volunteer, "create", "charge_statement", statement_id)
    return statement_id


def correct(db, statement_id: int, values: dict, volunteer) -> None:
    """Correct what a statement says of itself (``values``: sender, received_on,
    distribution_key, total_units, social_housing), audited."""
    with db.atomic():
        db.table("charge_statements").update(statement_id, {
            **values, "social_housing": int(bool(values.get("social_housing", 1))),
            "updated_at": clock.stamp()})
        audit.record(db, volunteer, "update", "charge_statement", statement_id)


def get(db, statement_id: int) -> dict | None:
    """One statement with its building's and landlord's names and addresses."""
    return first_row(db, _STATEMENT + " where s.id = ?", [statement_id])


def of_building_year(db, building_id: int, year: int) -> dict | None:
    """The statement of a building for a year, or None."""
    return first_row(db, _STATEMENT + " where s.building_id = ? and s.year = ?",
                     [building_id, year])


def of_scope(db, scope: set[int]) -> list[dict]:
    """The statements of the volunteer's buildings, latest year first, with their lines."""
    places = ",".join("?" * len(scope)) or "null"
    return list(db.query(
        "select s.*, b.name as building_name, (select count(*) from charge_lines c where "
        "c.statement_id = s.id) as line_count from charge_statements s join buildings b on "
        f"b.id = s.building_id where s.building_id in ({places}) order by s.year desc, b.name",
        sorted(scope)))


def published(db) -> list[dict]:
    """The statements a volunteer published, latest year first."""
    return list(db.query(
        "select s.id, s.building_id, s.year, s.published_at, b.name as building_name from "
        "charge_statements s join buildings b on b.id = s.building_id where s.published_at "
        "is not null order by s.year desc, b.name"))


def lines(db, statement_id: int) -> list[tuple]:
    """A statement's lines in order, each a tuple as ``check.line`` makes them (row number,
    label, nature, amount in cents, share charged)."""
    return db.conn.execute(
        "select id, label, nature, amount_cents, charged_percent from charge_lines where "
        "statement_id = ? order by position, id", [statement_id]).fetchall()


def overrulings(db, statement_id: int) -> dict[int, tuple]:
    """The volunteers' verdicts on a statement's lines, by line id: (verdict, share,
    reason). They are few: read apart rather than joined to every line."""
    return {line_id: (verdict, share, reason) for line_id, verdict, share, reason in
            db.conn.execute(
                "select o.line_id, o.verdict, o.share, o.reason from charge_overrules o join "
                "charge_lines c on c.id = o.line_id where c.statement_id = ?", [statement_id])}


_SUMS = ("select nature, sum(amount_cents) from charge_lines where statement_id = ? "
         "group by nature")


def sums_by_nature(db, statement_id: int) -> dict[str, int]:
    """What each nature costs in a statement, in cents: all the year before is compared on
    (read from the index by nature: no table row, no sort)."""
    return dict(db.conn.execute(_SUMS, [statement_id]))


def _next_position(db, statement_id: int) -> int:
    return db.execute("select coalesce(max(position), 0) + 1 from charge_lines where "
                      "statement_id = ?", [statement_id]).fetchone()[0]


def _insert_lines(db, statement_id: int, rows: list[dict], is_demo: bool) -> None:
    position, now = _next_position(db, statement_id), clock.stamp()
    db.table("charge_lines").insert_all(
        {"statement_id": statement_id, "position": position + index, "label": row["label"],
         "nature": row["nature"], "amount_cents": row["amount_cents"],
         "stated_unit_amount": row.get("stated_unit_amount"),
         "charged_percent": row.get("charged_percent"), "created_at": now,
         "is_demo": int(is_demo)} for index, row in enumerate(rows))
    db.table("charge_statements").update(statement_id, {"updated_at": now})


def add_lines(db, statement_id: int, rows: list[dict], volunteer, is_demo: bool = False,
              action: str = "update") -> int:
    """Add lines to a statement, all or none (one transaction), with one audit entry;
    return how many were added."""
    with db.atomic():
        _insert_lines(db, statement_id, rows, is_demo)
        if volunteer is not None:
            audit.record(db, volunteer, action, "charge_statement", statement_id)
    return len(rows)


def import_lines(db, statement_id: int, rows: list[dict], volunteer) -> int:
    """The lines of a CSV file that was read without an error, in one transaction."""
    return add_lines(db, statement_id, rows, volunteer, action="charge_import")


def line(db, statement_id: int, line_id: int) -> dict | None:
    """One line of a statement (None when it is another statement's)."""
    return first_row(db, "select * from charge_lines where id = ? and statement_id = ?",
                     [line_id, statement_id])


def remove_line(db, statement_id: int, line_id: int, volunteer) -> None:
    """Take a line typed in error off its statement (its overruling goes with it)."""
    with db.atomic():
        db.execute("delete from charge_lines where id = ? and statement_id = ?",
                   [line_id, statement_id])
        db.table("charge_statements").update(statement_id, {"updated_at": clock.stamp()})
        audit.record(db, volunteer, "delete", "charge_line", line_id)


def overrule(db, line_id: int, verdict: str | None, share: int | None, reason: str,
             volunteer) -> None:
    """A volunteer's verdict on a line in place of the list's, with the reason (audited);
    ``verdict`` None gives the list's verdict back."""
    with db.atomic():
        db.execute("delete from charge_overrules where line_id = ?", [line_id])
        if verdict:
            db.table("charge_overrules").insert({
                "line_id": line_id, "verdict": verdict, "share": share, "reason": reason,
                "created_at": clock.stamp()})
        audit.record(db, volunteer, "charge_overrule", "charge_line", line_id)


def set_published(db, statement_id: int, publish: bool, volunteer) -> None:
    """Publish the check on the public pages, or take it off them."""
    with db.atomic():
        db.table("charge_statements").update(statement_id, {
            "published_at": clock.stamp() if publish else None})
        audit.record(db, volunteer, "charge_publish" if publish else "charge_unpublish",
                     "charge_statement", statement_id)


def letter_produced(db, statement: dict, letter_title: str, volunteer) -> int:
    """A letter about the statement was produced: it joins the building's collective case of
    category "charges" (opened if there is none) and its timeline, and the statement keeps
    that case; return the case's id."""
    with db.atomic():
        case_id = letter_prepared(db, statement["building_id"], "charges",
                                  f"Charges {statement['year']}", letter_title, volunteer)
        db.table("charge_statements").update(statement["id"], {"case_id": case_id})
        audit.record(db, volunteer, "charge_letter", "charge_statement", statement["id"])
    return case_id


def previous(db, statement: dict) -> dict | None:
    """The same building's statement of the year before, if entered."""
    return of_building_year(db, statement["building_id"], statement["year"] - 1)


def others_unit_costs(db, statement: dict) -> dict[str, list[float]]:
    """What each nature costs per unit in the association's other buildings the same year
    (euros per m² or share): what this building is compared with. (Each statement's sums are
    read from the index by nature, ``sums_by_nature``: no sort, however long the lines.)"""
    found: dict[str, list[float]] = {}
    for other_id, units in db.conn.execute(
            "select id, total_units from charge_statements where year = ? and building_id != ? "
            "and distribution_key = ? and total_units > 0",
            [statement["year"], statement["building_id"], statement["distribution_key"]]):
        for nature, cents in db.conn.execute(_SUMS, [other_id]):
            found.setdefault(nature, []).append(cents / 100 / units)
    return found


def checked(db, statement: dict) -> list[check.Checked]:
    """A statement's lines with their check: verdicts (the volunteers' overrulings
    included), rises on the year before, costs against the other buildings."""
    before = previous(db, statement)
    return check.check(statement, lines(db, statement["id"]),
                       sums_by_nature(db, before["id"]) if before else {},
                       others_unit_costs(db, statement), overrulings(db, statement["id"]))
