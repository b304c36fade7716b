"""The schema, one function per change. A released migration is never edited: add a new one.

Every table and column created here must also be declared in ``inventory.py``.
"""
from sqlite_utils import Migrations

migrations = Migrations("association")


@migrations()
def m001_foundation(db):
    """Association settings, landlords, buildings and the scheduler's job runs."""
    db.table("association_settings").create(
        {
            "id": int,
            "name": str,
            "postal_address": str,
            "contact_email": str,
            "is_demo": int,
        },
        pk="id",
        not_null={"name"},
        defaults={"is_demo": 0},
    )
    db.table("landlords").create(
        {
            "id": int,
            "name": str,
            "postal_address": str,
            "dpo_email": str,
            "siren": str,
            "is_demo": int,
        },
        pk="id",
        not_null={"name"},
        defaults={"is_demo": 0},
    )
    db.table("buildings").create(
        {
            "id": int,
            "name": str,
            "street_address": str,
            "landlord_id": int,
            "is_demo": int,
        },
        pk="id",
        not_null={"name"},
        defaults={"is_demo": 0},
        foreign_keys=[("landlord_id", "landlords", "id")],
    )
    db.table("job_runs").create(
        {
            "job": str,
            "period": str,
            "status": str,
            "attempts": int,
            "started_at": str,
            "finished_at": str,
            "outcome": str,
        },
        pk=("job", "period"),
        not_null={"job", "period", "status", "attempts", "started_at"},
        defaults={"attempts": 1},
    )
    db.table("job_runs").create_index(["started_at"])


@migrations()
def m002_volunteers(db):
    """Volunteer accounts, building scopes, invitations, second factor, sessions,
    throttling and the audit log."""
    db.executescript("""
    create table volunteers (
        id integer primary key,
        login text not null unique collate nocase,
        password_hash text,
        role text not null check (role in ('admin', 'editor', 'volunteer')),
        totp_secret text,
        totp_last_step integer not null default 0,
        disabled integer not null default 0,
        created_at text not null,
        last_login_at text,
        is_demo integer not null default 0
    );
    create table volunteer_buildings (
        volunteer_id integer not null references volunteers(id) on delete cascade,
        building_id integer not null references buildings(id) on delete cascade,
        primary key (volunteer_id, building_id)
    );
    create table invitations (
        token_hash text primary key,
        volunteer_id integer not null references volunteers(id) on delete cascade,
        created_by integer references volunteers(id) on delete set null,
        created_at text not null,
        expires_at text not null,
        used_at text,
        totp_secret text
    );
    create index invitations_volunteer on invitations(volunteer_id);
    create table recovery_codes (
        volunteer_id integer not null references volunteers(id) on delete cascade,
        code_hash text not null,
        used_at text,
        primary key (volunteer_id, code_hash)
    );
    create table volunteer_sessions (
        id_hash text primary key,
        volunteer_id integer not null references volunteers(id) on delete cascade,
        created_at text not null,
        last_seen_at text not null
    );
    create index volunteer_sessions_volunteer on volunteer_sessions(volunteer_id);
    create table throttle_events (
        id integer primary key,
        scope text not null,
        subject_hash text not null,
        at text not null
    );
    create index throttle_events_lookup on throttle_events(scope, subject_hash, at);
    create table audit_log (
        id integer primary key,
        at text not null,
        volunteer_id integer,
        volunteer_login text,
        action text not null,
        object_type text not null,
        object_id text,
        member_id integer
    );
    create index audit_log_at on audit_log(at);
    create index audit_log_member on audit_log(member_id, at);
    create index audit_log_volunteer on audit_log(volunteer_id, at);
    """)


@migrations()
def m003_members(db):
    """Members known only by a key's keyed hash, and the outbox of messages to them."""
    db.executescript("""
    create table members (
        id integer primary key,
        key_hash text not null unique,
        created_at text not null,
        last_seen_at text not null,
        building_id integer references buildings(id) on delete set null,
        language text not null default 'fr',
        contact_email text,
        contact_consent_at text,
        contact_expires_at text
    );
    create index members_last_seen on members(last_seen_at);
    create table outbox (
        id integer primary key,
        member_id integer not null references members(id) on delete cascade,
        kind text not null,
        created_at text not null,
        attempts integer not null default 0,
        next_attempt_at text not null,
        sent_at text,
        last_error text
    );
    create index outbox_pending on outbox(sent_at, next_attempt_at);
    """)


