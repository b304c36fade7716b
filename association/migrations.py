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
