"""The schema of joint access requests: campaigns, trackers and the campaigns' counters."""
from sqlite_utils import Migrations

migrations = Migrations("requests")


@migrations()
def m001_campaigns_and_trackers(db):
    """Campaigns, one tracker per participating member, and the maintained counters."""
    db.execute("""
        create table campaigns (
            id integer primary key autoincrement,
            slug text not null unique,
            title text not null,
            landlord_id integer references landlords(id) on delete set null,
            controller_name text not null,
            controller_address text not null,
            dpo_email text,
            siren text,
            explanation text,
            explanation_flags text,
            explanation_html text,
            letter_fr text,
            letter_fr_flags text,
            letter_en text,
            letter_en_flags text,
            opens_on text not null,
            closes_on text,
            created_at text not null,
            updated_at text not null,
            is_demo integer not null default 0
        )""")
    # A flagged explanation emptied by the purge takes its rendered HTML with it, in the
    # same statement: the page cannot go on showing text whose retention has run out.
    db.execute("""
        create trigger campaigns_explanation_emptied after update of explanation on campaigns
        when new.explanation is null and new.explanation_html is not null
        begin
            update campaigns set explanation_html = null where id = new.id;
        end""")
    db.execute("""
        create table trackers (
            id integer primary key autoincrement,
            campaign_id integer not null references campaigns(id) on delete cascade,
            member_id integer references members(id) on delete cascade,
            created_at text not null,
            state text not null,
            sent_on text,
            channel text,
            received_on text,
            received_estimated integer not null default 0,
            due_on text,
            extension_notice_on text,
            extended_due_on text,
            deadline_on text,
            followed_up_on text,
            answered_on text,
            grade text,
            checklist text,
            copy_received integer,
            comments_disclosed integer,
            access_log_disclosed integer,
            reminded_on text,
            campaign_closed_at text,
            is_demo integer not null default 0,
            unique (campaign_id, member_id)
        )""")
    db.execute("create index trackers_member on trackers (member_id)")
    # The sweep reads the trackers whose state may move today, by state and deadline.
    db.execute("create index trackers_state_deadline on trackers (state, deadline_on)")
    db.execute("create index trackers_campaign_closed on trackers (campaign_closed_at)")
    db.execute("""
        create table campaign_counts (
            campaign_id integer not null references campaigns(id) on delete cascade,
            name text not null,
            n integer not null default 0,
            primary key (campaign_id, name)
        ) without rowid""")


@migrations()
def m002_count_confirmed_keys_only(db):
    """The campaigns' counters count only trackers a free key cannot make (issue 19): take
    out what the trackers of keys nobody has confirmed had added. What trackers erased or
    purged before this change left behind stays (there is no telling whose it was)."""
    from .results import uncount_unconfirmed

    uncount_unconfirmed(db)


@migrations()
def m003_events_the_law_turns_on(db):
    """What the law turns on (issue 22): a request for identification (asked, answered,
    justified: only a justified one pauses the period), a fee asked for, whether an
    extension gave its reasons, how the follow-up went and the day the complaint pack is
    ready. Article 15(1)(c) is split: "c" now means the recipients (C-154/21), and the staff
    roles are an item asked in addition ("staff", C-579/21); an answer recorded as giving
    the old "c" gave both, so it gains "staff", and the counters with it."""
    from .results import split_recipients

    for name, kind in (("extension_reasons", "integer"), ("followed_up_channel", "text"),
                       ("complaint_on", "text"), ("identity_asked_on", "text"),
                       ("identity_answered_on", "text"), ("identity_justified", "integer"),
                       ("fee_asked_on", "text")):
        db.execute(f"alter table trackers add column {name} {kind}")
    split_recipients(db)


@migrations()
def m004_letters_saved_as_the_first_default(db):
    """A campaign's letter saved unchanged from the first default letter (a new campaign's
    form starts from it) follows the default letter again, which now holds what the legal
    review found missing (issue 22: C-154/21, Art. 15(2), retention criteria, the logic and
    consequences of scoring, free of charge, the copy's form, no identity document without
    reasonable doubt...). A letter the association changed is left as it wrote it."""
    import json
    from pathlib import Path

    first = json.loads((Path(__file__).parent / "data" / "first_default_letters.json")
                       .read_text(encoding="utf-8"))
    for language, text in first.items():
        db.execute(f"update campaigns set letter_{language} = null, letter_{language}_flags = "
                   f"null where replace(letter_{language}, char(13), '') = ?", [text])


@migrations()
def m005_dpo_address(db):
    """The postal address of the controller's data protection officer, when it has its own:
    the letters go there (issue 22, review D4)."""
    db.execute("alter table campaigns add column dpo_address text")
