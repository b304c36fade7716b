"""A member's tracker of their access request: dates, the legal deadline, the answer.

The rules are pure functions of a tracker (a dict of ISO dates) and ``today``; the writes
check them, recompute what follows (estimated receipt, due date, deadline in force, state)
and move the campaign's counters in the same transaction (see results.py).
"""
from datetime import date, timedelta

from .. import clock
from ..db import first_row
from ..deadlines import add_working_days, due_date, subdivision
from ..members import get_member, is_confirmed
from . import results
from .results import CHANNELS, EXTRA_ITEMS, GRADES, ITEMS, NEVER  # noqa: F401

DUE_SOON = timedelta(days=7)  # "due within 7 days"
ULTIMATUM = timedelta(days=15)  # the follow-up gives fifteen days from its receipt
POSTAL_DELAY = 3  # working days before a posted letter is deemed received
EXTENSION_MONTHS = 3  # Art. 12(3): two further months on top of the first


class TrackerError(ValueError):
    """A change refused; ``code`` says why (see forms.TRACKER_ERRORS), ``field`` where."""

    def __init__(self, code: str, field: str | None = None):
        super().__init__(code)
        self.code = code
        self.field = field


def _day(value) -> date | None:
    """A stored ISO date as a date (None stays None)."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def estimated_receipt(sent_on: date, channel: str) -> date:
    """When a letter is deemed received: the same day by e-mail or by hand, three working
    days later by post."""
    if channel in ("post", "registered"):
        return add_working_days(sent_on, POSTAL_DELAY)
    return sent_on


def follow_up_received(tracker: dict) -> date | None:
    """When the follow-up reached the landlord (estimated from how it went), if it was sent."""
    sent = _day(tracker.get("followed_up_on"))
    if sent is None:
        return None
    return estimated_receipt(sent, tracker.get("followed_up_channel") or tracker.get("channel"))


def complaint_ready_on(tracker: dict) -> date | None:
    """The first day the complaint pack is ready: the day after the deadline; when a
    follow-up was sent, not before its fifteen days from receipt have run out either (the
    CNIL needs the request and its proof of sending, not a follow-up: review B1)."""
    deadline = _day(tracker.get("deadline_on"))
    if deadline is None:
        return None
    ready = deadline + timedelta(days=1)
    received = follow_up_received(tracker)
    if received is not None:
        ready = max(ready, received + ULTIMATUM)
    return ready


def identity_pending(tracker: dict) -> bool:
    """Whether a justified request for identification awaits the member's reply: the
    period is paused meanwhile (Art. 12(6); EDPB guidelines 01/2022)."""
    return bool(tracker.get("identity_asked_on") and tracker.get("identity_justified")
                and not tracker.get("identity_answered_on"))


def paused_days(tracker: dict) -> int:
    """How many days a justified request for identification paused the period: from the
    landlord's request to the member's reply (none when it was not justified)."""
    asked, answered = _day(tracker.get("identity_asked_on")), _day(tracker.get("identity_answered_on"))
    if not (asked and answered and tracker.get("identity_justified")):
        return 0
    return max((answered - asked).days, 0)


def extension_counts(tracker: dict) -> bool:
    """Whether an extension notice extends the period: with its reasons (Art. 12(3)); a
    notice recorded before reasons were asked (None) is taken as giving them."""
    return bool(tracker.get("extension_notice_on")) and tracker.get("extension_reasons") != 0


def follow_up_due(tracker: dict) -> str | None:
    """Which follow-up is due: "late" once the deadline has passed without an answer,
    "partial" or "refusal" after such an answer; None before the deadline (review A3)."""
    if tracker.get("answered_on"):
        grade = tracker.get("grade")
        if grade == "refusal":
            return "refusal"
        return "partial" if grade in ("partial", "off_point") else None
    if tracker.get("state") in NEVER:
        return "late"
    return None


def state_on(tracker: dict, today: date) -> str:
    """Where the request stands on ``today``."""
    if tracker.get("answered_on"):
        return "answered"
    deadline = _day(tracker.get("deadline_on"))
    if not tracker.get("sent_on") or deadline is None:
        return "to_send"
    if identity_pending(tracker):
        return "awaiting"
    ready = _day(tracker.get("complaint_on")) or complaint_ready_on(tracker)
    if today >= ready:
        return "complaint_ready"
    if today > deadline:
        return "overdue"
    if deadline - today <= DUE_SOON:
        return "due_soon"
    return "awaiting"


def derive(tracker: dict, today: date) -> dict:
    """The tracker with what follows from its dates: the receipt (estimated unless given),
    the due date, the extended one, the deadline in force and the state."""
    row = dict(tracker)
    sent = _day(row.get("sent_on"))
    if sent and (row.get("received_estimated") or not row.get("received_on")):
        row["received_on"] = estimated_receipt(sent, row["channel"]).isoformat()
        row["received_estimated"] = 1
    if not sent:
        row.update(received_on=None, received_estimated=0)
    received = _day(row.get("received_on"))
    subdiv, pause = subdivision(row.get("departement")), paused_days(row)
    row["due_on"] = (due_date(received, subdiv=subdiv, paused_days=pause).isoformat()
                     if received else None)
    row["extended_due_on"] = (due_date(received, EXTENSION_MONTHS, subdiv, pause).isoformat()
                              if received and extension_counts(row) else None)
    row["deadline_on"] = row["extended_due_on"] or row["due_on"]
    ready = complaint_ready_on(row)
    row["complaint_on"] = ready.isoformat() if ready else None
    row["state"] = state_on(row, today)
    return row


def validated(tracker: dict, today: date) -> dict:
    """The tracker with what follows from its dates (``derive``), once they are checked
    (TrackerError otherwise). Dates in the future are refused before anything is computed
    from them: the 31 December 9999 has no due date."""
    refuse_future(tracker, today)
    row = derive(tracker, today)
    check(row, today)
    return row


DATES = ("sent_on", "received_on", "extension_notice_on", "followed_up_on", "answered_on",
         "identity_asked_on", "identity_answered_on", "fee_asked_on")


def refuse_future(tracker: dict, today: date) -> None:
    """Refuse a date entered in the future: what is recorded has happened. Only dates the
    person typed: an estimated receipt (a letter posted today is deemed received in three
    working days) may lie ahead, and then means "not received yet"."""
    for name in DATES:
        if name == "received_on" and tracker.get("received_estimated"):
            continue
        day = _day(tracker.get(name))
        if day and day > today:
            raise TrackerError("future", name)


def check(tracker: dict, today: date) -> None:
    """Refuse dates that cannot be: in the future, before the letter was sent, an extension
    announced after the first month, an answer or a follow-up before sending."""
    refuse_future(tracker, today)
    sent = _day(tracker.get("sent_on"))
    if tracker.get("sent_on") and tracker.get("channel") not in CHANNELS:
        raise TrackerError("channel", "channel")
    for name in DATES[1:]:
        if tracker.get(name) and not sent:
            raise TrackerError("not_sent", name)
        if tracker.get(name) and _day(tracker[name]) < sent:
            raise TrackerError("before_sending", name)
    notice = _day(tracker.get("extension_notice_on"))
    if notice:
        received, due = _day(tracker["received_on"]), _day(tracker["due_on"])
        if notice > due:
            raise TrackerError("extension_late", "extension_notice_on")
        if notice < received and not tracker.get("received_estimated"):
            raise TrackerError("extension_before_receipt", "extension_notice_on")
    asked, answered = _day(tracker.get("identity_asked_on")), _day(tracker.get("identity_answered_on"))
    if answered and not asked:
        raise TrackerError("identity_not_asked", "identity_answered_on")
    if answered and answered < asked:
        raise TrackerError("identity_before_asked", "identity_answered_on")
    if tracker.get("followed_up_on") and tracker.get("followed_up_channel") not in (None, *CHANNELS):
        raise TrackerError("channel", "followed_up_channel")
    if tracker.get("answered_on"):
        if tracker.get("grade") not in GRADES:
            raise TrackerError("grade", "grade")
        if any(item not in ITEMS + EXTRA_ITEMS
               for item in (tracker.get("checklist") or "").split(",") if item):
            raise TrackerError("checklist", "checklist")


def get(db, tracker_id: int, member_id: int | None = None) -> dict | None:
    """A tracker with its campaign's title, slug and controller; None when it does not exist
    or (given ``member_id``) belongs to someone else."""
    tracker = first_row(db, "select t.*, c.title as campaign_title, c.slug as campaign_slug, "
                            "c.controller_name, l.departement from trackers t join campaigns c "
                            "on c.id = t.campaign_id left join landlords l on l.id = "
                            "c.landlord_id where t.id = ?", [tracker_id])
    if tracker is None or (member_id is not None and tracker["member_id"] != member_id):
        return None
    return tracker


def of_member(db, member_id: int) -> list[dict]:
    """The member's trackers, newest campaign first."""
    return list(db.query(
        "select t.*, c.title as campaign_title, c.slug as campaign_slug, c.controller_name "
        "from trackers t join campaigns c on c.id = t.campaign_id where t.member_id = ? "
        "order by c.opens_on desc, t.id desc", [member_id]))


