"""Reminders: the daily job (volunteers' tasks on their dashboard, members' e-mail when they
gave an address) and the section of the member space listing the member's answers.

A message to a member is only a kind in the outbox, written when sent: it never names the
action (an e-mail saying where an occupation starts tomorrow must not sit in a mailbox).
"""
from datetime import date, timedelta

from flask_babel import gettext as _

from ..members import queue_message
from . import tasks

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