@migrations()
def m004_reveal_reasons(db):
    """Why a volunteer revealed masked text: a reason from a closed list, shown to the member."""
    db.table("audit_log").add_column("reason", str)


# Tables whose ids other records (audit entries, sessions, scopes) point at: an id freed by a
# deletion must never be given to someone else, so they are rebuilt with AUTOINCREMENT.
_NEVER_REUSED = {
    "landlords": """
        create table landlords (
            id integer primary key autoincrement,
            name text not null,
            postal_address text,
            dpo_email text,
            siren text,
            is_demo integer default 0
        )""",
    "buildings": """
        create table buildings (
            id integer primary key autoincrement,
            name text not null,
            street_address text,
            landlord_id integer references landlords(id),
            is_demo integer default 0
        )""",
    "volunteers": """
        create table volunteers (
            id integer primary key autoincrement,
            login text not null unique collate nocase,
            password_hash text,
            role text not null check (role in ('admin', 'editor', 'volunteer')),
            totp_secret text,
            totp_last_step integer not null default 0,
            disabled integer not null default 0,
            created_at text not null,
            last_login_at text,
            is_demo integer not null default 0
        )""",
    "members": """
        create table members (
            id integer primary key autoincrement,
            key_hash text not null unique,
            created_at text not null,
            last_seen_at text not null,
            building_id integer references buildings(id) on delete set null,
            language text not null default 'fr',
            contact_email text,
            contact_consent_at text,
            contact_expires_at text
        )""",
}


def _rebuild_with_autoincrement(db, table: str, create_sql: str) -> None:
    """SQLite's recipe for changing a table: create the new one, copy, drop, rename, then
    restore the indexes (foreign keys are off meanwhile, so nothing cascades)."""
    if "autoincrement" in (db.table(table).schema or "").lower():
        return
    indexes = [row[0] for row in db.execute(
        "select sql from sqlite_master where type = 'index' and tbl_name = ? and sql is not null",
        [table]).fetchall()]
    columns = ", ".join(f"[{c.name}]" for c in db.table(table).columns)
    db.execute(create_sql.replace(f"create table {table} (", f"create table {table}_new (", 1))
    db.execute(f"insert into {table}_new ({columns}) select {columns} from {table}")
    db.execute(f"drop table {table}")
    db.execute(f"alter table {table}_new rename to {table}")
    for sql in indexes:
        db.execute(sql)


@migrations(transactional=False)
def m005_ids_never_reused_and_member_sessions(db):
    """Ids of landlords, buildings, volunteers and members are never given out twice, and
    member sessions live on the server, so that erasing or signing out ends every copy of a
    cookie."""
    db.execute("PRAGMA foreign_keys=OFF")  # a no-op inside a transaction: set it first
    try:
        db.execute("BEGIN IMMEDIATE")
        for table, create_sql in _NEVER_REUSED.items():
            _rebuild_with_autoincrement(db, table, create_sql)
        db.execute("""
            create table if not exists member_sessions (
                id_hash text primary key,
                member_id integer not null references members(id) on delete cascade,
                created_at text not null,
                last_seen_at text not null
            )""")
        db.execute("create index if not exists member_sessions_member "
                   "on member_sessions(member_id)")
        broken = db.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise RuntimeError(f"foreign keys broken by the rebuild: {broken[:5]}")
        db.execute("COMMIT")
    except BaseException:
        db.conn.rollback()
        raise
    finally:
        db.execute("PRAGMA foreign_keys=ON")


@migrations()
def m006_demo_addresses_that_validate(db):
    """Demo addresses under a reserved name that forms accept (example.org, RFC 2606), so
    that a new administrator can save the demo settings unchanged."""
    db.execute("update association_settings set contact_email = "
               "'contact@amicale-demo.example.org' where is_demo = 1 "
               "and contact_email like '%.invalid'")
    db.execute("update landlords set dpo_email = 'dpo@bailleur-demo.example.org' "
               "where is_demo = 1 and dpo_email like '%.invalid'")


