"""What actions lend the core and other pages: the home page's next actions, the member
space's answers, the volunteers' dashboard notices (their tasks), what erasing a member does
to their answers, and what a communiqué about a past action starts from."""
from datetime import timedelta

from flask_babel import gettext, ngettext
from flask_babel import lazy_gettext as _l
from markupsafe import escape

from .. import clock
from ..capability import DraftSource
from ..clock import today as local_today
from ..dates import in_words, span_in_words
from . import agenda, rsvps
from .afterwards import draft_text, recent_past
from .kinds import task_label
from .shown import shown_to
from .places import place_for
from .timing import local

SOON = timedelta(days=7)  # tasks nobody took are pointed out this long before the action


def _when(starts_at: str) -> str:
    return in_words(starts_at)


class Notice:
    """A dashboard notice holding text a volunteer wrote (a title): translated when shown,
    and escaped as a whole in pages (Flask-Babel's lazy strings count as safe HTML)."""

    def __init__(self, render):
        self.render = render

    def __str__(self) -> str:
        return self.render()

    def __html__(self) -> str:
        return str(escape(str(self)))



HOME_COUNT = 3


def home_section(db) -> dict | None:
    """The next public actions (cancelled ones left out), for the home page; None when none
    is planned, so that the home page makes no empty promise."""
    coming = [a for a in agenda.upcoming(db, agenda.Viewer(), limit=HOME_COUNT + 3)
              if a["status"] != "cancelled"][:HOME_COUNT]
    if not coming:
        return None
    return {"items": [shown_to(action) for action in coming]}


def notices(db, volunteer) -> list:
    """For the dashboard: the volunteer's reminded tasks, and tasks nobody took for actions
    of the coming week."""
    if not volunteer.has_role("volunteer"):
        return []
    now = clock.now()
    found = []
    for row in db.query(
            "select t.*, a.title, a.starts_at from action_tasks t join actions a on "
            "a.id = t.action_id where t.assignee_id = ? and t.reminded_on is not null and "
            "t.done_at is null and a.ends_at > ? and a.status = 'planned' order by a.starts_at",
            [volunteer.id, clock.stamp(now)]):
        found.append(Notice(lambda row=row: gettext(
            "Reminder: “%(task)s” for “%(title)s” (%(when)s).", task=str(task_label(row)),
            title=row["title"] or "…", when=_when(row["starts_at"]))))
    for row in db.query(
            "select a.id, a.title, a.starts_at, count(*) as open from actions a join "
            "action_tasks t on t.action_id = a.id where a.status = 'planned' and "
            "a.starts_at > ? and a.starts_at <= ? and t.assignee_id is null and "
            "t.done_at is null group by a.id order by a.starts_at",
            [clock.stamp(now), clock.stamp(now + SOON)]):
        found.append(Notice(lambda row=row: ngettext(
            "%(num)s task of “%(title)s” (%(when)s) has not been taken by anyone.",
            "%(num)s tasks of “%(title)s” (%(when)s) have not been taken by anyone.",
            row["open"], title=row["title"] or "…", when=_when(row["starts_at"]))))
    return found


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


def member_uses(db, member_id: int) -> list:
    """What erasing a member does to their answers, for the confirmation page."""
    count = db.table("action_rsvps").count_where("member_id = ?", [member_id])
    if not count:
        return []
    return [ngettext(
        "Your answer to %(num)s action is deleted; the number of people expected stays as it is.",
        "Your answers to %(num)s actions are deleted; the numbers of people expected stay as they "
        "are.", count)]


SOURCE = DraftSource(_l("an action that took place"), recent_past, draft_text)