def of_campaign(db, campaign_id: int, member_id: int) -> dict | None:
    """The member's tracker in one campaign, if they follow it."""
    return first_row(db, "select * from trackers where campaign_id = ? and member_id = ?",
                     [campaign_id, member_id])


TRACKER_COLUMNS = ("state", "sent_on", "channel", "received_on", "received_estimated",
                   "due_on", "extension_notice_on", "extension_reasons", "extended_due_on",
                   "deadline_on", "followed_up_on", "followed_up_channel", "complaint_on",
                   "identity_asked_on", "identity_answered_on", "identity_justified",
                   "fee_asked_on", "answered_on", "grade", "checklist", "copy_received",
                   "comments_disclosed", "access_log_disclosed")


def start(db, campaign: dict, member_id: int | None, today: date, is_demo: bool = False,
          **changes) -> int:
    """Follow a campaign (once per member; the existing tracker otherwise), with its first
    dates if given; return the tracker's id."""
    with db.atomic():
        existing = of_campaign(db, campaign["id"], member_id) if member_id else None
        if existing:
            tracker_id = existing["id"]
        else:
            row = validated({"state": "to_send", "departement": campaign.get("departement"),
                             **changes}, today)
            row["counted"] = member_id is None or is_confirmed(get_member(db, member_id))
            tracker_id = db.table("trackers").insert({
                "campaign_id": campaign["id"], "member_id": member_id,
                "created_at": clock.stamp(), "is_demo": int(is_demo),
                "campaign_closed_at": campaign.get("closed_at"),
                **{name: row.get(name) for name in TRACKER_COLUMNS}}).last_pk
            results.apply(db, campaign["id"], [], results.contributions(row))
            return tracker_id
    if changes:
        update(db, tracker_id, today, **changes)
    return tracker_id


