"""The volunteers' own migration set; a released migration is never edited.

Their tables were created by the core's migrations (association/migrations.py, kept there as
history: a released migration is never edited nor moved). This set starts with a copy of their
schema as it stands, ``create table if not exists``: on a database the core's migrations built,
it changes nothing; new tables and columns of the volunteers come here, declared in tables.py.
"""
from sqlite_utils import Migrations

migrations = Migrations("volunteers")


@migrations()
def m001_current_schema(db):
    """The accounts, their building scopes, invitations, recovery codes and sessions, as the core's
    migrations left them."""
    db.execute("""
        create table if not exists "volunteers" (
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
        )""")
    db.execute("""
        create table if not exists volunteer_buildings (
            volunteer_id integer not null references volunteers(id) on delete cascade,
            building_id integer not null references buildings(id) on delete cascade,
            primary key (volunteer_id, building_id)
        )""")
    db.execute("""
        create table if not exists invitations (
            token_hash text primary key,
            volunteer_id integer not null references volunteers(id) on delete cascade,
            created_by integer references volunteers(id) on delete set null,
            created_at text not null,
            expires_at text not null,
            used_at text,
            totp_secret text
        )""")
    db.execute("create index if not exists invitations_volunteer on invitations(volunteer_id)")
    db.execute("""
        create table if not exists recovery_codes (
            volunteer_id integer not null references volunteers(id) on delete cascade,
            code_hash text not null,
            used_at text,
            primary key (volunteer_id, code_hash)
        )""")
    db.execute("""
        create table if not exists volunteer_sessions (
            id_hash text primary key,
            volunteer_id integer not null references volunteers(id) on delete cascade,
            created_at text not null,
            last_seen_at text not null
        )""")
    db.execute("create index if not exists volunteer_sessions_volunteer on volunteer_sessions(volunteer_id)")
