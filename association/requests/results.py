"""The campaigns' public results, kept as counters rather than computed from the trackers.

Each tracker contributes a few named counts (its state, whether it was answered on time, the
days the answer took, each article 15 item the answer lacked...). Every write to a tracker
applies the difference between its contributions before and after, in the same transaction,
so the results page reads a few hundred rows whatever the number of trackers. A tracker
deleted by erasure or by the retention purge leaves its last contributions behind: that is
what "reduced to anonymous counts" means, and the public page keeps telling the campaign's
story. A tracker the member removes on purpose (made by mistake) is taken out of the counts.

Only trackers that a free key cannot make are counted (issue 19: two throwaway trackers
turned a hidden ``extended`` into an exact 1, then were withdrawn): those of a key a volunteer
confirmed in person, and those that belong to no key (the association's own, such as the
demo's). A tracker is read with ``counted`` (``COUNTED``) and contributes nothing without it;
when a key is confirmed, its trackers' contributions are added (``count_member``, run inside
the confirmation's transaction). So a figure under 3 cannot be learned by adding and removing
one's own trackers: unconfirmed ones never move the counters.
"""
from collections import Counter
from datetime import date

from ..counts import MIN_GROUP, shown
from ..members import CONFIRMED

STATES = ("to_send", "awaiting", "due_soon", "overdue", "answered", "complaint_ready")
NEVER = ("overdue", "complaint_ready")  # past the deadline with no answer yet
ITEMS = ("a", "b", "c", "d", "e", "f", "g", "h")  # required by Art. 15(1)
# Asked for in addition, not owed: the functions of the staff who can read the file (their
# identity is owed only exceptionally; CJEU C-579/21, Pankki S). Counted as given, never as
# missing. An answer recorded before "c" was split (it read "recipients, staff roles and
# subcontractors") gave both: see the requests' migration m003.
EXTRA_ITEMS = ("staff",)
GRADES = ("complete", "partial", "refusal", "off_point")
CHANNELS = ("email", "post", "registered", "hand")
DISCLOSURES = ("copy_received", "comments_disclosed", "access_log_disclosed")
# SQL on ``trackers t left join members m on m.id = t.member_id``: whether the tracker counts.
COUNTED = f"(t.member_id is null or m.{CONFIRMED})"
# A tracker with whether it counts, by its id.
COUNTED_TRACKER = (f"select t.*, {COUNTED} as counted, l.departement from trackers t "
                   f"left join members m on m.id = t.member_id "
                   f"left join campaigns c on c.id = t.campaign_id "
                   f"left join landlords l on l.id = c.landlord_id where t.id = ?")


def contributions(tracker: dict | None) -> list[str]:
    """The counters one tracker adds to its campaign's results: none for no tracker, nor for
    one that does not count (``counted`` false: made with a key nobody confirmed)."""
    if not tracker or not tracker.get("counted"):
        return []
    found = ["participants", f"state:{tracker['state']}"]
    if tracker.get("sent_on"):
        found += ["sent", f"sent_month:{tracker['sent_on'][:7]}",
                  f"channel:{tracker.get('channel')}"]
    if tracker.get("extended_due_on"):
        found.append("extended")
    if tracker["state"] in NEVER:
        found.append("timeliness:never")
    if tracker.get("answered_on"):
        answered = tracker["answered_on"]
        on_time = tracker.get("deadline_on") is None or answered <= tracker["deadline_on"]
        found += ["answered", f"answered_month:{answered[:7]}", f"grade:{tracker.get('grade')}",
                  "timeliness:on_time" if on_time else "timeliness:late"]
        if tracker.get("received_on"):
            days = (date.fromisoformat(answered) - date.fromisoformat(tracker["received_on"])).days
            found.append(f"days:{max(days, 0):04d}")
        given = set((tracker.get("checklist") or "").split(","))
        found += [f"missing:{item}" for item in ITEMS if item not in given]
        found += [name for name in DISCLOSURES if tracker.get(name)]
        found += [f"given:{item}" for item in EXTRA_ITEMS if item in given]
    return found


def apply(db, campaign_id: int, before: list[str], after: list[str]) -> None:
    """Move the campaign's counters from one set of contributions to another."""
    delta = Counter(after)
    delta.subtract(Counter(before))
    add(db, campaign_id, delta)


def add(db, campaign_id: int, delta: Counter) -> None:
    """Add signed amounts to the campaign's counters."""
    changes = [(campaign_id, name, n) for name, n in delta.items() if n]
    if changes:
        db.conn.executemany(
            "insert into campaign_counts (campaign_id, name, n) values (?, ?, ?) "
            "on conflict (campaign_id, name) do update set n = n + excluded.n", changes)


def count_member(db, member_id: int) -> None:
    """A member's key was just confirmed: their trackers count from now on (inside the
    confirmation's transaction; ``MemberSpace.key_confirmed``)."""
    deltas = {}
    for tracker in db.query("select * from trackers where member_id = ?", [member_id]):
        deltas.setdefault(tracker["campaign_id"], Counter()).update(
            contributions({**tracker, "counted": True}))
    for campaign_id, delta in deltas.items():
        add(db, campaign_id, delta)


