"""What the volunteers lend the core and other pages: what deleting a building does to
accounts, the logins the audit log shows, and what the package registers on the app."""
from flask_babel import ngettext

from . import auth, commands


def logins(db, ids: list[str]) -> dict[str, str]:
    """The logins of these accounts by id (as strings, as the audit log keeps ids)."""
    wanted = [int(i) for i in ids if str(i).isdigit()]
    if not wanted:
        return {}
    return {str(row["id"]): row["login"] for row in db.query(
        f"select id, login from volunteers where id in ({','.join('?' * len(wanted))})",
        wanted)}


def building_uses(db, building_id: int) -> list:
    """What deleting a building does to accounts, for its confirmation page."""
    scoped = db.table("volunteer_buildings").count_where("building_id = ?", [building_id])
    if not scoped:
        return []
    return [ngettext("%(num)s volunteer will lose access to this building.",
                     "%(num)s volunteers will lose access to this building.", scoped)]


def init_app(app) -> None:
    """Sign-in (the login manager, the session check) and the ``create-admin`` command."""
    auth.init_app(app)
    commands.init_app(app)
