"""The members' own migration set; a released migration is never edited.

Their tables were created by the core's migrations (association/migrations.py, kept there as
history: a released migration is never edited nor moved). This set starts with a copy of their
schema as it stands, ``create table if not exists``: on a database the core's migrations built,
it changes nothing; new tables and columns of the members come here, declared in tables.py.
"""
from sqlite_utils import Migrations

migrations = Migrations("members")


@migrations()
def m001_current_schema(db):
    """The members (keys and contact addresses), their sessions, key confirmation codes and the
    outbox, as the core's migrations left them."""
    db.execute("""
        create table if not exists "members" (
            id integer primary key autoincrement,
            key_hash text not null unique,
            created_at text not null,
            last_seen_at text not null,
            building_id integer references buildings(id) on delete set null,
            language text not null default 'fr',
            contact_email text,
            contact_consent_at text,
            contact_expires_at text,
            confirmed_at text,
            confirmed_by integer references volunteers(id) on delete set null
        )""")
    db.execute("create index if not exists members_confirmed on members(confirmed_at) "
               "where confirmed_at is not null")
    db.execute("create index if not exists members_last_seen on members(last_seen_at)")
    db.execute("""
        create table if not exists member_sessions (
            id_hash text primary key,
            member_id integer not null references members(id) on delete cascade,
            created_at text not null,
            last_seen_at text not null
        )""")
    db.execute("create index if not exists member_sessions_member on member_sessions(member_id)")
    db.execute("""
        create table if not exists key_confirmation_codes (
            code_hash text primary key,
            member_id integer not null references members(id) on delete cascade,
            created_at text not null,
            expires_at text not null
        ) without rowid""")
    db.execute("create index if not exists key_confirmation_codes_expiry "
               "on key_confirmation_codes(expires_at)")
    db.execute("create index if not exists key_confirmation_codes_member "
               "on key_confirmation_codes(member_id)")
    db.execute("""
        create table if not exists outbox (
            id integer primary key,
            member_id integer not null references members(id) on delete cascade,
            kind text not null,
            created_at text not null,
            attempts integer not null default 0,
            next_attempt_at text not null,
            sent_at text,
            last_error text
        )""")
    db.execute("create index if not exists outbox_pending on outbox(sent_at, next_attempt_at)")