def split_recipients(db) -> None:
    """Article 15(1)(c) split (issue 22): an answer recorded as giving "c" when it read
    "recipients, staff roles and subcontractors" gave the staff roles too, so it gains the
    extra item "staff", and its campaign's counters with it (the requests' migration m003)."""
    deltas = Counter()
    for tracker_id, campaign_id, checklist, counted in db.execute(
            f"select t.id, t.campaign_id, t.checklist, {COUNTED} from trackers t left join "
            f"members m on m.id = t.member_id where t.answered_on is not null").fetchall():
        items = [item for item in (checklist or "").split(",") if item]
        if "c" in items and "staff" not in items:
            db.execute("update trackers set checklist = ? where id = ?",
                       [",".join(sorted(items + ["staff"])), tracker_id])
            if counted:
                deltas[campaign_id] += 1
    for campaign_id, n in deltas.items():
        add(db, campaign_id, Counter({"given:staff": n}))


def uncount_unconfirmed(db) -> None:
    """Take the trackers of unconfirmed keys out of the counters (once, when counting only
    confirmed keys began: see the requests' migration m002)."""
    deltas = {}
    for tracker in db.query(f"select t.* from trackers t join members m on m.id = t.member_id "
                            f"where not m.{CONFIRMED}"):
        deltas.setdefault(tracker["campaign_id"], Counter()).subtract(
            contributions({**tracker, "counted": True}))
    for campaign_id, delta in deltas.items():
        add(db, campaign_id, delta)


def counters(db, campaign_id: int) -> dict[str, int]:
    """Every counter of a campaign (a read of its primary key's range)."""
    return {row[0]: row[1] for row in db.execute(
        "select name, n from campaign_counts where campaign_id = ?", [campaign_id])}


def median_days(histogram: dict[int, int]) -> float | None:
    """The median of a histogram {days: how many}, or None when it is empty."""
    total = sum(histogram.values())
    if not total:
        return None
    wanted = {(total - 1) // 2, total // 2}  # one position, or the two middle ones
    values, seen = [], 0
    for days in sorted(histogram):
        values += [days for position in wanted if seen <= position < seen + histogram[days]]
        seen += histogram[days]
    return sum(values) / len(values)


def _share(part: int | None, whole: int) -> float | None:
    """A published share: only when both the part and the whole may be published."""
    if part is None or whole < MIN_GROUP:
        return None
    return round(part / whole, 3)


def results(db, campaign_id: int) -> dict:
    """The campaign's public results; a count of 1 or 2 is None ("1 or 2"). What the answers
    hold is published once 3 answers are in (and reads 0 while there is none)."""
    raw = counters(db, campaign_id)
    answered = raw.get("answered", 0)
    of_answers = answered == 0 or answered >= MIN_GROUP
    histogram = {int(name[5:]): n for name, n in raw.items() if name.startswith("days:") and n}
    items = {}
    for item in ITEMS:
        missing = shown(raw.get(f"missing:{item}", 0)) if of_answers else None
        items[item] = {"missing": missing, "share_missing": _share(missing, answered)}
    disclosures = {}
    for name in DISCLOSURES:
        count = shown(raw.get(name, 0)) if of_answers else None
        disclosures[name] = {"count": count, "share": _share(count, answered)}
    extras = {}
    for item in EXTRA_ITEMS:
        count = shown(raw.get(f"given:{item}", 0)) if of_answers else None
        extras[item] = {"given": count, "share_given": _share(count, answered)}
    return {
        "min_group": MIN_GROUP,
        "participants": shown(raw.get("participants", 0)),
        "sent": shown(raw.get("sent", 0)),
        "states": {state: shown(raw.get(f"state:{state}", 0)) for state in STATES},
        "timeliness": {kind: shown(raw.get(f"timeliness:{kind}", 0))
                       for kind in ("on_time", "late", "never")},
        "extended": shown(raw.get("extended", 0)),
        "answered": shown(answered),
        "grades": {grade: shown(raw.get(f"grade:{grade}", 0)) for grade in GRADES},
        "median_days_to_answer": median_days(histogram) if answered >= MIN_GROUP else None,
        "items": items,
        "extra_items": extras,
        **disclosures,
    }


def monthly(db, months: list[str]) -> dict[str, dict[str, int]]:
    """Requests sent and answers received per month, every campaign together (for the
    transparency report): {"sent": {month: n}, "answered": {month: n}}."""
    found = {"sent": {}, "answered": {}}
    for name, n in db.execute(
            "select name, sum(n) from campaign_counts where name like 'sent_month:%' "
            "or name like 'answered_month:%' group by name"):
        kind, month = name.split("_month:")
        if month in months:
            found[kind][month] = n
    return found
