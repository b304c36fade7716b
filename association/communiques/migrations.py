"""The communiqués' schema, one function per change; a released migration is never edited.

Every table and column created here is declared in ``tables.py``.
"""
from sqlite_utils import Migrations

migrations = Migrations("communiques")


@migrations()
def m001_communiques(db):
    """Communiqués, every revision of their text, and the capability's one setting."""
    db.executescript("""
    create table communiques (
        id integer primary key autoincrement,
        lang text not null check (lang in ('fr', 'en')),
        original_id integer references communiques(id) on delete set null,
        status text not null default 'draft'
            check (status in ('draft', 'submitted', 'scheduled', 'published', 'withdrawn')),
        slug text unique,
        feed_id text,
        publish_at text,
        published_at text,
        updated_at text,
        published_revision integer,
        html text,
        summary text,
        withdrawn_at text,
        withdrawal_notice text,
        withdrawal_notice_flags text,
        created_at text not null,
        draft_touched_at text,
        is_demo integer not null default 0
    );
    create index communiques_public on communiques(status, published_at);
    create index communiques_original on communiques(original_id);
    create index communiques_draft_touched on communiques(draft_touched_at);
    create index communiques_due on communiques(status, publish_at);

    create table communique_revisions (
        id integer primary key autoincrement,
        communique_id integer not null references communiques(id) on delete cascade,
        number integer not null,
        title text,
        title_flags text,
        body text,
        body_flags text,
        cosignatories text,
        cosignatories_flags text,
        note text,
        note_flags text,
        author_id integer references volunteers(id) on delete set null,
        author_login text,
        created_at text not null,
        approved_by integer references volunteers(id) on delete set null,
        approved_login text,
        approved_at text,
        published_at text,
        draft_touched_at text,
        unique (communique_id, number)
    );
    create index communique_revisions_draft_touched on communique_revisions(draft_touched_at);

    create table communique_settings (
        id integer primary key check (id = 1),
        admins_publish_alone integer not null default 0
    );
    insert into communique_settings (id, admins_publish_alone) values (1, 0);
    """)


@migrations()
def m002_replies(db):
    """Replies published under a communiqué (droit de réponse, LCEN art. 6 IV): who replies,
    when the request came, the text as received, and which editor added it."""
    db.executescript("""
    create table communique_replies (
        id integer primary key autoincrement,
        communique_id integer not null references communiques(id) on delete cascade,
        author text not null,
        received_on text not null,
        text text not null,
        added_by integer references volunteers(id) on delete set null,
        added_login text,
        created_at text not null,
        is_demo integer not null default 0
    );
    create index communique_replies_communique on communique_replies(communique_id, created_at);
    """)
