"""The actions' schema, one function per change (a released migration is never edited)."""
from sqlite_utils import Migrations

migrations = Migrations("actions")


@migrations()
def m001_actions(db):
    """Actions, their anonymous answers and their checklists. Statement by statement:
    ``executescript`` would commit first and leave the migration's transaction."""
    for statement in _M001:
        db.execute(statement)


@migrations()
def m002_confirmed_answers(db):
    """Answers tied to a key a volunteer confirmed, counted apart: the published number of
    people coming counts only them, and the others may hold only a share of the places
    (issue 19: free keys and anonymous answers must not move a public figure nor fill an
    action)."""
    db.execute("alter table actions add column confirmed_count integer not null default 0 "
               "check (confirmed_count >= 0)")
    db.execute("alter table action_rsvps add column confirmed integer not null default 0")


_M001 = (
    """create table actions (
        id integer primary key autoincrement,
        uid text not null unique,
        kind text not null,
        title text,
        title_flags text,
        starts_at text not null,
        ends_at text not null,
        place text,
        place_flags text,
        place_reveal_hours integer check (place_reveal_hours is null or place_reveal_hours >= 0),
        description text,
        description_flags text,
        description_html text,
        visibility text not null check (visibility in ('public', 'members', 'volunteers')),
        capacity integer check (capacity is null or capacity > 0),
        show_count integer not null default 0,
        status text not null default 'planned' check (status in ('planned', 'cancelled')),
        sequence integer not null default 0,
        rsvp_count integer not null default 0 check (rsvp_count >= 0),
        created_at text not null,
        updated_at text not null,
        is_demo integer not null default 0,
        check (ends_at > starts_at)
    )""",
    "create index actions_starts on actions(starts_at)",
    "create index actions_ends on actions(ends_at)",
    # The page made from the description goes with it: when the purge empties flagged text,
    # no copy of it stays behind in the rendered column.
    """create trigger actions_description_emptied after update of description on actions
    when new.description is null and new.description_html is not null
    begin
        update actions set description_html = null where id = new.id;
    end""",
    """create table action_rsvps (
        token_hash text primary key,
        action_id integer not null references actions(id) on delete cascade,
        people integer not null default 1 check (people > 0),
        member_id integer references members(id) on delete cascade,
        action_ends_at text not null
    ) without rowid""",
    "create index action_rsvps_action on action_rsvps(action_id)",
    """create unique index action_rsvps_member on action_rsvps(action_id, member_id)
        where member_id is not null""",
    "create index action_rsvps_ends on action_rsvps(action_ends_at)",
    """create table action_tasks (
        id integer primary key autoincrement,
        action_id integer not null references actions(id) on delete cascade,
        template text,
        label text,
        label_flags text,
        position integer not null,
        assignee_id integer references volunteers(id) on delete set null,
        assignee_login text,
        done_at text,
        reminded_on text,
        action_ends_at text not null,
        created_at text not null
    )""",
    "create index action_tasks_action on action_tasks(action_id, position)",
    "create index action_tasks_assignee on action_tasks(assignee_id)",
)