@migrations()
def m007_throttle_window_index(db):
    """Attempts past the window are deleted whenever a scope is checked: by an index on
    (scope, at) rather than by reading every attempt of the scope. After a tenants' meeting
    (thousands of reports from as many addresses in 15 minutes), each report read them all."""
    db.execute("create index throttle_events_window on throttle_events(scope, at)")


@migrations()
def m008_confirmed_keys(db):
    """A key a volunteer has confirmed in person (a meeting, office hours, a door-knock):
    only when, and by which volunteer. Free keys cost nothing; confirmed ones are what
    members-only actions and published figures count on (issue 19)."""
    db.execute("alter table members add column confirmed_at text")
    db.execute("alter table members add column confirmed_by integer "
               "references volunteers(id) on delete set null")
    db.execute("create index members_confirmed on members(confirmed_at) "
               "where confirmed_at is not null")


@migrations()
def m009_audit_tallies(db):
    """Reads that come in numbers, counted once per volunteer, record and day: a search that
    finds a report, a case page that shows its reports (see ``audit.record_daily``)."""
    db.execute("""
    create table audit_tallies (
        id integer primary key,
        day text not null,
        volunteer_id integer not null,
        volunteer_login text,
        action text not null,
        object_type text not null,
        object_id text not null,
        member_id integer,
        times integer not null default 1,
        first_at text not null,
        last_at text not null
    )""")
    db.execute("create unique index audit_tallies_once on audit_tallies"
               "(day, volunteer_id, action, object_type, object_id)")
    db.execute("create index audit_tallies_member on audit_tallies(member_id, last_at)")
    db.execute("create index audit_tallies_last on audit_tallies(last_at)")


@migrations()
def m010_key_confirmation_codes(db):
    """Short-lived codes a member shows a volunteer so that their key is confirmed without
    the volunteer seeing it: only the code's keyed hash, the member and the expiry (issue 19)."""
    db.execute("""create table key_confirmation_codes (
        code_hash text primary key,
        member_id integer not null references members(id) on delete cascade,
        created_at text not null,
        expires_at text not null
    ) without rowid""")
    db.execute("create index key_confirmation_codes_member on key_confirmation_codes(member_id)")
    db.execute("create index key_confirmation_codes_expiry on key_confirmation_codes(expires_at)")


@migrations()
def m011_audit_key_confirmed(db):
    """Whether the key of a member acting on their own records (an export, an erasure) had
    been confirmed by a volunteer, noted with the entry: the transparency report counts only
    those, so that throwaway keys cannot move its monthly figures (issue 19). An erased
    member's row is gone; the entry keeps the fact. Earlier entries stay unknown (null) and
    are not counted."""
    db.table("audit_log").add_column("key_confirmed", int)


@migrations()
def m012_legal_notice(db):
    """What the legal notice must name (LCEN art. 6 III): the seat and a telephone, the
    directeur de la publication and the host; the processors and transfers the register names
    (GDPR art. 13(1)(e) and (f)). The seat starts as the postal address already given."""
    for column in ("seat_address", "telephone", "rna_number", "publication_director",
                   "publication_director_function", "host_name", "host_address",
                   "host_telephone", "mail_relay", "transfers_outside_eu"):
        db.table("association_settings").add_column(column, str)
    db.execute("update association_settings set seat_address = postal_address")


@migrations()
def m013_landlord_departement(db):
    """The département of a landlord's seat: the public holidays its deadlines count (the
    Alsace-Moselle and overseas ones, deadlines.subdivision; issue 22)."""
    db.execute("alter table landlords add column departement text")


@migrations()
def m014_association_standing(db):
    """What the association's letters to a landlord say of it (issue 22): its federation or
    its share of the tenants (art. 44 loi 86-1290), who signs and as what. (Its RNA number is
    one of the legal notice's settings.)"""
    for column, kind in (("federation", "text"),
                         ("represents_tenth", "integer not null default 0"),
                         ("signatory", "text"), ("signatory_function", "text")):
        db.execute(f"alter table association_settings add column {column} {kind}")
