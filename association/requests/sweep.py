"""The daily sweep: trackers move on with the calendar, and late ones are reminded.

It reads only the trackers whose state can change today (by state and deadline, through
their index), moves them and their campaign's counters in one transaction, and queues a
reminder (a message kind, never text) for members who gave an e-mail address. Everyone
sees the reminder in their space anyway.
"""
from collections import Counter, defaultdict
from datetime import date

from ..members import queue_message
from . import results
from .trackers import DUE_SOON, NEVER, state_on

OVERDUE_MESSAGE = "request_overdue"
COMPLAINT_MESSAGE = "request_complaint_ready"


def run(db, today: date) -> dict:
    """Job: move every tracker to its state on ``today``; queue reminders."""
    soon, day = (today + DUE_SOON).isoformat(), today.isoformat()
    moved, reminders, deltas = Counter(), Counter(), defaultdict(Counter)
    with db.atomic():
        rows = db.execute(
            f"select t.*, m.contact_email is not null as reachable, {results.COUNTED} as counted "
            "from trackers t "
            "left join members m on m.id = t.member_id where "
            "(t.state = 'awaiting' and t.deadline_on <= ?) or "
            "(t.state = 'due_soon' and t.deadline_on < ?) or "
            # complaint_on: the day after the deadline, or after the follow-up's own fifteen
            # days (unknown for a tracker last written before it was kept: the state decides)
            "(t.state = 'overdue' and coalesce(t.complaint_on, t.deadline_on) <= ?)",
            [soon, day, day])
        names = [column[0] for column in rows.description]
        updates, messages = [], []
        for values in rows.fetchall():
            before = dict(zip(names, values))
            after = {**before, "state": state_on(before, today)}
            if after["state"] == before["state"]:
                continue
            reminded = before["reminded_on"]
            newly_late = after["state"] in NEVER and before["state"] not in NEVER
            if newly_late:
                reminded = today.isoformat()
            delta = deltas[before["campaign_id"]]
            delta.update(results.contributions(after))
            delta.subtract(results.contributions(before))
            updates.append((after["state"], reminded, before["id"]))
            moved[after["state"]] += 1
            if before["reachable"]:
                if after["state"] == "complaint_ready":
                    messages.append((before["member_id"], COMPLAINT_MESSAGE))
                elif newly_late:
                    messages.append((before["member_id"], OVERDUE_MESSAGE))
        db.conn.executemany("update trackers set state = ?, reminded_on = ? where id = ?",
                            updates)
        for campaign_id, delta in deltas.items():
            results.add(db, campaign_id, delta)
        for member_id, kind in messages:
            queue_message(db, member_id, kind)
            reminders[kind] += 1
    return {"moved": dict(moved), "reminders": dict(reminders)}
