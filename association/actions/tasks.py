"""Each action's checklist: volunteers take tasks under their pseudonym and tick them off;
the day before, the daily job puts each volunteer's tasks on their dashboard."""
from datetime import date, datetime, time, timedelta, timezone


from .. import audit
from .. import clock
from ..db import first_row


def of_action(db, action_id: int) -> list[dict]:
    """The action's checklist, in order."""
    return list(db.query("select * from action_tasks where action_id = ? order by position, id",
                         [action_id]))


def get(db, action_id: int, task_id: int) -> dict | None:
    """One task of the action, or None."""
    return first_row(db, "select * from action_tasks where id = ? and action_id = ?",
                     [task_id, action_id])


def add(db, action: dict, label: str, flags: str | None, *, by) -> int:
    """Add a task written by the volunteer ``by`` at the end of the checklist, with its audit
    entry; return its id."""
    with db.atomic():
        position = db.execute("select coalesce(max(position), -1) + 1 from action_tasks "
                              "where action_id = ?", [action["id"]]).fetchone()[0]
        task_id = db.table("action_tasks").insert({
            "action_id": action["id"], "label": label.strip(), "label_flags": flags,
            "position": position, "action_ends_at": action["ends_at"],
            "created_at": clock.stamp()}).last_pk
        audit.record(db, by, "create", "action_task", task_id)
        return task_id


def remove(db, task_id: int, *, by) -> None:
    """Remove a task from its checklist, with the audit entry of the volunteer ``by``."""
    with db.atomic():
        db.execute("delete from action_tasks where id = ?", [task_id])
        audit.record(db, by, "delete", "action_task", task_id)


def take(db, task_id: int, volunteer) -> bool:
    """The volunteer takes the task, under their pseudonym, unless someone else has it (the
    audit entry, theirs, is written with it)."""
    with db.atomic():
        moved = db.execute("update action_tasks set assignee_id = ?, assignee_login = ? "
                           "where id = ? and (assignee_id is null or assignee_id = ?)",
                           [volunteer.id, volunteer.login, task_id, volunteer.id])
        if moved.rowcount == 1:
            audit.record(db, volunteer, "update", "action_task", task_id)
    return moved.rowcount == 1


def release(db, task_id: int, *, by) -> None:
    """Nobody holds the task any more (its reminder goes with it); the volunteer ``by`` has
    the audit entry."""
    with db.atomic():
        db.execute("update action_tasks set assignee_id = null, assignee_login = null, "
                   "reminded_on = null where id = ?", [task_id])
        audit.record(db, by, "update", "action_task", task_id)


def toggle_done(db, task_id: int, *, by) -> bool:
    """Tick the task off, or untick it, with the audit entry of the volunteer ``by``; return
    whether it is now done."""
    with db.atomic():
        db.execute("update action_tasks set done_at = case when done_at is null then ? end "
                   "where id = ?", [clock.stamp(), task_id])
        audit.record(db, by, "update", "action_task", task_id)
        return db.execute("select done_at is not null from action_tasks where id = ?",
                          [task_id]).fetchone()[0] == 1


def progress(db, action_ids: list[int]) -> dict[int, tuple[int, int]]:
    """(done, total) tasks per action."""
    if not action_ids:
        return {}
    marks = ",".join("?" * len(action_ids))
    return {row["action_id"]: (row["done"], row["total"]) for row in db.query(
        f"select action_id, count(done_at) as done, count(*) as total from action_tasks "
        f"where action_id in ({marks}) group by action_id", action_ids)}


def _day_bounds(day: date) -> tuple[str, str]:
    """The UTC stamps of a local day's start and of the next day's start."""
    zone = clock.zone()
    start = datetime.combine(day, time.min, zone).astimezone(timezone.utc)
    end = datetime.combine(day + timedelta(days=1), time.min, zone).astimezone(timezone.utc)
    return start.isoformat(timespec="seconds"), end.isoformat(timespec="seconds")


def starting_on(db, day: date) -> list[dict]:
    """Planned actions that start on this local day."""
    start, end = _day_bounds(day)
    return list(db.query("select * from actions where status = 'planned' and starts_at >= ? "
                         "and starts_at < ? order by starts_at", [start, end]))


def queue_reminders(db, today: date) -> int:
    """Put the tasks of tomorrow's actions on their volunteers' dashboards; return how many.
    Tasks done already, and tasks nobody took, get none."""
    queued = 0
    for action in starting_on(db, today + timedelta(days=1)):
        queued += db.execute(
            "update action_tasks set reminded_on = ? where action_id = ? and assignee_id is "
            "not null and done_at is null and reminded_on is null",
            [today.isoformat(), action["id"]]).rowcount
    return queued
