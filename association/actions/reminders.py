"""Reminders: the daily job (volunteers' tasks on their dashboard, members' e-mail when they
gave an address) and the section of the member space listing the member's answers.

A message to a member is only a kind in the outbox, written when sent: it never names the
action (an e-mail saying where an occupation starts tomorrow must not sit in a mailbox).
"""
from datetime import date, timedelta

from flask_babel import gettext as _

from .. import clock
from ..members import queue_message
from . import rsvps, tasks
from .places import place_for
from ..clock import today as local_today
from ..dates import span_in_words
from .timing import local

MESSAGE_KIND = "action_reminder"


def remind(db, today: date) -> dict:
    """Job: the day before an action, queue its volunteers' tasks on their dashboards and a
    reminder to members who answered with their key and gave an e-mail address."""
    queued_tasks = tasks.queue_reminders(db, today)
    messages = 0
    for action in tasks.starting_on(db, today + timedelta(days=1)):
        for row in db.query(
                "select r.member_id from action_rsvps r join members m on m.id = r.member_id "
                "where r.action_id = ? and m.contact_email is not null", [action["id"]]):
            queue_message(db, row["member_id"], MESSAGE_KIND)
            messages += 1
    return {"tasks": queued_tasks, "messages": messages}


def compose() -> tuple[str, str]:
    """The reminder e-mail, in the member's language: no title, place or time in it."""
    paragraphs = (
        _("Hello,"),
        _("You said you would come to an action of the association that takes place "
          "tomorrow. Open your personal space with your key to see when and where."),
        _("If you can no longer come, you can cancel your answer there: it frees a place."),
    )
    return _("Reminder: an action tomorrow"), "\n\n".join(paragraphs) + "\n"


def member_section(db, member: dict) -> dict | None:
    """The member's answers to actions not over yet, with a reminder for today's and
    tomorrow's (nothing is drawn when there are none)."""
    answers = rsvps.of_member(db, member["id"])
    if not answers:
        return None
    today = local_today()
    shown = []
    for action in answers:
        day = local(action["starts_at"]).date()
        shown.append({
            "action": action, "when": span_in_words(action["starts_at"], action["ends_at"]),
            "place": place_for(action, answered=True),
            "soon": "today" if day == today else "tomorrow" if day == today + timedelta(days=1)
            else None,
            "started": clock.parse(action["starts_at"]) <= clock.now(),
        })
    return {"answers": shown}
