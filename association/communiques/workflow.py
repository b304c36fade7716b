"""The life of a communiqué: draft → submitted → approved by a second editor → published now
or scheduled → corrected (a dated note, the previous revision kept) → withdrawn (410).

An administrator may publish without a second editor when the association's settings allow
it; that is logged as ``publish_alone``. Every step is one write transaction
(``db.atomic()``, BEGIN IMMEDIATE: what is checked cannot change before it is written) and
one audit entry. Scheduled communiqués are published by the ``communiques-publish`` job.
"""
import uuid
from datetime import date, datetime

from flask import current_app

from ..privacy import Flags
from .. import audit, clock
from ..db import first_row
from ..retention import start_of
from . import publication, revisions, slugs


class WorkflowError(Exception):
    """A step refused; ``code`` says why (``messages.REFUSED``)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def settings(db) -> dict:
    """The capability's settings (whether administrators may publish alone)."""
    row = first_row(db, "select * from communique_settings where id = 1")
    return row or {"id": 1, "admins_publish_alone": 0}


def save_settings(db, volunteer, admins_publish_alone: bool) -> None:
    """Change whether administrators may publish alone (logged)."""
    with db.atomic():
        db.table("communique_settings").upsert(
            {"id": 1, "admins_publish_alone": int(admins_publish_alone)}, pk="id")
        audit.record(db, volunteer, "update", "communique_settings", 1)


def _is_admin(volunteer) -> bool:
    return getattr(volunteer, "role", None) == "admin"


def _current(db, communique_id: int) -> dict:
    found = revisions.get(db, communique_id)
    if found is None:
        raise WorkflowError("not_editable")
    return found


def is_editable(communique: dict) -> bool:
    """Whether its text can still be changed as a draft (not once it has been public)."""
    return communique["status"] in ("draft", "submitted", "scheduled")


def awaiting_approval(communique: dict) -> bool:
    """Whether a second editor's approval is what it waits for (a first publication or a
    proposed correction)."""
    return communique["status"] == "submitted" or revisions.has_pending_correction(communique)


def may_approve(db, communique: dict, volunteer) -> bool:
    """Whether ``volunteer`` may approve: it awaits approval and they wrote no part of what
    is to be approved (a second pair of eyes): no revision since the public text, not only
    the latest one — a co-editor changing the co-signatories does not make the author a
    second pair of eyes on their own text."""
    return (awaiting_approval(communique) and communique["latest"] is not None
            and getattr(volunteer, "id", None) not in revisions.unpublished_authors(
                db, communique))


def may_publish_alone(db, communique: dict, volunteer) -> bool:
    """Whether ``volunteer`` is an administrator allowed by the settings to publish this
    communiqué (or its proposed correction) without a second editor."""
    return (_is_admin(volunteer) and bool(settings(db)["admins_publish_alone"])
            and (communique["status"] in ("draft", "submitted")
                 or revisions.has_pending_correction(communique)))


def create(db, volunteer, lang: str, texts: dict, flags: dict,
           original_id: int | None = None) -> int:
    """Begin a draft (logged); return its id."""
    with db.atomic():
        communique_id = revisions.create(db, volunteer, lang, texts, flags, original_id)
        audit.record(db, volunteer, "create", "communique", communique_id)
    return communique_id


def save_draft(db, communique_id: int, volunteer, texts: dict, flags: dict,
               lang: str | None = None, original_id: int | None = None) -> int | None:
    """A new revision of a draft (with its language and original, which may change while it
    is a draft); a communiqué awaiting approval or scheduled goes back to draft (its approval
    or schedule no longer holds for a changed text). Returns the new revision's number, or
    None when nothing changed."""
    with db.atomic():
        communique = _current(db, communique_id)
        if not is_editable(communique):
            raise WorkflowError("not_editable")
        moved = (lang or communique["lang"], original_id) != (communique["lang"],
                                                               communique["original_id"])
        if moved:
            db.table("communiques").update(communique_id, {
                "lang": lang or communique["lang"], "original_id": original_id})
        number = revisions.add_revision(db, communique, volunteer, texts, flags)
        if number is not None or moved:
            if communique["status"] != "draft":
                _back_to_draft(db, communique)
            audit.record(db, volunteer, "update", "communique", communique_id)
    return number