def update(db, tracker_id: int, today: date, **changes) -> dict:
    """Change a tracker's dates or answer; refused (TrackerError) when they cannot be.
    Nothing is written unless everything holds; the counters move with it."""
    with db.atomic():
        before = first_row(db, results.COUNTED_TRACKER, [tracker_id])
        if before is None:
            raise TrackerError("gone")
        after = validated({**before, **changes}, today)
        if after["state"] in NEVER and before["state"] not in NEVER:
            # Late as of what the member just entered: they are reading it now.
            after["reminded_on"] = today.isoformat()
        elif after["state"] not in NEVER:
            after["reminded_on"] = None  # should it become late again, remind again
        db.table("trackers").update(tracker_id, {name: after.get(name) for name in
                                                 TRACKER_COLUMNS + ("reminded_on",)})
        results.apply(db, before["campaign_id"], results.contributions(before),
                      results.contributions(after))
    return after


def remove(db, tracker_id: int) -> None:
    """The member stops following: the tracker goes, and so do its counts (it was started
    by mistake or withdrawn; erasure and retention leave the counts, see results.py)."""
    with db.atomic():
        before = first_row(db, results.COUNTED_TRACKER, [tracker_id])
        if before is not None:
            db.execute("delete from trackers where id = ?", [tracker_id])
            results.apply(db, before["campaign_id"], results.contributions(before), [])


def clear_answer() -> dict:
    """The changes that take an answer back (recorded by mistake)."""
    return {"answered_on": None, "grade": None, "checklist": None, "copy_received": None,
            "comments_disclosed": None, "access_log_disclosed": None}
