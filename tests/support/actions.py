"""Actions in tests: a public action with its checklist and an answer "I'll come"."""
from datetime import timedelta

from association.db import connect

def add_action(app, days=10, **fields):
    """A public action in ``days`` days with its checklist and, when it is still to come,
    one answer "I'll come"; return (action id, its first task's id, the answer's token)."""
    from association.actions import agenda, rsvps

    start = app.config["CLOCK"]() + timedelta(days=days)
    values = {"kind": "general_assembly", "title": "Assemblée générale", "place": "Salle A",
              "visibility": "public", "starts_at": start,
              "ends_at": start + timedelta(hours=2), **fields}
    db = connect(app.config["DATABASE"])
    with app.app_context():
        action = agenda.create(db, values)
        token = rsvps.answer(db, action) if days > 0 else None
    task = db.execute("select min(id) from action_tasks where action_id = ?", [action]).fetchone()[0]
    db.close()
    return action, task, token