def submit(db, communique_id: int, volunteer) -> None:
    """Ask a second editor to approve a draft."""
    with db.atomic():
        communique = _current(db, communique_id)
        if communique["status"] != "draft":
            raise WorkflowError("not_draft")
        db.table("communiques").update(communique_id, {"status": "submitted"})
        audit.record(db, volunteer, "submit", "communique", communique_id)


def return_to_draft(db, communique_id: int, volunteer) -> None:
    """Take back a communiqué awaiting approval or scheduled: it is a draft again."""
    with db.atomic():
        communique = _current(db, communique_id)
        if communique["status"] not in ("submitted", "scheduled"):
            raise WorkflowError("not_pending")
        _back_to_draft(db, communique)
        audit.record(db, volunteer, "return_to_draft", "communique", communique_id)


def _back_to_draft(db, communique: dict) -> None:
    # A slug given at scheduling was never public: the next date and title decide again.
    db.table("communiques").update(communique["id"], {
        "status": "draft", "publish_at": None, "slug": None,
        "draft_touched_at": clock.stamp()})
    db.execute("update communique_revisions set approved_by = null, approved_login = null, "
               "approved_at = null where communique_id = ? and published_at is null",
               [communique["id"]])


def approve(db, communique_id: int, volunteer, publish_at: datetime | None = None) -> str:
    """A second editor approves the latest revision: a first publication goes out now or
    at ``publish_at``; a proposed correction goes out now. Returns "published",
    "scheduled" or "corrected"."""
    with db.atomic():
        communique = _current(db, communique_id)
        if not awaiting_approval(communique):
            raise WorkflowError("not_submitted")
        if not may_approve(db, communique, volunteer):
            raise WorkflowError("own_text")
        audit.record(db, volunteer, "approve", "communique", communique_id)
        return _release(db, communique, volunteer, publish_at)


def publish_alone(db, communique_id: int, volunteer, publish_at: datetime | None = None) -> str:
    """An administrator publishes without a second editor, when the settings allow it
    (logged as such). Returns "published", "scheduled" or "corrected"."""
    with db.atomic():
        communique = _current(db, communique_id)
        if not may_publish_alone(db, communique, volunteer):
            raise WorkflowError("not_allowed_alone")
        audit.record(db, volunteer, "publish_alone", "communique", communique_id)
        return _release(db, communique, volunteer, publish_at)


def _release(db, communique: dict, approver, publish_at: datetime | None) -> str:
    """Record the approval on the latest revision, then publish, schedule or correct."""
    latest = communique["latest"]
    now = clock.now()
    db.table("communique_revisions").update(latest["id"], {
        "approved_by": getattr(approver, "id", None),
        "approved_login": getattr(approver, "login", None), "approved_at": clock.stamp(now)})
    if communique["status"] == "published":
        publish(db, communique, latest["number"], now)
        audit.record(db, approver, "correct", "communique", communique["id"])
        return "corrected"
    if publish_at is not None and publish_at > now:
        slug = slugs.unique_slug(db, publication.local_date(clock.stamp(publish_at)),
                                 latest["title"], communique["id"])
        db.table("communiques").update(communique["id"], {
            "status": "scheduled", "publish_at": clock.stamp(publish_at), "slug": slug})
        audit.record(db, approver, "schedule", "communique", communique["id"])
        return "scheduled"
    publish(db, communique, latest["number"], now)
    audit.record(db, approver, "publish", "communique", communique["id"])
    return "published"


def publish(db, communique: dict, number: int, moment: datetime) -> None:
    """Make revision ``number`` the public text at ``moment``: a slug and a feed id the
    first time, the HTML rendered once with every correction note, the revisions kept for
    good from now on. A step of the approvals and of the job, inside their transaction (and
    of the demo content); it checks nothing itself."""
    stamp = clock.stamp(moment)
    db.execute("update communique_revisions set published_at = ? where communique_id = ? "
               "and number = ?", [stamp, communique["id"], number])
    db.execute("update communique_revisions set draft_touched_at = null "
               "where communique_id = ? and number <= ?", [communique["id"], number])
    text = revisions.revision(db, communique["id"], number)
    corrections = list(db.query(
        "select note, published_at from communique_revisions where communique_id = ? and "
        "note is not null and published_at is not null and number <= ? order by number",
        [communique["id"], number]))
    html, summary = publication.public_text(communique["lang"], text["body"], corrections)
    changes = {"status": "published", "published_revision": number, "html": html,
               "summary": summary, "updated_at": stamp, "draft_touched_at": None,
               "publish_at": None}
    if not communique["published_at"]:
        changes["published_at"] = stamp
        changes["feed_id"] = communique["feed_id"] or f"urn:uuid:{uuid.uuid4()}"
        changes["slug"] = communique["slug"] or slugs.unique_slug(
            db, publication.local_date(stamp), text["title"], communique["id"])
    db.table("communiques").update(communique["id"], changes)


