"""A write and its audit entry are one transaction (issue 20): views never write to the audit
log, the model function that writes does, so that a failure of either half — forced here by a
SQLite trigger, through real requests — leaves neither in the database."""
import ast
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from association.db import connect
from conftest import add_action, add_building, csrf_token, report

PACKAGE = Path(__file__).resolve().parent.parent / "association"
ROUTE_DECORATORS = {"route", "get", "post", "put", "patch", "delete"}
AUDIT_SQL = re.compile(r"(?i)\b(into|from|update|join)\s+audit_(log|tallies)\b")


# --- no view writes an audit entry ------------------------------------------------------------

def _is_view_module(tree: ast.Module) -> bool:
    """A module that defines a blueprint or routes (``@bp.get``, ``app.add_url_rule``)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            called = node.func.attr if isinstance(node.func, ast.Attribute) \
                else getattr(node.func, "id", None)
            if called in ("Blueprint", "add_url_rule"):
                return True
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for decorator in node.decorator_list:
                target = decorator.func if isinstance(decorator, ast.Call) else decorator
                if isinstance(target, ast.Attribute) and target.attr in ROUTE_DECORATORS:
                    return True
    return False


def _audit_uses(tree: ast.Module) -> list[str]:
    """Where a module reaches the audit log itself: imports ``audit`` (or from it), calls
    ``audit.…``, or writes SQL on the log's tables."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if (node.module or "").split(".")[-1] == "audit" \
                    or any(alias.name == "audit" for alias in node.names):
                found.append(f"line {node.lineno}: imports audit")
        elif isinstance(node, ast.Import):
            if any(alias.name.split(".")[-1] == "audit" for alias in node.names):
                found.append(f"line {node.lineno}: imports audit")
        elif isinstance(node, ast.Attribute) and (
                isinstance(node.value, ast.Name) and node.value.id == "audit"
                or isinstance(node.value, ast.Attribute) and node.value.attr == "audit"):
            found.append(f"line {node.lineno}: audit.{node.attr}")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and (
                AUDIT_SQL.search(node.value) or node.value in ("audit_log", "audit_tallies")):
            found.append(f"line {node.lineno}: SQL on the audit log")
    return found


def _view_modules() -> dict[str, ast.Module]:
    modules = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(), filename=str(path))
        if _is_view_module(tree):
            modules[str(path.relative_to(PACKAGE))] = tree
    return modules


def test_no_view_module_reaches_the_audit_log():
    """Views parse, call and render: no module defining routes imports ``audit``, calls it or
    writes SQL on its tables; reads that must be logged go through model or privacy
    functions."""
    modules = _view_modules()
    assert {"grievances/volunteer_views.py", "volunteers/admin_views.py", "actions/volunteer_views.py",
            "members/views.py", "requests/volunteer_views.py", "grievances/views.py"} <= set(modules)
    found = {name: uses for name, tree in modules.items() if (uses := _audit_uses(tree))}
    assert found == {}


def test_the_check_sees_every_way_into_the_log():
    """The check is not blind: each way a view could write an entry is caught."""
    for source in ("from .. import audit, clock", "from ..audit import record",
                   "import association.audit", "association.audit.record(db)",
                   "db.execute('insert into audit_log (action) values (?)', ['x'])",
                   "db.table('audit_log').insert({})"):
        assert _audit_uses(ast.parse(source)), source
    assert _is_view_module(ast.parse("@bp.post('/x')\ndef x():\n    pass"))
    assert not _is_view_module(ast.parse("def record(db):\n    pass"))


# --- a failure of either half leaves neither -------------------------------------------------

def _signed_in(app, volunteers, login, role="volunteer", buildings=()):
    account = volunteers.create(login, role, list(buildings))
    client = app.test_client()
    assert volunteers.login(client, account).status_code == 302
    return client


@dataclass
class Act:
    """One act a volunteer does through HTTP: the request, what it changes (a query and its
    parameters), its audit entry and the table its write touches."""

    client: object
    url: str
    data: dict
    state: str
    params: list
    entry: tuple[str, str]
    table: str


def status_change(app, volunteers) -> Act:
    """Triage: a report moves from "new" to "checked"; its tenant is told."""
    building = add_building(app, "Bâtiment A")
    grievance = report(app.test_client(), building)
    client = _signed_in(app, volunteers, "ana", "volunteer", [building])
    page = f"/benevoles/signalements/{grievance['id']}"
    return Act(client, f"{page}/statut",
               {"csrf_token": csrf_token(client, page), "status-status": "checked"},
               "select status, (select count(*) from outbox) from grievances where id = ?",
               [grievance["id"]], ("update", "grievance"), "grievances")


def role_change(app, volunteers) -> Act:
    """An administrator makes a volunteer an editor."""
    client = _signed_in(app, volunteers, "root-admin", "admin")
    target, _token = volunteers.invite("marie")
    page = f"/benevoles/admin/comptes/{target}"
    return Act(client, page, {"csrf_token": csrf_token(client, page), "role": "editor"},
               "select role from volunteers where id = ?", [target], ("update", "volunteer"),
               "volunteers")


