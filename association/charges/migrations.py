"""The schema of the charges check: statements, their lines, volunteers' overrulings."""
from sqlite_utils import Migrations

migrations = Migrations("charges")


@migrations()
def m001_statements_lines_overrules(db):
    """A statement per building and year, its lines, and at most one overruling per line."""
    db.execute("""
        create table charge_statements (
            id integer primary key autoincrement,
            building_id integer not null references buildings(id) on delete cascade,
            year integer not null,
            sender text not null,
            received_on text not null,
            distribution_key text not null default 'surface',
            total_units real,
            social_housing integer not null default 1,
            published_at text,
            case_id integer references cases(id) on delete set null,
            created_at text not null,
            updated_at text not null,
            is_demo integer not null default 0,
            unique (building_id, year)
        )""")
    db.execute("create index charge_statements_received on charge_statements (received_on)")
    db.execute("create index charge_statements_year on charge_statements (year, building_id)")
    db.execute("""
        create table charge_lines (
            id integer primary key autoincrement,
            statement_id integer not null references charge_statements(id) on delete cascade,
            position integer not null,
            label text not null,
            nature text not null,
            amount_cents integer not null,
            stated_unit_amount real,
            charged_percent integer,
            created_at text not null,
            is_demo integer not null default 0
        )""")
    db.execute("create index charge_lines_statement on charge_lines (statement_id, position)")
    db.execute("""
        create table charge_overrules (
            id integer primary key autoincrement,
            line_id integer not null unique references charge_lines(id) on delete cascade,
            verdict text not null,
            share integer,
            reason text not null,
            created_at text not null,
            is_demo integer not null default 0
        )""")


@migrations()
def m002_lines_by_nature(db):
    """What each nature costs in a statement (the year before, the other buildings) read
    from an index alone, in its order: no table row and no sort for a statement's sums."""
    db.execute("create index charge_lines_nature on charge_lines "
               "(statement_id, nature, amount_cents)")


@migrations()
def m003_outages(db):
    """The association's own record of a building's equipment out of service (dates only):
    what the charges for a service not rendered are disputed on."""
    db.execute("""
        create table charge_outages (
            id integer primary key autoincrement,
            building_id integer not null references buildings(id) on delete cascade,
            equipment text not null,
            started_on text not null,
            ended_on text,
            created_at text not null,
            is_demo integer not null default 0
        )""")
    db.execute("create index charge_outages_building on charge_outages (building_id, "
               "started_on)")
