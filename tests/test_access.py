"""Need to know: every route is in the access table, and each role gets what the table says.

The table is the single list of who may reach what. A route added without an entry here
fails ``test_every_route_is_in_the_table``.
"""
from routes import ACCESS, EXPECTED, LAST, NOT_HTML, concrete, methods_of

from conftest import csrf_token


def test_every_route_is_in_the_table(app):
    """No route exists without a declared audience, and the table names no missing route."""
    rules = {rule.rule for rule in app.url_map.iter_rules()}
    assert rules - ACCESS.keys() == set(), "add these routes to ACCESS in tests/routes.py"
    assert ACCESS.keys() - rules == set(), "these routes no longer exist"


def outcome(response, ok: int) -> str:
    """What a visitor got: ok (exactly the status the table expects), login (sent to sign
    in), enter_key (sent to enter a member key), forbidden, not_found, or the status."""
    location = response.headers.get("Location", "")
    if response.status_code == 302 and "/benevoles/connexion" in location:
        return "login"
    if response.status_code == 302 and location.endswith("?ouvrir=1"):
        return "enter_key"
    if response.status_code == 302 and location == "/benevoles/" and ok != 302:
        return "dashboard"
    if response.status_code == ok:
        return "ok"
    return {403: "forbidden", 404: "not_found"}.get(response.status_code,
                                                    str(response.status_code))


def visit(app, client, rule, url):
    """GET the address, or POST to it (with a valid token) when it only accepts POST."""
    if "GET" in methods_of(app, rule):
        response = client.get(url)
    else:
        response = client.post(url, data={"csrf_token": csrf_token(client, "/membre/")})
    response.close()
    return response


def test_each_role_gets_what_the_table_says(app, world):
    """Anonymous visitors are sent to sign in, the wrong role is refused, the right one gets
    exactly the status the table names."""
    failures = []
    # Signing out last, or the clients would be anonymous for the rest.
    rules = sorted(ACCESS.items(),
                   key=lambda item: LAST.index(item[0]) if item[0] in LAST else -1)
    for rule, entry in rules:
        for role, expected in EXPECTED[entry.audience].items():
            url = concrete(rule, world.ids)
            got = outcome(visit(app, world.clients[role], rule, url), entry.ok)
            if got != expected:
                failures.append(f"{role} on {url}: expected {expected}, got {got}")
    assert failures == [], "\n".join(failures)


def test_volunteer_cannot_reach_another_buildings_record(app, world):
    """A volunteer of building A asking for building B gets 404: its existence is not shown."""
    client = world.clients["volunteer"]
    assert client.get(f"/benevoles/batiments/{world.building_a}").status_code == 200
    assert client.get(f"/benevoles/batiments/{world.building_b}").status_code == 404
    assert client.get("/benevoles/batiments/99999").status_code == 404
    assert world.clients["admin"].get(
        f"/benevoles/batiments/{world.building_b}").status_code == 200


def test_dashboard_lists_only_the_volunteers_buildings(world):
    """The dashboard names the volunteer's building and not the other one."""
    page = world.clients["volunteer"].get("/benevoles/").get_data(as_text=True)
    assert "Bâtiment A" in page and "Bâtiment B" not in page


def test_volunteer_pages_are_never_cached(world):
    """Pages of the volunteer area say Cache-Control: no-store."""
    response = world.clients["volunteer"].get("/benevoles/")
    assert response.headers["Cache-Control"] == "no-store"


def test_every_post_form_carries_a_csrf_token(app, world):
    """Each POST form on every page any role can open has a non-empty CSRF token
    (regression: a macro named like the form variable once left the token empty)."""
    import re

    missing = []
    for rule in ACCESS:
        if "GET" not in methods_of(app, rule) or any(part in rule for part in NOT_HTML):
            continue
        for role, client in world.clients.items():
            url = concrete(rule, world.ids)
            page = client.get(url).get_data(as_text=True)
            for form in re.findall(r'<form method="post".*?</form>', page, re.S):
                if not re.search(r'name="csrf_token"[^>]*value="[^"]+"', form):
                    missing.append(f"{role} on {url}: {form[:80]}")
    assert missing == [], "\n".join(missing)


def test_an_id_sqlite_cannot_hold_names_nothing(app, world):
    """Issue 19, finding 9: an id above 2^63 answered 500 (OverflowError binding it to
    SQLite) on every route that takes one. Each route with an ``<int:...>`` argument, given
    2^64 in every such argument, answers 404 to each visitor who may open it; so do ids in
    query strings."""
    huge = str(2 ** 64)
    ids = {**world.ids, **{name: huge for name, value in world.ids.items()
                           if isinstance(value, int)}}
    app.config["PROPAGATE_EXCEPTIONS"] = False  # a crash is a 500 to list
    failures, tried = [], 0
    for rule in sorted(r for r in ACCESS if "<int:" in r):
        for role, fate in EXPECTED[ACCESS[rule].audience].items():
            if fate != "ok":
                continue
            url = concrete(rule, ids)
            assert huge in url, f"{rule}: give its argument a value in World.ids"
            status = visit(app, world.clients[role], rule, url).status_code
            tried += 1
            if status != 404:
                failures.append(f"{role} on {url}: {status}")
    for role, url in (("editor", f"/benevoles/communiques/nouveau?version-de={huge}"),):
        response = world.clients[role].get(url)
        if response.status_code != 200:
            failures.append(f"{role} on {url}: {response.status_code}")
    assert failures == [], "\n".join(failures)
    assert tried >= 16
