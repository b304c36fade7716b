"""Confirm-then-act, one way: every "are you sure?" page is shown by ``forms.confirmed``."""
import ast
from pathlib import Path

from conftest import add_campaign, csrf_token, page_text

PACKAGE = Path(__file__).resolve().parent.parent / "association"


def _unguarded(tree: ast.Module, name: str) -> list[int]:
    """Lines where ``name`` is called outside an ``if not confirmed():`` block, or in a
    helper function that is itself called outside one."""
    guarded = {id(node) for branch in ast.walk(tree) if isinstance(branch, ast.If)
               and ast.unparse(branch.test) == "not confirmed()"
               for statement in branch.body for node in ast.walk(statement)}
    lines = []
    for function in (n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)):
        for node in ast.walk(function):
            if isinstance(node, ast.Call) and ast.unparse(node.func) == name \
                    and id(node) not in guarded:
                helper = function.name.startswith("_") and any(
                    isinstance(call, ast.Call) and ast.unparse(call.func) == function.name
                    for call in ast.walk(tree))
                lines += _unguarded(tree, function.name) if helper else [node.lineno]
    return lines


def test_every_confirmation_page_goes_through_confirmed():
    """A view that draws a ``Confirmation`` page does so under ``if not confirmed():`` (or
    through a helper only called there): no view checks the method and the button's token
    by hand."""
    stray = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        stray += [f"{path.relative_to(PACKAGE)}:{line}" for line in
                  _unguarded(tree, "Confirmation")]
    assert stray == []


def test_a_confirmed_action_needs_its_token(app, volunteers, db):
    """GET shows the page and changes nothing; a POST without the form's token is refused
    (400) and changes nothing; with it, the action is carried out."""
    add_campaign(app)
    admin = volunteers.create("root-admin", "admin")
    client = app.test_client()
    volunteers.login(client, admin)
    url = "/benevoles/campagnes/1/supprimer"
    assert "Delete the campaign" in page_text(client.get(url + "?lang=en"))
    assert client.post(url).status_code == 400
    assert db.table("campaigns").count == 1
    client.post(url, data={"csrf_token": csrf_token(client, "/benevoles/")})
    assert db.table("campaigns").count == 0
