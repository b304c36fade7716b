"""The volunteers' demo content: demo accounts through the invitation path."""
from . import accounts
from .commands import invitation_link


def load(db) -> list[str]:
    """Demo accounts through the invitation path, once each; the lines to print (their
    single-use links)."""
    buildings = [row["id"] for row in db.query(
        "select id from buildings where is_demo = 1 order by id")]
    made = []
    for login, role, scope in (("demo-admin", "admin", []),
                               ("demo-benevole", "volunteer", buildings[:1]),
                               ("demo-redaction", "editor", [])):
        if accounts.by_login(db, login):
            continue
        _, token = accounts.create(db, login, role, scope, is_demo=True)
        made.append(f"  {login}: {invitation_link(token)}")
    hours = int(accounts.INVITATION_LIFETIME.total_seconds() // 3600)
    if made:
        made.insert(0, f"Demo volunteer accounts (each link works once, for {hours} hours):")
    return made
