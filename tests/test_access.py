"""Need to know: every route is in the access table, and each role gets what the table says.

The table is the single list of who may reach what. A route added without an entry here
fails ``test_every_route_is_in_the_table``.
"""
import pytest

from conftest import add_building, csrf_token

# rule -> who may reach it: public, signed_in (any volunteer account), volunteer (grievance
# handlers: role volunteer, and admins), admin.
ACCESS = {
    "/": "public",
    "/donnees": "public",
    "/donnees.json": "public",
    "/transparence": "public",
    "/static/<path:filename>": "public",
    "/benevoles/connexion": "public",
    "/benevoles/invitation/<token>": "public",
    "/benevoles/": "signed_in",
    "/benevoles/deconnexion": "signed_in",
    "/benevoles/compte": "signed_in",
    "/benevoles/compte/mot-de-passe": "signed_in",
    "/benevoles/compte/second-facteur": "signed_in",
    "/benevoles/compte/second-facteur/confirmer": "signed_in",
    "/benevoles/compte/sessions/fin": "signed_in",
    "/benevoles/batiments/<int:building_id>": "volunteer",
    "/benevoles/admin/comptes": "admin",
    "/benevoles/admin/comptes/nouveau": "admin",
    "/benevoles/admin/comptes/<int:volunteer_id>": "admin",
    "/benevoles/admin/comptes/<int:volunteer_id>/desactiver": "admin",
    "/benevoles/admin/comptes/<int:volunteer_id>/reactiver": "admin",
    "/benevoles/admin/comptes/<int:volunteer_id>/second-facteur": "admin",
    "/benevoles/admin/comptes/<int:volunteer_id>/sessions": "admin",
    "/benevoles/admin/comptes/<int:volunteer_id>/supprimer": "admin",
    "/benevoles/admin/batiments": "admin",
    "/benevoles/admin/batiments/nouveau": "admin",
    "/benevoles/admin/batiments/<int:building_id>": "admin",
    "/benevoles/admin/batiments/<int:building_id>/supprimer": "admin",
    "/benevoles/admin/bailleurs": "admin",
    "/benevoles/admin/bailleurs/nouveau": "admin",
    "/benevoles/admin/bailleurs/<int:landlord_id>": "admin",
    "/benevoles/admin/bailleurs/<int:landlord_id>/supprimer": "admin",
    "/benevoles/admin/association": "admin",
    "/benevoles/admin/journal": "admin",
    "/membre/": "public",
    "/membre/nouvelle-cle": "public",
    "/membre/sortir": "public",
    "/membre/batiment": "member",
    "/membre/contact": "member",
    "/membre/contact/supprimer": "member",
    "/membre/export.json": "member",
    "/membre/export": "member",
    "/membre/effacer": "member",
}

# What each kind of visitor gets, by the table's category. "member" is a browser where a
# member key was entered; volunteers are not members and are sent to enter a key.
EXPECTED = {
    "public": {"anonymous": "ok", "member": "ok", "editor": "ok", "volunteer": "ok",
               "admin": "ok"},
    "member": {"anonymous": "enter_key", "member": "ok", "editor": "enter_key",
               "volunteer": "enter_key", "admin": "enter_key"},
    "signed_in": {"anonymous": "login", "member": "login", "editor": "ok", "volunteer": "ok",
                  "admin": "ok"},
    "volunteer": {"anonymous": "login", "member": "login", "editor": "forbidden",
                  "volunteer": "ok", "admin": "ok"},
    "admin": {"anonymous": "login", "member": "login", "editor": "forbidden",
              "volunteer": "forbidden", "admin": "ok"},
}
# Visited last, since they delete what other rules use or change who the visitor is.
LAST = ("/benevoles/admin/batiments/<int:building_id>/supprimer",
        "/benevoles/admin/bailleurs/<int:landlord_id>/supprimer",
        "/membre/nouvelle-cle", "/benevoles/deconnexion", "/membre/sortir")


def test_every_route_is_in_the_table(app):
    """No route exists without a declared audience, and the table names no missing route."""
    rules = {rule.rule for rule in app.url_map.iter_rules()}
    assert rules - ACCESS.keys() == set(), "add these routes to ACCESS"
    assert ACCESS.keys() - rules == set(), "these routes no longer exist"