def propose_correction(db, communique_id: int, volunteer, texts: dict, flags: dict) -> int:
    """A correction of a published communiqué, with its note: a new revision that a second
    editor approves (or an administrator publishes alone). Returns its number."""
    with db.atomic():
        communique = _current(db, communique_id)
        if communique["status"] != "published":
            raise WorkflowError("not_published")
        number = revisions.add_revision(db, communique, volunteer, texts, flags)
        if number is None:
            raise WorkflowError("unchanged")
        audit.record(db, volunteer, "update", "communique", communique_id)
    return number


def discard_correction(db, communique_id: int, volunteer) -> int:
    """Delete the proposed, unpublished revisions of a published communiqué; return how
    many went."""
    with db.atomic():
        communique = _current(db, communique_id)
        if not revisions.has_pending_correction(communique):
            raise WorkflowError("no_correction")
        gone = db.execute("delete from communique_revisions where communique_id = ? and "
                          "number > ?", [communique_id, communique["published_revision"]])
        audit.record(db, volunteer, "discard_correction", "communique", communique_id)
    return gone.rowcount


def withdraw(db, communique_id: int, volunteer, notice: str, notice_flags) -> None:
    """Withdraw a published communiqué: its page answers 410 with ``notice``; it leaves the
    list and the feed. Its revisions stay, for the association's own record."""
    with db.atomic():
        communique = _current(db, communique_id)
        if communique["status"] != "published":
            raise WorkflowError("not_published")
        db.table("communiques").update(communique_id, {
            "status": "withdrawn", "withdrawn_at": clock.stamp(),
            "withdrawal_notice": notice.strip(),
            "withdrawal_notice_flags": Flags(notice_flags).format()})
        db.execute("delete from communique_revisions where communique_id = ? and number > ?",
                   [communique_id, communique["published_revision"]])
        audit.record(db, volunteer, "withdraw", "communique", communique_id)


def delete(db, communique_id: int, volunteer) -> int:
    """Delete a communiqué that has never been public, with its revisions; return how many
    revisions went."""
    with db.atomic():
        communique = _current(db, communique_id)
        if communique["published_at"]:
            raise WorkflowError("published_once")
        count = db.table("communique_revisions").count_where("communique_id = ?",
                                                             [communique_id])
        db.execute("delete from communiques where id = ?", [communique_id])
        audit.record(db, volunteer, "delete", "communique", communique_id)
    return count


def awaiting(db, volunteer) -> int:
    """How many communiqués (first publications or corrections) wait for this editor's
    approval: those of which they wrote no revision since the public text (see
    ``may_approve``)."""
    return db.execute("""
        select count(*) from communiques c join communique_revisions r
          on r.communique_id = c.id and r.number = (select max(number) from communique_revisions
                                                    where communique_id = c.id)
        where (c.status = 'submitted' or (c.status = 'published'
                                          and r.number > coalesce(c.published_revision, 0)))
          and not exists (select 1 from communique_revisions own
                          where own.communique_id = c.id
                            and own.number > coalesce(c.published_revision, 0)
                            and own.author_id = ?)""",
                      [getattr(volunteer, "id", 0)]).fetchone()[0]


def publish_due(db, today: date) -> dict:
    """Job: publish the scheduled communiqués whose time has come — at or before now, or,
    for a run standing for a later day (a test's ``today``), before that day began."""
    moment = max(clock.now(), clock.parse(start_of(today, current_app.config["TIMEZONE"])))
    due = [row["id"] for row in db.query(
        "select id from communiques where status = 'scheduled' and publish_at <= ? "
        "order by publish_at", [clock.stamp(moment)])]
    published = 0
    for communique_id in due:
        with db.atomic():
            communique = revisions.get(db, communique_id)
            if communique is None or communique["status"] != "scheduled":
                continue  # taken back meanwhile
            # A run later than planned says so: the page is dated when it really went out.
            at = max(clock.parse(communique["publish_at"]), clock.now())
            publish(db, communique, communique["latest"]["number"], at)
            audit.record(db, None, "publish", "communique", communique_id)
            published += 1
    return {"published": published}