def case_step(app, volunteers) -> Act:
    """A case's demands, which its letter states."""
    building = add_building(app, "Bâtiment A")
    grievance = report(app.test_client(), building)
    client = _signed_in(app, volunteers, "cas", "volunteer", [building])
    token = csrf_token(client, "/benevoles/dossiers/")
    made = client.post("/benevoles/dossiers/nouveau", data={
        "csrf_token": token, "building": building, "category": "damp", "title": "Humidité",
        "grievances": [grievance["id"]]})
    case_id = int(made.headers["Location"].rsplit("/", 1)[1])
    return Act(client, f"/benevoles/dossiers/{case_id}/revendications",
               {"csrf_token": token, "demands-demands": "Un diagnostic de la ventilation."},
               "select demands from cases where id = ?", [case_id], ("update", "case"),
               "cases")


def task_ticked(app, volunteers) -> Act:
    """An action's task ticked off on its checklist."""
    action, task, _token = add_action(app)
    client = _signed_in(app, volunteers, "lina")
    return Act(client, f"/benevoles/actions/{action}/taches/{task}/faite",
               {"csrf_token": csrf_token(client, f"/benevoles/actions/{action}")},
               "select done_at from action_tasks where id = ?", [task],
               ("update", "action_task"), "action_tasks")


ACTS = [status_change, role_change, case_step, task_ticked]


def _state(app, act: Act) -> tuple:
    """What the act changes, and how many of its audit entries the log holds."""
    db = connect(app.config["DATABASE"])
    state = tuple(db.execute(act.state, act.params).fetchone())
    entries = db.execute("select count(*) from audit_log where action = ? and object_type = ?",
                         list(act.entry)).fetchone()[0]
    db.close()
    return state, entries


def _trigger(app, sql: str) -> None:
    db = connect(app.config["DATABASE"])
    db.execute(sql)
    db.close()


def _failed_request(app, act: Act):
    """The act's request, answered as in production: an unexpected error is a 500 page."""
    app.config["PROPAGATE_EXCEPTIONS"] = False
    response = act.client.post(act.url, data=act.data)
    app.config["PROPAGATE_EXCEPTIONS"] = None
    return response


def _then_it_works(app, act: Act, before: tuple) -> None:
    """Once the trigger is gone, the same request changes the record and logs it: the failure
    above was the act's own, not a request that never reached it."""
    assert act.client.post(act.url, data=act.data).status_code in (200, 302, 303)
    state, entries = _state(app, act)
    assert state != before[0] and entries == before[1] + 1


@pytest.mark.parametrize("make", ACTS, ids=lambda make: make.__name__)
def test_an_audit_entry_that_fails_takes_its_write_with_it(app, volunteers, make):
    """The entry's insert is refused after the write was made, in the same request: the
    volunteer gets an error page, and neither the change nor its entry is in the database."""
    act = make(app, volunteers)
    before = _state(app, act)
    action, object_type = act.entry
    _trigger(app, "create trigger forced before insert on audit_log when new.action = "
                  f"'{action}' and new.object_type = '{object_type}' "
                  "begin select raise(abort, 'forced'); end")
    assert _failed_request(app, act).status_code == 500
    assert _state(app, act) == before
    _trigger(app, "drop trigger forced")
    _then_it_works(app, act, before)


@pytest.mark.parametrize("make", ACTS, ids=lambda make: make.__name__)
def test_a_write_that_fails_leaves_no_audit_entry(app, volunteers, make):
    """The reverse: the write itself is refused, and no entry claims it happened."""
    act = make(app, volunteers)
    before = _state(app, act)
    event = "insert" if act.table == "grievance_notes" else "update"
    _trigger(app, f"create trigger forced before {event} on {act.table} "
                  "begin select raise(abort, 'forced'); end")
    assert _failed_request(app, act).status_code == 500
    assert _state(app, act) == before
    _trigger(app, "drop trigger forced")
    _then_it_works(app, act, before)


def test_an_account_enabled_meanwhile_is_not_deleted(app, volunteers, db):
    """Whether an account is disabled is read under the deletion's lock, not only by the page
    that asked: an account enabled again since is kept, and nothing is logged."""
    from association.volunteers import accounts

    admin = volunteers.create("root-admin", "admin")
    target, _token = volunteers.invite("marie")
    with app.app_context():
        with pytest.raises(accounts.AccountError, match="still_enabled"):
            accounts.delete(db, target, by={"id": admin.id, "login": admin.login})
        accounts.set_disabled(db, target, True, by={"id": admin.id, "login": admin.login})
        accounts.delete(db, target, by={"id": admin.id, "login": admin.login})
    assert db.table("volunteers").count_where("id = ?", [target]) == 0
    assert [tuple(row) for row in db.execute(
        "select action, object_id from audit_log where object_type = 'volunteer' "
        "and volunteer_id = ? order by id", [admin.id])][-2:] == \
        [("disable", str(target)), ("delete", str(target))]
