"""The grievances' schema, one function per change (a released one is never edited)."""
from sqlite_utils import Migrations

from .. import search

migrations = Migrations("grievances")


@migrations()
def m001_grievances_and_cases(db):
    """Grievances with their photos, notes and "me too", collective cases and their
    timeline, and the full-text index of descriptions."""
    from .tables import TABLES

    # One statement at a time: executescript would commit in the middle of the migration.
    for statement in SCHEMA:
        db.execute(statement)
    search.create_index(db, next(t for t in TABLES if t.name == "grievances"))


SCHEMA = (
    """create table cases (
        id integer primary key autoincrement,
        building_id integer not null references buildings(id),
        category text,
        title text not null,
        theme text, theme_flags text,
        demands text, demands_flags text,
        status text not null default 'open'
            check (status in ('open', 'sent', 'answered', 'closed')),
        households integer,
        sent_on text,
        sent_how text, sent_how_flags text,
        response_due text,
        public_summary text, public_summary_flags text,
        created_at text not null,
        created_by text,
        is_demo integer not null default 0
    )""",
    "create index cases_building on cases(building_id, status)",
    "create index cases_due on cases(status, response_due)",
    """create table case_events (
        id integer primary key autoincrement,
        case_id integer not null references cases(id) on delete cascade,
        happened_on text not null,
        kind text not null,
        note text, note_flags text,
        volunteer_login text,
        created_at text not null,
        is_demo integer not null default 0
    )""",
    "create index case_events_case on case_events(case_id, happened_on)",
    """create table grievances (
        id integer primary key autoincrement,
        reference text not null unique,
        member_id integer references members(id),
        building_id integer not null references buildings(id),
        category text not null,
        description text,
        description_flags text,
        since text,
        status text not null default 'new',
        close_reason text,
        case_id integer references cases(id) on delete set null,
        merged_into integer references grievances(id) on delete set null,
        created_at text not null,
        updated_at text not null,
        closed_at text,
        is_demo integer not null default 0
    )""",
    "create index grievances_building on grievances(building_id, status, category)",
    "create index grievances_building_created on grievances(building_id, created_at)",
    "create index grievances_member on grievances(member_id)",
    "create index grievances_case on grievances(case_id)",
    "create index grievances_closed on grievances(closed_at)",
    """create table grievance_photos (
        id integer primary key autoincrement,
        grievance_id integer not null references grievances(id) on delete cascade,
        member_id integer references members(id),
        file_name text not null,
        width integer, height integer,
        created_at text not null
    )""",
    "create index grievance_photos_grievance on grievance_photos(grievance_id)",
    "create index grievance_photos_member on grievance_photos(member_id)",
    """create table grievance_notes (
        id integer primary key autoincrement,
        grievance_id integer not null references grievances(id) on delete cascade,
        member_id integer references members(id),
        volunteer_id integer,
        volunteer_login text,
        created_at text not null,
        text text, text_flags text
    )""",
    "create index grievance_notes_grievance on grievance_notes(grievance_id)",
    "create index grievance_notes_member on grievance_notes(member_id)",
    """create table grievance_supports (
        id integer primary key autoincrement,
        member_id integer not null references members(id),
        building_id integer not null references buildings(id) on delete cascade,
        category text not null,
        created_at text not null,
        is_demo integer not null default 0,
        unique (member_id, building_id, category)
    )""",
    "create index grievance_supports_group on grievance_supports(building_id, category)",
)


@migrations()
def m002_indexes_for_large_buildings(db):
    """Indexes that answer a building's public counts from the index alone, and the
    volunteers' filtered lists in date order, whatever the number of reports."""
    db.execute("drop index if exists grievances_building")
    db.execute("create index grievances_open on grievances(building_id, status, category, "
               "member_id)")
    db.execute("create index grievances_building_category on grievances(building_id, "
               "category, created_at)")
    db.execute("create index grievances_building_status on grievances(building_id, status, "
               "created_at)")
    db.execute("create index grievance_supports_household on grievance_supports(building_id, "
               "category, member_id)")


@migrations()
def m003_index_of_merged_reports(db):
    """An index on ``merged_into``: deleting a report makes SQLite look for the reports
    merged into it (``on delete set null``), which without it read the whole table for
    each report deleted (the daily purge took minutes at 1,000,000 reports)."""
    db.execute("create index grievances_merged on grievances(merged_into)")


@migrations()
def m004_search_index_knows_the_building(db):
    """The full-text index holds each report's building beside its words, so that a
    volunteer's search asks the index for their buildings' reports alone (at 1,000,000
    reports it read every report holding the words, in every building, then dropped the
    others)."""
    from .tables import TABLES

    for trigger in ("grievances_ai", "grievances_ad", "grievances_au"):
        db.execute(f"drop trigger if exists [{trigger}]")
    db.execute("drop table if exists grievances_fts")
    search.create_index(db, next(t for t in TABLES if t.name == "grievances"))


@migrations()
def m005_pending_photos(db):
    """Photos kept while a report is sent back to its writer (``pending``)."""
    db.execute("""create table pending_photos (
        id text primary key,
        file_name text not null,
        width integer not null,
        height integer not null,
        created_at text not null
    )""")
    db.execute("create index pending_photos_created on pending_photos(created_at)")


@migrations()
def m006_a_sent_case_keeps_its_facts(db):
    """A sent case keeps the facts its letter stated (households, reports, kinds, since
    when), so that erasing a tenant later changes neither the case nor its reprinted letter."""
    db.execute("alter table cases add column sent_facts text")


@migrations()
def m007_a_report_forms_one_time_token(db):
    """A report keeps its form's one-time token: the same form sent twice (Back, then send
    again) makes one report."""
    db.execute("alter table grievances add column form_token text")
    db.execute("create unique index grievances_form_token on grievances(form_token)")


@migrations()
def m008_letter_grounds_and_letter_as_sent(db):
    """The collective letter's legal paragraph as a volunteer adjusted it, their check that
    the problems are not tenant repairs (off until ticked), and the letter as sent, kept as
    evidence (issue 22). Existing cases keep their rows: empty means the category's own."""
    for statement in (
            "alter table cases add column grounds text",
            "alter table cases add column grounds_flags text",
            "alter table cases add column repairs_checked integer not null default 0",
            "alter table cases add column letter_sent text",
            "alter table cases add column letter_sent_flags text"):
        db.execute(statement)