@pytest.fixture
def world(app, volunteers):
    """Two buildings, a landlord, and one signed-in client per role."""
    from association.db import connect

    building_a = add_building(app, "Bâtiment A")
    building_b = add_building(app, "Bâtiment B")
    db = connect(app.config["DATABASE"])
    landlord = db.table("landlords").insert({"name": "Bailleur"}).last_pk
    db.close()
    clients = {"anonymous": app.test_client(), "member": app.test_client()}
    member = clients["member"]
    member.post("/membre/nouvelle-cle", data={"csrf_token": csrf_token(member, "/membre/")})
    for role, buildings in (("admin", []), ("editor", []), ("volunteer", [building_a])):
        account = volunteers.create(f"{role}-test", role, buildings)
        client = app.test_client()
        assert volunteers.login(client, account).status_code == 302
        clients[role] = client
    target_id, token = volunteers.invite("target", "volunteer", [building_b])
    return {"clients": clients, "building_a": building_a, "building_b": building_b,
            "landlord": landlord, "target": target_id, "token": token}


def build_url(app, rule, world, building=None):
    """A concrete address for a rule, with ids of records that exist."""
    values = {"filename": "style.css", "token": world["token"], "volunteer_id": world["target"],
              "landlord_id": world["landlord"], "building_id": building or world["building_a"]}
    for name, value in values.items():
        rule = rule.replace(f"<int:{name}>", str(value)).replace(f"<path:{name}>", str(value))
        rule = rule.replace(f"<{name}>", str(value))
    return rule


def outcome(response) -> str:
    """What a visitor got: ok, login (sent to sign in), forbidden, not_found or other."""
    if response.status_code == 302 and "/benevoles/connexion" in response.headers["Location"]:
        return "login"
    if response.status_code == 302 and response.headers["Location"].endswith("?ouvrir=1"):
        return "enter_key"
    if response.status_code in (200, 302, 400):
        return "ok"
    return {403: "forbidden", 404: "not_found"}.get(response.status_code, "other")


def visit(app, client, rule, url):
    """GET the address, or POST to it (with a valid token) when it only accepts POST."""
    methods = next(r.methods for r in app.url_map.iter_rules() if r.rule == rule)
    if "GET" in methods:
        response = client.get(url)
    else:
        token = csrf_token(client, "/membre/")
        response = client.post(url, data={"csrf_token": token})
    response.close()
    return response


def test_each_role_gets_what_the_table_says(app, world):
    """Anonymous visitors are sent to sign in, the wrong role is refused, the right one served."""
    failures = []
    # Signing out last, or the clients would be anonymous for the rest.
    rules = sorted(ACCESS.items(),
                   key=lambda item: LAST.index(item[0]) if item[0] in LAST else -1)
    for rule, audience in rules:
        for role, expected in EXPECTED[audience].items():
            url = build_url(app, rule, world)
            got = outcome(visit(app, world["clients"][role], rule, url))
            if got != expected:
                failures.append(f"{role} on {url}: expected {expected}, got {got}")
    assert failures == [], "\n".join(failures)


def test_volunteer_cannot_reach_another_buildings_record(app, world):
    """A volunteer of building A asking for building B gets 404: its existence is not shown."""
    client = world["clients"]["volunteer"]
    assert client.get(f"/benevoles/batiments/{world['building_a']}").status_code == 200
    assert client.get(f"/benevoles/batiments/{world['building_b']}").status_code == 404
    assert client.get("/benevoles/batiments/99999").status_code == 404
    assert world["clients"]["admin"].get(
        f"/benevoles/batiments/{world['building_b']}").status_code == 200


def test_dashboard_lists_only_the_volunteers_buildings(world):
    """The dashboard names the volunteer's building and not the other one."""
    page = world["clients"]["volunteer"].get("/benevoles/").get_data(as_text=True)
    assert "Bâtiment A" in page and "Bâtiment B" not in page


def test_volunteer_pages_are_never_cached(world):
    """Pages of the volunteer area say Cache-Control: no-store."""
    response = world["clients"]["volunteer"].get("/benevoles/")
    assert response.headers["Cache-Control"] == "no-store"


def test_every_post_form_carries_a_csrf_token(app, world):
    """Each POST form on every page any role can open has a non-empty CSRF token
    (regression: a macro named like the form variable once left the token empty)."""
    import re

    missing = []
    for rule in ACCESS:
        methods = next(r.methods for r in app.url_map.iter_rules() if r.rule == rule)
        if "GET" not in methods or rule.startswith("/static"):
            continue
        for role, client in world["clients"].items():
            url = build_url(app, rule, world)
            page = client.get(url).get_data(as_text=True)
            for form in re.findall(r'<form method="post".*?</form>', page, re.S):
                if not re.search(r'name="csrf_token"[^>]*value="[^"]+"', form):
                    missing.append(f"{role} on {url}: {form[:80]}")
    assert missing == [], "\n".join(missing)
