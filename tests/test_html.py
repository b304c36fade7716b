"""Every page is valid HTML, checked by the Nu HTML Checker (installed by `make test`)."""
import json
import subprocess
from pathlib import Path

import pytest

from conftest import add_building, csrf_token

VNU = Path(__file__).resolve().parent.parent / ".venv" / "vnu" / "vnu.jar"


def pages(app, volunteers) -> dict[str, str]:
    """The HTML of every kind of page, as the roles who may see them get them."""
    building = add_building(app, "Bâtiment A")
    admin = volunteers.create("html-admin", "admin")
    target_id, token = volunteers.invite("html-target", "volunteer", [building])
    found = {}
    anonymous = app.test_client()
    for path in ("/", "/?lang=en", "/donnees", "/transparence", "/benevoles/connexion",
                 "/membre/", f"/benevoles/invitation/{token}", "/nulle-part"):
        found[path] = anonymous.get(path).get_data(as_text=True)
    found["login error"] = anonymous.post("/benevoles/connexion", data={
        "csrf_token": csrf_token(anonymous, "/benevoles/connexion"), "login": "x",
        "password": "y", "code": "1"}).get_data(as_text=True)
    found["member key"] = anonymous.post("/membre/nouvelle-cle", data={
        "csrf_token": csrf_token(anonymous, "/membre/")}).get_data(as_text=True)
    for path in ("/membre/", "/membre/export", "/membre/effacer"):
        found[f"member {path}"] = anonymous.get(path).get_data(as_text=True)
    signed = app.test_client()
    volunteers.login(signed, admin)
    for path in ("/benevoles/", "/benevoles/compte", f"/benevoles/batiments/{building}",
                 "/benevoles/admin/comptes", "/benevoles/admin/comptes/nouveau",
                 f"/benevoles/admin/comptes/{target_id}", "/benevoles/admin/batiments",
                 f"/benevoles/admin/batiments/{building}", "/benevoles/admin/bailleurs",
                 "/benevoles/admin/bailleurs/nouveau", "/benevoles/admin/association",
                 "/benevoles/admin/journal"):
        found[path] = signed.get(path).get_data(as_text=True)
    found["invalid landlord form"] = signed.post("/benevoles/admin/bailleurs/nouveau", data={
        "csrf_token": csrf_token(signed, "/benevoles/"), "name": "",
        "siren": "12"}).get_data(as_text=True)
    return found


def test_every_page_is_valid_html(app, volunteers, tmp_path):
    """The checker finds no error on any page."""
    if not VNU.exists():
        pytest.fail("the HTML checker is missing: run `make test`, which installs it")
    files = {}
    for index, (name, body) in enumerate(pages(app, volunteers).items()):
        path = tmp_path / f"page{index}.html"
        path.write_text(body, encoding="utf-8")
        files[path.as_uri()] = name
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, tmp_path.glob("page*.html"))],
        capture_output=True, text=True, timeout=120)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [f"{files.get(m.get('url'), m.get('url'))}: {m['message']} "
              f"(line {m.get('lastLine')}: {m.get('extract', '').strip()[:80]})"
              for m in messages]
    assert errors == [], "\n".join(errors)
