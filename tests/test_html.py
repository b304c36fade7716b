"""Every page is valid HTML, checked by the Nu HTML Checker (installed by `make test`)."""
import json
import subprocess
from pathlib import Path

import pytest

from conftest import csrf_token
from routes import ACCESS, NOT_HTML, html_pages, methods_of

VNU = Path(__file__).resolve().parent.parent / ".venv" / "vnu" / "vnu.jar"


def pages(app, world) -> dict[str, str]:
    """The HTML of every page in the access table, as the roles who may see it get it, and
    of the states a page can be in (a form refused, a key just made, an error)."""
    found = {}
    for who, url in html_pages(app, world.ids):
        response = world.clients[who].get(url)
        assert response.status_code == 200, f"{who} {url}: {response.status_code}"
        found[f"{who} {url}"] = response.get_data(as_text=True)
    anonymous, admin = app.test_client(), world.clients["admin"]
    found["English home"] = anonymous.get("/?lang=en").get_data(as_text=True)
    found["not found"] = anonymous.get("/nulle-part").get_data(as_text=True)
    found["login error"] = anonymous.post("/benevoles/connexion", data={
        "csrf_token": csrf_token(anonymous, "/benevoles/connexion"), "login": "x",
        "password": "y", "code": "1"}).get_data(as_text=True)
    found["member key"] = anonymous.post("/membre/nouvelle-cle", data={
        "csrf_token": csrf_token(anonymous, "/membre/")},
        follow_redirects=True).get_data(as_text=True)
    found["member key, once kept"] = anonymous.post("/membre/cle/gardee", data={
        "csrf_token": csrf_token(anonymous, "/membre/")},
        follow_redirects=True).get_data(as_text=True)
    found["member key gone"] = anonymous.get("/membre/cle").get_data(as_text=True)
    found["confirmation: delete a building"] = admin.get(
        f"/benevoles/admin/batiments/{world.building_b}/supprimer").get_data(as_text=True)
    found["confirmation: disable"] = admin.get(
        f"/benevoles/admin/comptes/{world.target}/desactiver").get_data(as_text=True)
    found["erase confirmation"] = world.clients["member"].get(
        "/membre/effacer").get_data(as_text=True)
    member = world.clients["member"]
    found["member contact refused (checkbox error)"] = member.post("/membre/contact", data={
        "csrf_token": csrf_token(member, "/membre/"),
        "contact-email": "a@example.org"}).get_data(as_text=True)
    found["login refused (empty)"] = anonymous.post("/benevoles/connexion", data={
        "csrf_token": csrf_token(anonymous, "/benevoles/connexion")}).get_data(as_text=True)
    found["invalid landlord form"] = admin.post("/benevoles/admin/bailleurs/nouveau", data={
        "csrf_token": csrf_token(admin, "/benevoles/"), "name": "",
        "siren": "12"}).get_data(as_text=True)
    return found


def test_the_sweep_covers_every_page(app, world):
    """Every GET page of the access table that people open is in the sweep."""
    swept = {url for _, url in html_pages(app, world.ids)}
    assert "/benevoles/admin/journal" in swept and "/membre/export" in swept
    assert len(swept) == len([r for r, entry in ACCESS.items() if "GET" in methods_of(app, r)
                              and not any(p in r for p in NOT_HTML) and entry.ok == 200])


def test_every_page_is_valid_html(app, world, tmp_path):
    """The checker finds no error on any page."""
    if not VNU.exists():
        pytest.fail("the HTML checker is missing: run `make test`, which installs it")
    files = {}
    for index, (name, body) in enumerate(pages(app, world).items()):
        path = tmp_path / f"page{index}.html"
        path.write_text(body, encoding="utf-8")
        files[path.as_uri()] = name
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json",
         *map(str, tmp_path.glob("page*.html"))],
        capture_output=True, text=True, timeout=120)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [f"{files.get(m.get('url'), m.get('url'))}: {m['message']} "
              f"(line {m.get('lastLine')}: {m.get('extract', '').strip()[:80]})"
              for m in messages]
    assert errors == [], "\n".join(errors)
