"""Grievances: a tenant reports in two minutes (with a key made on the spot, or their own),
bad input comes back explained with nothing saved, photos lose their metadata, volunteers of
the building only read them (logged, seen by the tenant), "me too" and public counts."""
import io
import os
import re
import stat
from datetime import date, datetime, timezone

import pytest
from PIL import Image

from association import audit, jobs, qr
from association.db import connect
from conftest import (KEY_PATTERN, Reader, add_building, confirm_key, csrf_token, database_bytes,
                      jpeg_bytes, new_member, page_text, report)


def form(client, **fields):
    """The report form's fields with a valid token."""
    return {"csrf_token": csrf_token(client, "/signaler"), "category": "damp",
            "description": "Fuite d'eau sous l'évier depuis lundi", **fields}


def post_report(client, photos=(), **fields):
    """POST /signaler as a browser sends it (multipart)."""
    data = form(client, **fields)
    data["photos"] = [(io.BytesIO(content), name) for name, content in photos]
    return client.post("/signaler", data=data, content_type="multipart/form-data")


@pytest.fixture
def building(app):
    """A building of the association."""
    return add_building(app, "Bâtiment A")


# --- reporting --------------------------------------------------------------------------------

def test_a_first_report_makes_a_key_shown_once(app, client, db, building):
    """No key yet: one is made, shown with the reference on the thanks page (kept through a
    language switch), and it opens the space where the report is."""
    grievance = report(client, building, since="2026-01")
    page = page_text(client.get("/signaler/merci?lang=en"))
    key = KEY_PATTERN.search(page)[1]
    assert grievance["reference"] in page
    row = db.table("grievances").get(grievance["id"])
    assert (row["building_id"], row["category"], row["since"], row["status"]) == \
        (building, "damp", "2026-01", "new")
    other = app.test_client()
    other.post("/membre/", data={"csrf_token": csrf_token(other, "/membre/"), "key": key})
    assert grievance["reference"] in page_text(other.get("/membre/"))


def test_a_tenant_with_a_key_reports_with_it(app, db, building):
    """A key typed in the form ties the report to its space; a wrong key is explained and
    the text kept."""
    owner = app.test_client()
    key = new_member(owner)
    member_id = db.execute("select max(id) from members").fetchone()[0]
    stranger = app.test_client()
    wrong = post_report(stranger, building=building, key="7KQ2-9XWM-4PRT-ZR8H-3NDA",
                        description="Ascenseur en panne depuis trois semaines")
    assert wrong.status_code == 400 and "Ascenseur en panne depuis trois semaines" in \
        page_text(wrong)
    assert db.table("grievances").count == 0
    right = post_report(stranger, building=building, key=key.lower())
    assert right.status_code == 303
    assert db.execute("select member_id from grievances").fetchone()[0] == member_id
    assert db.table("members").count == 1


def test_a_wrong_key_is_counted_and_leaves_no_photo_behind(app, db, building):
    """The attempt, the key and the report are one transaction: a wrong key commits its
    count against the address (guessing stays throttled) but no report, and the photo
    already written for it is deleted at once."""
    stranger = app.test_client()
    wrong = post_report(stranger, photos=[("p.jpg", jpeg_bytes())], building=building,
                        key="7KQ2-9XWM-4PRT-ZR8H-3NDA")
    assert wrong.status_code == 400
    assert db.table("grievances").count == 0
    scopes = [row[0] for row in db.execute("select scope from throttle_events")]
    assert sorted(scopes) == ["member-key-address", "report-address"]
    folder = os.path.join(app.instance_path, "grievance_photos")
    assert not os.path.isdir(folder) or not [
        name for name in os.listdir(folder) if not name.startswith(".")]


def test_reports_past_the_limit_of_an_address_get_429_with_the_text_kept(app, db, building):
    """Past ``REPORTS_PER_ADDRESS`` in 15 minutes, the form comes back (429, Retry-After)
    with what was typed and nothing is saved, not even the attempt."""
    app.config["REPORTS_PER_ADDRESS"] = 2
    tenant = app.test_client()
    for _ in range(2):
        assert post_report(tenant, building=building).status_code == 303
    refused = post_report(tenant, building=building,
                          description="Le chauffage est coupé depuis dimanche soir")
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0
    assert "Le chauffage est coupé depuis dimanche soir" in page_text(refused)
    assert db.table("grievances").count == 2
    assert db.execute("select count(*) from throttle_events where scope = 'report-address'"
                      ).fetchone()[0] == 2


def test_the_thanks_page_shows_the_reference_for_half_an_hour(app, client, clock, building):
    """The reference is read back from the tenant's latest report, not carried in the
    session: recording a report writes no cookie for a tenant who has their key."""
    new_member(client)
    response = post_report(client, building=building)
    assert response.status_code == 303
    assert "Set-Cookie" not in response.headers
    made = report(client, building)
    assert made["reference"] in page_text(client.get("/signaler/merci"))
    assert made["reference"] not in page_text(app.test_client().get("/signaler/merci"))
    clock.advance(minutes=31)
    assert made["reference"] not in page_text(client.get("/signaler/merci"))


def test_flagged_text_is_not_stored_until_confirmed(client, db, building):
    """A description the screen flags comes back highlighted; only a confirmation stores it,
    flagged."""
    text = "Mon voisin du dessus est alcoolique et fait du bruit la nuit"
    first = post_report(client, building=building, description=text)
    assert first.status_code == 400 and "<mark" in first.get_data(as_text=True)
    assert db.table("grievances").count == 0
    second = post_report(client, building=building, description=text, keep_as_written="y")
    assert second.status_code == 303
    assert db.execute("select description_flags from grievances").fetchone()[0] == "judgement"


@pytest.mark.parametrize(("fields", "kept"), [
    ({"building": "99999"}, "Fuite d'eau"),
    ({"category": "astrology"}, "Fuite d'eau"),
    ({"description": ""}, None),
    ({"description": "x" * 10_000}, "xxxxxxxx"),
    ({"since": "2099-01"}, "Fuite d'eau"),
    ({"since": "mars"}, "Fuite d'eau"),
])
def test_bad_input_is_explained_and_nothing_saved(client, db, building, fields, kept):
    """Unknown building or category, an empty or 10,000-character text, a month to come or
    not a month: 400, the reason, what was typed, and no row."""
    response = post_report(client, **{"building": building, **fields})
    assert response.status_code == 400
    page = page_text(response)
    assert 'class="error-summary"' in page
    if kept:
        assert kept in page
    assert db.table("grievances").count == 0 and db.table("members").count == 0


def _png_bomb() -> bytes:
    buffer = io.BytesIO()
    Image.new("1", (8000, 7500)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("name,content", [
    ("notes.txt", b"not an image at all"),
    ("cut.jpg", jpeg_bytes((400, 300))[:300]),
    ("huge.png", None),
])
def test_a_refused_photo_keeps_the_text(client, db, building, name, content):
    """A non-image, a truncated JPEG or a 60-megapixel PNG: a clear message, the text kept,
    nothing saved."""
    content = content if content is not None else _png_bomb()
    response = post_report(client, building=building, photos=[(name, content)],
                           description="Moisissures derrière l'armoire de la chambre")
    assert response.status_code == 400
    page = page_text(response)
    assert "Moisissures derrière l'armoire de la chambre" in page
    assert db.table("grievances").count == 0 and db.table("grievance_photos").count == 0


@pytest.fixture(scope="module")
def deep_png() -> bytes:
    """A 36-megapixel 16-bit PNG: 84 KB on disk, over 400 MB to decode as it once was."""
    buffer = io.BytesIO()
    Image.new("I;16", (6000, 6000), 30000).save(buffer, "PNG")
    return buffer.getvalue()


def reports_counted(db) -> int:
    """The report attempts counted against addresses."""
    return db.execute("select count(*) from throttle_events where scope = 'report-address'"
                      ).fetchone()[0]


def test_three_36_megapixel_16_bit_pngs_are_refused_and_counted(client, db, building,
                                                                 deep_png):
    """Issue 19, finding 2: three 36 MP 16-bit PNGs in one anonymous report are refused by
    their headers, with the text kept and the reason; the attempt is counted all the same."""
    response = post_report(client, building=building, photos=[
        (f"IMG_{n}.png", deep_png) for n in range(3)],
        description="Moisissures au plafond de la salle de bains")
    assert response.status_code == 400
    page = page_text(response)
    assert "Moisissures au plafond de la salle de bains" in page
    assert "Cette photo a trop de pixels" in page
    assert reports_counted(db) == 1
    assert db.table("grievances").count == 0 and db.table("members").count == 0


def test_a_refused_photo_is_explained_in_english(client, building, deep_png):
    """The refusal reads in the page's language."""
    data = form(client, building=building)
    data["photos"] = [(io.BytesIO(deep_png), "IMG_1.png")]
    response = client.post("/signaler?lang=en", data=data, content_type="multipart/form-data")
    assert response.status_code == 400
    assert "This photo is too large in pixels" in page_text(response)


@pytest.mark.parametrize("photo", ["deep", "cut-in-its-pixels"])
def test_an_address_over_its_limit_gets_429_before_any_photo_is_opened(app, db, building,
                                                                       deep_png, photo):
    """Past the address's limit, a report with a photo that a header check or a decode
    would refuse gets 429 (the text kept), not that refusal: the throttle answered first,
    so nothing was decoded. A JPEG cut in its pixels has a sound header: only decoding it
    would have found it damaged."""
    app.config["REPORTS_PER_ADDRESS"] = 1
    tenant = app.test_client()
    assert post_report(tenant, building=building).status_code == 303
    whole = jpeg_bytes((1200, 900))
    content = deep_png if photo == "deep" else whole[:len(whole) // 2]
    refused = post_report(tenant, building=building, photos=[("p.jpg", content)],
                          description="Le chauffage est coupé depuis dimanche soir")
    assert refused.status_code == 429
    assert "Le chauffage est coupé depuis dimanche soir" in page_text(refused)
    assert reports_counted(db) == 1


def _gps_jpeg() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (48.0, 51.0, 29.0), 3: "E", 4: (2.0, 21.0, 8.0)})
    image = Image.new("RGB", (320, 240), (90, 90, 90))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def test_photos_lose_their_metadata_and_their_name(app, client, db, building):
    """A photo with GPS EXIF named ../../x.jpg is kept under a random name, 0600, without any
    metadata."""
    original = _gps_jpeg()
    assert b"CameraMaker" in original
    grievance = report(client, building, photos=[original], description="Plafond qui s'effrite")
    del grievance
    name = db.execute("select file_name from grievance_photos").fetchone()[0]
    assert re.fullmatch(r"[0-9a-f]{32}\.jpg", name)
    path = f"{app.instance_path}/grievance_photos/{name}"
    with open(path, "rb") as handle:
        stored = handle.read()
    assert b"CameraMaker" not in stored and b"Exif" not in stored
    assert not Image.open(io.BytesIO(stored)).getexif()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


# --- volunteers of the building ----------------------------------------------------------------

def test_only_volunteers_of_the_building_read_a_report(app, volunteers, db, building):
    """The building's volunteer reads the report and its photo (logged with the tenant, who
    sees it); a volunteer of another building gets 404 for both."""
    other_building = add_building(app, "Bâtiment B")
    tenant = app.test_client()
    grievance = report(tenant, building, photos=[jpeg_bytes()])
    photo = db.execute("select id from grievance_photos").fetchone()[0]
    mine, theirs = (volunteers.create(login, "volunteer", [b]) for login, b in
                    (("lea", building), ("marc", other_building)))
    reader, outsider = app.test_client(), app.test_client()
    volunteers.login(reader, mine)
    volunteers.login(outsider, theirs)
    url = f"/benevoles/signalements/{grievance['id']}"
    assert reader.get(url).status_code == 200
    shown = reader.get(f"{url}/photos/{photo}")
    assert shown.status_code == 200 and shown.headers["Cache-Control"] == "no-store"
    shown.close()
    assert outsider.get(url).status_code == 404
    assert outsider.get(f"{url}/photos/{photo}").status_code == 404
    reads = list(db.query("select volunteer_login, object_type, member_id from audit_log "
                          "where action = 'read'"))
    assert {(r["volunteer_login"], r["object_type"]) for r in reads} == \
        {("lea", "grievance"), ("lea", "grievance_photo")}
    assert {r["member_id"] for r in reads} == {grievance["member_id"]}
    assert "lea" in page_text(tenant.get("/membre/"))


def test_the_list_shows_no_text_and_search_skips_masked_text(app, volunteers, db, building):
    """The list holds references, kinds and statuses, never descriptions; a search finds
    plain text and leaves flagged text out; odd queries never fail."""
    tenant = app.test_client()
    plain = report(tenant, building, description="Ascenseur bloqué au troisième étage")
    report(tenant, building, description="La voisine est alcoolique, ascenseur sale",
           keep_as_written="y")
    account = volunteers.create("tri", "volunteer", [building])
    client = app.test_client()
    volunteers.login(client, account)
    listing = page_text(client.get("/benevoles/signalements/"))
    assert plain["reference"] in listing and "troisième" not in listing
    found = page_text(client.get("/benevoles/signalements/?q=ascenseur"))
    assert re.findall(r"R-[0-9A-Z]{4}-[0-9A-Z]{4}", found) == [plain["reference"]]
    for query in ['"', "NEAR(", "a:b", "*", "((", "AND OR", "é" * 300]:
        assert client.get(f"/benevoles/signalements/?q={query}").status_code == 200
    assert db.table("audit_log").count_where("action = 'read'") == 0


def test_blank_and_odd_choices_are_no_choice(app, volunteers, db, building):
    """A blank or unknown filter shows the whole list, a building number past any integer
    opens the case form without a building, and a blank reason does not close a report:
    WTForms' Optional took blanks for "nothing chosen" and then let them through as the
    choice (the abuse sweep found the first two answered 500)."""
    first = report(app.test_client(), building)
    account = volunteers.create("odd", "volunteer", [building])
    client = app.test_client()
    volunteers.login(client, account)
    for query in ("building=+", "building=%C2%A0", "status=+", "category=+&age=+",
                  "building=99999999999999999999999"):
        response = client.get(f"/benevoles/signalements/?{query}")
        assert response.status_code == 200, query
        assert first["reference"] in page_text(response), query
    assert client.get("/benevoles/dossiers/nouveau?batiment=99999999999999999999999"
                      ).status_code == 200
    url = f"/benevoles/signalements/{first['id']}"
    response = client.post(f"{url}/statut", data={
        "csrf_token": csrf_token(client, url), "status-status": "closed",
        "status-close_reason": " "})
    assert response.status_code == 400
    assert db.table("grievances").get(first["id"])["status"] == "new"


def test_flagged_text_is_masked_until_revealed(app, volunteers, db, building):
    """A flagged description is masked; revealing it needs a reason, is logged with the
    tenant and shows the text."""
    tenant = app.test_client()
    grievance = report(tenant, building, keep_as_written="y",
                       description="Il est sous chimio et l'ascenseur est en panne")
    account = volunteers.create("rev", "volunteer", [building])
    client = app.test_client()
    volunteers.login(client, account)
    url = f"/benevoles/signalements/{grievance['id']}"
    assert "chimio" not in page_text(client.get(url))
    refused = client.post(url, data={"csrf_token": csrf_token(client, url), "reason": ""})
    assert refused.status_code == 400 and "chimio" not in page_text(refused)
    shown = client.post(url, data={"csrf_token": csrf_token(client, url), "reason": "handle"})
    assert "chimio" in page_text(shown)
    entry = db.execute("select member_id, reason from audit_log where action = 'reveal'"
                       ).fetchone()
    assert tuple(entry) == (grievance["member_id"], "handle")


def test_status_notes_and_duplicates(app, volunteers, db, building):
    """A note (screened) reaches the tenant's space; a status change queues a message with
    no text for a tenant who gave an address; a duplicate is closed into the other report."""
    tenant = app.test_client()
    first = report(tenant, building)
    second = report(tenant, building, category="lifts", description="Ascenseur en panne")
    account = volunteers.create("ana", "volunteer", [building])
    client = app.test_client()
    volunteers.login(client, account)
    url = f"/benevoles/signalements/{first['id']}"
    token = csrf_token(client, url)
    flagged = client.post(f"{url}/notes", data={"csrf_token": token,
                                                "note-text": "Le locataire est un ivrogne"})
    assert flagged.status_code == 400 and db.table("grievance_notes").count == 0
    client.post(f"{url}/notes", data={"csrf_token": token,
                                      "note-text": "Plombier prévenu, passage jeudi"})
    assert "Plombier prévenu, passage jeudi" in page_text(tenant.get("/membre/"))
    refused = client.post(f"{url}/statut", data={"csrf_token": token, "status-status": "sent"})
    assert refused.status_code == 400
    from association.members import keys

    with app.app_context():  # the tenant gave an address: only then is a message queued
        keys.set_contact(db, first["member_id"], "lou@example.org")
    client.post(f"{url}/statut", data={"csrf_token": token, "status-status": "checked"})
    assert db.table("grievances").get(first["id"])["status"] == "checked"
    assert db.execute("select kind from outbox").fetchone()[0] == "grievance_status"
    client.post(f"/benevoles/signalements/{second['id']}/fusionner", data={
        "csrf_token": token, "merge-into": first["reference"].lower()})
    merged = db.table("grievances").get(second["id"])
    assert (merged["status"], merged["merged_into"]) == ("closed", first["id"])
    assert merged["closed_at"]


def _next_link(response) -> str | None:
    """The "next report" link of a report page, or None."""
    found = re.search(r'<a href="([^"]+)" rel="next">', response.get_data(as_text=True))
    return found[1].replace("&amp;", "&") if found else None


def test_the_list_shows_new_reports_by_default(app, volunteers, db, building, clock):
    """Issue 21, item 9: the list opens on the new reports (the rest were noise to scroll
    past), says so, and shows every state on request; the reports are cards, no table."""
    triaged = report(app.test_client(), building)
    clock.advance(minutes=1)
    fresh = report(app.test_client(), building, category="lifts")
    db.table("grievances").update(triaged["id"], {"status": "checked"})
    client = _volunteer(app, volunteers, "tri", building)
    listing = page_text(client.get("/benevoles/signalements/?lang=en"))
    assert fresh["reference"] in listing and triaged["reference"] not in listing
    assert "By default, the new reports only." in listing and "<table" not in listing
    assert re.search(r'<option selected value="new">', listing)
    every = page_text(client.get("/benevoles/signalements/?status=&lang=en"))
    assert fresh["reference"] in every and triaged["reference"] in every
    checked = page_text(client.get("/benevoles/signalements/?status=checked"))
    assert triaged["reference"] in checked and fresh["reference"] not in checked


def test_next_report_follows_the_list_within_the_volunteers_buildings(app, volunteers, db,
                                                                      building, clock):
    """Issue 21, item 9: each report links to the next one of the list it was opened from
    (its order, its filters, carried in the address), never to another building's report;
    changing the status opens that next report, and the list at its end."""
    other_building = add_building(app, "Bâtiment B")
    made = []
    for place in (building, other_building, building, building, other_building, building):
        made.append(report(app.test_client(), place))
        clock.advance(minutes=1)
    oldest, _, middle, checked, _, newest = made
    theirs = {made[1]["id"], made[4]["id"]}
    db.table("grievances").update(checked["id"], {"status": "checked"})
    client = _volunteer(app, volunteers, "tri", building)
    url = "/benevoles/signalements/{}".format

    # The default list, newest first: new reports of building A only.
    assert _next_link(client.get(url(newest["id"]))) == f"{url(middle['id'])}"
    everything = _next_link(client.get(url(newest["id"]) + "?status="))
    assert everything == f"{url(checked['id'])}?status="
    assert _next_link(client.get(everything)) == f"{url(middle['id'])}?status="
    assert _next_link(client.get(url(oldest["id"]))) is None
    # Another building's number in the address is no way into its reports.
    for query in ("?status=", f"?building={other_building}&status=", "?status=&q=fuite"):
        link = _next_link(client.get(url(newest["id"]) + query))
        assert link and int(link.split("/")[-1].split("?")[0]) not in theirs, query

    # Two taps a report: open it, change its status; the next one opens.
    token = csrf_token(client, url(newest["id"]))
    moved = client.post(f"{url(newest['id'])}/statut", data={
        "csrf_token": token, "status-status": "checked"})
    assert moved.status_code == 302 and moved.headers["Location"] == url(middle["id"])
    moved = client.post(f"{url(oldest['id'])}/statut", data={
        "csrf_token": token, "status-status": "checked"})
    assert moved.headers["Location"] == "/benevoles/signalements/"
    # A volunteer of both buildings walks through both.
    both = app.test_client()
    volunteers.login(both, volunteers.create("both", "volunteer", [building, other_building]))
    assert _next_link(both.get(url(middle["id"]))) == url(made[1]["id"])


# --- "me too" and public counts --------------------------------------------------------------

def test_me_too_counts_a_household_once_and_counts_stay_above_three(app, db, building):
    """Households are counted once per key, whether they reported or said "me too"; under
    three, the public page says "fewer than 3"."""
    tenants = [app.test_client() for _ in range(3)]
    report(tenants[0], building, category="lifts", description="Ascenseur en panne encore",
           confirmed=True)
    page = page_text(tenants[1].get(f"/batiments/{building}"))
    assert "1 or 2" in page or "1 ou 2" in page
    for tenant in tenants:
        for _ in range(2):
            tenant.post(f"/batiments/{building}/moi-aussi", data={
                "csrf_token": csrf_token(tenant, f"/batiments/{building}"),
                "category": "lifts"})
    assert db.table("grievance_supports").count == 3
    for (member_id,) in db.execute("select member_id from grievance_supports").fetchall():
        confirm_key(app, member_id)  # only confirmed keys' "me too" are counted (issue 19)
    page = page_text(app.test_client().get(f"/batiments/{building}"))
    assert re.search(r"3\s*</?", page) or "3" in page
    assert "1 ou 2" in page  # one report still withheld


def me_too(client, building_id, category="lifts") -> int:
    """Say "me too" from this browser (a key is made if need be); return the support's id."""
    client.post(f"/batiments/{building_id}/moi-aussi", data={
        "csrf_token": csrf_token(client, "/membre/"), "category": category})
    db = connect(client.application.config["DATABASE"])
    support_id = db.execute("select max(id) from grievance_supports").fetchone()[0]
    db.close()
    return support_id


def lifts_figures(app, building_id) -> str:
    """The building page's line about lifts, in English ("" when the problem is not listed)."""
    page = re.sub(r"<[^>]+>", "", page_text(app.test_client().get(f"/batiments/{building_id}?lang=en")))
    return next((line.strip() for line in page.splitlines()
                 if "lifts" in line and "reports:" in line), "")


def test_free_keys_cannot_reveal_a_buildings_hidden_count(app, building):
    """Issue 19, finding 3: two self-made "me too" households (and a report) from fresh keys
    used to turn "fewer than 3" into an exact 3, so 1 real household, then be withdrawn.
    Unconfirmed keys now move nothing: the figures stay withheld, and withdrawing changes
    nothing either."""
    report(app.test_client(), building, category="lifts", description="Ascenseur en panne "
           "encore", confirmed=True)
    before = lifts_figures(app, building)
    assert "reports: 1 or 2; households concerned: 1 or 2" in before
    attackers = [app.test_client() for _ in range(2)]
    supports = [me_too(attacker, building) for attacker in attackers]
    report(attackers[0], building, category="lifts", description="Ascenseur bloqué au 2e")
    report(attackers[1], building, category="lifts", description="Ascenseur bloqué au 4e")
    assert lifts_figures(app, building) == before
    for attacker, support_id in zip(attackers, supports):
        attacker.post(f"/signaler/moi-aussi/{support_id}/retirer",
                      data={"csrf_token": csrf_token(attacker, "/membre/")})
    assert lifts_figures(app, building) == before


def test_me_too_from_an_unconfirmed_key_says_when_it_counts(app, building):
    """A household that says "me too" with a key nobody confirmed is told it will count once
    a volunteer has confirmed the key; a confirmed one is told it counts."""
    tenant = app.test_client()
    report(tenant, building, category="lifts", description="Ascenseur en panne encore")
    url = f"/batiments/{building}/moi-aussi"
    data = {"csrf_token": csrf_token(tenant, "/membre/"), "category": "lifts"}
    page = page_text(tenant.post(url, data=data, follow_redirects=True))
    assert "Il comptera dans les chiffres du bâtiment dès qu'un bénévole aura confirmé" in page
    confirm_key(app, tenant_member(app))
    page = page_text(tenant.post(url, data=data, follow_redirects=True))
    assert "Votre foyer était déjà compté pour ce problème." in page


def tenant_member(app) -> int:
    """The newest member's id."""
    db = connect(app.config["DATABASE"])
    member_id = db.execute("select max(id) from members").fetchone()[0]
    db.close()
    return member_id


def test_reports_of_unconfirmed_keys_are_not_listed_until_triaged(app, volunteers, building):
    """A report made with a free key shows on the building's page only once a volunteer has
    checked it; then its household counts."""
    grievance = report(app.test_client(), building, category="lifts",
                       description="Ascenseur en panne encore")
    assert lifts_figures(app, building) == ""
    account = volunteers.create("tri", "volunteer", [building])
    client = app.test_client()
    volunteers.login(client, account)
    url = f"/benevoles/signalements/{grievance['id']}"
    response = client.post(f"{url}/statut", data={"csrf_token": csrf_token(client, url),
                                                   "status-status": "checked"})
    assert response.status_code in (302, 303), page_text(response)[-2000:]
    assert "reports: 1 or 2; households concerned: 1 or 2" in lifts_figures(
        app, building)


def test_three_confirmed_households_are_shown(app, building):
    """Three reports and "me too" from confirmed keys: the exact figures are published, and
    the page says what it counts."""
    tenants = [app.test_client() for _ in range(3)]
    report(tenants[0], building, category="lifts", description="Ascenseur en panne encore",
           confirmed=True)
    for tenant in tenants[1:]:
        report(tenant, building, category="lifts", description="Ascenseur bloqué encore",
               confirmed=True)
    support = me_too(tenants[0], building)
    assert support
    assert "reports: 3; households concerned: 3" in lifts_figures(app, building)
    page = page_text(app.test_client().get(f"/batiments/{building}?lang=en"))
    assert "reports checked by a volunteer or made with a confirmed personal key" in page


def test_the_poster_points_at_the_buildings_report_page(app, client, building):
    """The hall poster carries a QR code of the report page under the site's address."""
    app.config["BASE_URL"] = "https://amicale.example"
    page = client.get(f"/batiments/{building}/affiche").get_data(as_text=True)
    link = f"https://amicale.example/signaler?batiment={building}"
    assert link in page and qr.svg(link) in page
    assert "Scannez ce code" in page  # the French poster says what to do with it (issue 21)


# --- collective cases ---------------------------------------------------------------------------

def test_a_collective_letter_holds_counts_never_tenants(app, volunteers, db, building):
    """A case groups reports; its letter states households, kinds and since when, and holds
    no key, no member id and no tenant's text."""
    tenants = [app.test_client() for _ in range(3)]
    texts = [f"Moisissures chambre numéro {n} très étendues" for n in range(3)]
    grievances = [report(t, building, since="2025-1" + str(n), description=text)
                  for n, (t, text) in enumerate(zip(tenants, texts))]
    keys = [KEY_PATTERN.search(page_text(t.get("/signaler/merci")))[1] for t in tenants]
    account = volunteers.create("cas", "volunteer", [building])
    client = app.test_client()
    volunteers.login(client, account)
    made = client.post("/benevoles/dossiers/nouveau", data={
        "csrf_token": csrf_token(client, "/benevoles/dossiers/"), "building": building,
        "category": "damp", "title": "Humidité", "grievances": [g["id"] for g in grievances]})
    case_id = int(made.headers["Location"].rsplit("/", 1)[1])
    client.post(f"/benevoles/dossiers/{case_id}/revendications", data={
        "csrf_token": csrf_token(client, "/benevoles/dossiers/"),
        "demands-demands": "Un diagnostic de la ventilation sous un mois."})
    letter = page_text(client.get(f"/benevoles/dossiers/{case_id}/lettre"))
    assert "3 foyers" in letter and "humidité" in letter.lower() and "octobre 2025" in letter
    assert "Un diagnostic de la ventilation sous un mois." in letter
    assert "89-462" in letter and "87-712" in letter
    for secret in keys + texts + [k.replace("-", "") for k in keys]:
        assert secret not in letter
    members = [str(g["member_id"]) for g in grievances]
    assert not any(re.search(rf"\bmembre {m}\b", letter) for m in members)
    printed = client.get(f"/benevoles/dossiers/{case_id}/lettre.pdf")
    assert printed.mimetype == "application/pdf" and printed.get_data().startswith(b"%PDF")
    assert printed.headers["Content-Disposition"] == \
        f'attachment; filename="lettre-collective-{case_id}.pdf"'
    assert printed.headers["Cache-Control"] == "no-store"
    elsewhere = volunteers.create("ailleurs", "volunteer", [add_building(app, "Autre")])
    stranger = app.test_client()
    volunteers.login(stranger, elsewhere)
    for path in ("lettre", "lettre.pdf"):
        assert stranger.get(f"/benevoles/dossiers/{case_id}/{path}").status_code == 404
    sent = client.post(f"/benevoles/dossiers/{case_id}/envoi", data={
        "csrf_token": csrf_token(client, "/benevoles/dossiers/"),
        "sending-sent_on": "2026-10-01", "sending-sent_how": "recommandé AR 1A 234 567"})
    assert sent.status_code == 302
    case = db.table("cases").get(case_id)
    assert (case["status"], case["households"], case["response_due"]) == \
        ("sent", 3, "2026-11-06")  # a month from its receipt, deemed on Tue 6 Oct (issue 22)
    assert {row["status"] for row in db.table("grievances").rows} == {"sent"}
    with app.app_context():
        first = jobs.job("case-deadlines").run(db, date(2026, 11, 10))
        again = jobs.job("case-deadlines").run(db, date(2026, 11, 11))
    assert (first, again) == ({"overdue": 1}, {"overdue": 0})
    assert case["title"] in page_text(client.get("/benevoles/"))


# --- searches and cases are reads and changes the tenant sees (issue 19) -------------------

def _access_rows(tenant) -> list[str]:
    """The rows of "who read or changed my records" in the tenant's space, as text."""
    page = page_text(tenant.get("/membre/?lang=en"))
    section = page.split('id="access-title"', 1)[1].split("</section>", 1)[0]
    return [re.sub(r"<[^>]+>", " ", row) for row in re.findall(r"<tr>(.*?)</tr>", section)[1:]]


def _volunteer(app, volunteers, login, building):
    """A signed-in volunteer of the building."""
    client = app.test_client()
    volunteers.login(client, volunteers.create(login, "volunteer", [building]))
    return client


def test_a_search_finding_a_report_is_in_its_tenants_log_once_a_day(app, volunteers, db,
                                                                     building, clock):
    """Issue 19, finding 7: a search that finds a tenant's reports is a read of them, which
    the tenant sees: one line per volunteer and day, saying how many times; the audit log
    holds one entry per report and day."""
    clock.moment = datetime(2026, 10, 5, 21, 45, tzinfo=timezone.utc)  # 23:45 in Paris
    tenant = app.test_client()
    mine = [report(tenant, building, description=f"Fuite d'eau numéro {n} dans la cuisine")
            for n in range(2)]
    other = report(app.test_client(), building, description="Ascenseur en panne")
    client = _volunteer(app, volunteers, "tri", building)
    for query in ("fuite", "fuite", "cuisine"):
        found = page_text(client.get(f"/benevoles/signalements/?q={query}"))
        assert {g["reference"] for g in mine} <= set(re.findall(r"R-[0-9A-Z]{4}-[0-9A-Z]{4}",
                                                                found))
    rows = [row for row in _access_rows(tenant) if "tri" in row]
    assert len(rows) == 1 and "found in a search" in rows[0]
    assert "6 times that day" in rows[0]
    searches = list(db.query("select object_id, member_id from audit_log "
                             "where action = 'search'"))
    assert sorted(r["object_id"] for r in searches) == sorted(str(g["id"]) for g in mine)
    assert {r["member_id"] for r in searches} == {mine[0]["member_id"]}
    assert other["reference"] not in " ".join(_access_rows(tenant))
    clock.advance(minutes=20)  # the next day
    client.get("/benevoles/signalements/?q=numéro 1")
    rows = [row for row in _access_rows(tenant) if "tri" in row]
    assert len(rows) == 2 and "times" not in rows[0] and "times that day" in rows[1]
    assert db.table("audit_log").count_where("action = 'search'") == 3


def test_a_prefix_walk_of_searches_is_throttled(app, volunteers, db, building):
    """Issue 19, finding 7: walking word prefixes with thousands of searches to rebuild a
    report's text stops at the volunteer's limit (429, in their language, with Retry-After);
    refused searches find nothing and count nothing; the list without words still opens."""
    tenant = app.test_client()
    grievance = report(tenant, building, description="Code de la porte 4821B, fuite au sous-sol")
    client = _volunteer(app, volunteers, "curieux", building)
    words = [f"{a}{b}" for a in "abcdefghijklmnopqrstuvwxyz0123456789"
             for b in "abcdefghijklmnopqrstuvwxyz0123456789"][:2000]
    statuses, found = [], 0
    for word in words:
        response = client.get(f"/benevoles/signalements/?q={word}")
        statuses.append(response.status_code)
        found += grievance["reference"] in page_text(response)
        if statuses[-1] == 429:
            break
    assert statuses[-1] == 429 and set(statuses[:-1]) == {200}
    assert len(statuses) <= 200  # far short of the 2,052 searches of the finding
    assert found > 0
    english = client.get("/benevoles/signalements/?q=code&lang=en")
    assert english.status_code == 429 and int(english.headers["Retry-After"]) > 0
    assert "Too many searches" in page_text(english)
    assert grievance["reference"] not in page_text(english)
    french = client.get("/benevoles/signalements/?q=code&lang=fr")
    assert french.status_code == 429 and "Trop de recherches" in page_text(french)
    assert db.execute("select sum(times) from audit_tallies").fetchone()[0] == found
    assert f"{found} times that day" in " ".join(_access_rows(tenant))
    assert client.get("/benevoles/signalements/").status_code == 200
    other = _volunteer(app, volunteers, "autre", building)
    assert other.get("/benevoles/signalements/?q=fuite").status_code == 200


def test_case_steps_and_case_pages_are_in_the_tenants_log(app, volunteers, db, building,
                                                          clock):
    """Issue 19, finding 11: grouping a report into a case and recording the sending change
    it, and the case page, its letter and its PDF read it: each is in its tenant's log (the
    reads once per volunteer and day), with the audit entries."""
    tenant = app.test_client()
    grievance = report(tenant, building)
    client = _volunteer(app, volunteers, "cas", building)
    token = csrf_token(client, "/benevoles/dossiers/")
    made = client.post("/benevoles/dossiers/nouveau", data={
        "csrf_token": token, "building": building, "category": "damp", "title": "Humidité",
        "grievances": [grievance["id"]]})
    case_id = int(made.headers["Location"].rsplit("/", 1)[1])
    rows = [row for row in _access_rows(tenant) if "cas" in row]
    assert len(rows) == 1 and "changed a record" in rows[0]
    clock.advance(minutes=1)
    for path in ("", "", "/lettre", "/lettre.pdf"):
        assert client.get(f"/benevoles/dossiers/{case_id}{path}").status_code == 200
    rows = [row for row in _access_rows(tenant) if "cas" in row]
    assert len(rows) == 2 and "read a record" in rows[0] and "4 times that day" in rows[0]
    clock.advance(minutes=1)
    client.post(f"/benevoles/dossiers/{case_id}/revendications", data={
        "csrf_token": token, "demands-demands": "Un diagnostic de la ventilation."})
    sent = client.post(f"/benevoles/dossiers/{case_id}/envoi", data={
        "csrf_token": token, "sending-sent_on": "2026-10-01", "sending-sent_how": "recommandé"})
    assert sent.status_code == 302
    rows = [row for row in _access_rows(tenant) if "cas" in row]
    assert len(rows) == 3 and "changed a record" in rows[0]
    logged = [(r["action"], r["object_type"], r["member_id"]) for r in db.query(
        "select * from audit_log where volunteer_login = 'cas' and object_type in "
        "('case', 'grievance') order by id")]
    member = grievance["member_id"]
    assert logged == [("create", "case", None), ("update", "grievance", member),
                      ("read", "grievance", member), ("update", "case", None),
                      ("update", "case", None), ("update", "grievance", member)]


# --- retention and erasure -----------------------------------------------------------------

def _at(year, month, day) -> str:
    return datetime(year, month, day, 12, tzinfo=timezone.utc).isoformat(timespec="seconds")


def test_closed_reports_go_six_months_later_with_their_photos(app, client, db, building):
    """183 days after closure the report, its notes and photos (files too) are gone; an open
    report stays, and keeps its tenant however long they stay away."""
    closed = report(client, building, photos=[jpeg_bytes()])
    kept = report(app.test_client(), building, description="Chauffage en panne total")
    name = db.execute("select file_name from grievance_photos").fetchone()[0]
    db.table("grievances").update(closed["id"], {"status": "resolved",
                                                 "closed_at": _at(2026, 1, 10)})
    db.execute("update members set last_seen_at = ? where id = ?",
               [_at(2025, 1, 1), kept["member_id"]])
    with app.app_context():
        outcome = jobs.retention_purge(db, date(2026, 11, 28))
    assert [r["id"] for r in db.table("grievances").rows] == [kept["id"]]
    assert db.table("grievance_photos").count == 0
    assert not os.path.exists(f"{app.instance_path}/grievance_photos/{name}")
    assert kept["member_id"] in [r["id"] for r in db.table("members").rows]
    assert outcome["purged"]["grievances"] == 1 and outcome["files"] == 1


def test_a_tenant_goes_once_their_last_report_closes(app, client, db, building):
    """Past 13 months without using the key, a tenant is kept while a report is open, and
    purged with it once it is closed."""
    grievance = report(client, building)
    db.execute("update members set last_seen_at = ?", [_at(2025, 1, 1)])
    with app.app_context():
        jobs.retention_purge(db, date(2026, 11, 28))
        assert db.table("members").count == 1
        db.table("grievances").update(grievance["id"], {"status": "closed",
                                                        "closed_at": _at(2026, 11, 27)})
        jobs.retention_purge(db, date(2026, 11, 29))
    assert db.table("members").count == 0 and db.table("grievances").count == 0


def test_flagged_descriptions_go_sooner(app, client, db, building):
    """A confirmed flagged description is emptied 90 days after the report, its flags kept,
    its words gone from the file and the search index."""
    grievance = report(client, building, keep_as_written="y",
                       description="Le gardien est alcoolique et crie dans le hall le soir")
    db.table("grievances").update(grievance["id"], {"created_at": _at(2026, 7, 1)})
    with app.app_context():
        jobs.retention_purge(db, date(2026, 11, 28))
    row = db.table("grievances").get(grievance["id"])
    assert row["description"] is None and row["description_flags"]
    assert b"alcoolique" not in database_bytes(app)


def test_erasure_takes_reports_photos_and_index_words(app, client, db, building):
    """Erasing the space deletes the tenant's reports, notes and photos (files included) and
    leaves their words nowhere in the database."""
    report(client, building, photos=[jpeg_bytes()],
           description="Infiltrations par la toiture terrasse")
    name = db.execute("select file_name from grievance_photos").fetchone()[0]
    member_id = db.execute("select member_id from grievances").fetchone()[0]
    with app.app_context():
        audit.record(db, Reader(9, "lea"), "read", "grievance", 1, member_id=member_id)
    confirmation = page_text(client.get("/membre/effacer"))
    assert "1 photo" in confirmation
    client.post("/membre/effacer", data={"csrf_token": csrf_token(client, "/membre/")})
    assert db.table("grievances").count == 0 and db.table("grievance_photos").count == 0
    assert not os.path.exists(f"{app.instance_path}/grievance_photos/{name}")
    assert b"toiture" not in database_bytes(app)


def test_the_export_holds_the_reports_and_counts_photos(client, building):
    """The member's JSON export has their reports and counts their photos."""
    report(client, building, photos=[jpeg_bytes(), jpeg_bytes()])
    exported = client.get("/membre/export.json").get_json()
    assert len(exported["tables"]["grievances"]) == 1
    assert exported["files"] == {"grievance_photos": 2}


def test_a_building_with_reports_cannot_be_deleted(app, client, volunteers, db, building):
    """Deleting a building that has reports is refused with the reason."""
    report(client, building)
    admin = volunteers.create("adm", "admin")
    admin_client = app.test_client()
    volunteers.login(admin_client, admin)
    url = f"/benevoles/admin/batiments/{building}/supprimer"
    refused = admin_client.get(url)
    assert refused.status_code == 302
    admin_client.post(url, data={"csrf_token": csrf_token(admin_client, url)})
    assert db.table("buildings").count == 1


def test_demo_reports_and_case(app, db):
    """The demo loads reports in several buildings and kinds and one case with its letter;
    enough of them are triaged for its first building's page to show figures (issue 19)."""
    from association import demo

    with app.app_context():
        demo.load(db)
        demo.load(db)
    assert db.table("grievances").count_where("is_demo = 1") == 10
    assert db.table("cases").count_where("is_demo = 1 and demands is not null") == 1
    assert len({r["building_id"] for r in db.table("grievances").rows}) >= 2
    first = db.execute("select min(id) from buildings where is_demo = 1").fetchone()[0]
    assert "reports: 3; households concerned: 3" in lifts_figures(app, first)


def test_the_dashboard_mentions_new_reports_with_and_without_late_cases(app, volunteers, db):
    """New reports are announced on the volunteer's dashboard whether or not a case is late
    (a precedence slip dropped them unless one was), and a late case alone is announced."""
    building = add_building(app, "Tilleuls")
    volunteer = volunteers.create("triage", "volunteer", [building])
    client = app.test_client()
    volunteers.login(client, volunteer)
    assert "new report" not in page_text(client.get("/benevoles/?lang=en"))
    report(app.test_client(), building)
    assert "1 new report waits to be checked" in page_text(client.get("/benevoles/?lang=en"))
    db.execute("update grievances set status = 'checked'")
    db.conn.commit()
    assert "new report" not in page_text(client.get("/benevoles/?lang=en"))


def test_the_member_space_opens_with_the_reports_named_by_reference(app, volunteers):
    """A returning tenant sees their reports first, and "who read my records" names the
    report by its reference, not by a row number (issue 21)."""
    building = add_building(app, "Tilleuls")
    tenant = app.test_client()
    made = report(tenant, building)
    volunteer = app.test_client()
    volunteers.login(volunteer, volunteers.create("lecture", "volunteer", [building]))
    assert volunteer.get(f"/benevoles/signalements/{made['id']}").status_code == 200
    space = page_text(tenant.get("/membre/?lang=en"))
    assert space.index("My reports") < space.index("What we hold")
    log = space[space.index("Who read or changed my records"):]
    assert f"report “{made['reference']}”" in log


def test_a_volunteers_reads_of_a_report_on_one_day_are_one_line(app, volunteers):
    """Six openings of a report by one volunteer in a minute read as one line of the
    tenant's log, "6 times that day", not six lines (issue 21)."""
    building = add_building(app, "Tilleuls")
    tenant = app.test_client()
    made = report(tenant, building)
    volunteer = app.test_client()
    volunteers.login(volunteer, volunteers.create("relit", "volunteer", [building]))
    for _ in range(6):
        assert volunteer.get(f"/benevoles/signalements/{made['id']}").status_code == 200
    space = page_text(tenant.get("/membre/?lang=en"))
    log = space[space.index("Who read or changed my records"):]
    assert log.count("relit") == 1 and "6 times that day" in log


def test_the_collective_letter_fits_its_page(app):
    """The collective letter's PDF (issue 21): the signature wraps within the right margin
    and every word of it is in the text, the recipient is aligned left, no line starts with
    a lone ";", and a building named "Bâtiment A" is not "du bâtiment Bâtiment A"."""
    import io

    from pypdf import PdfReader

    from association.grievances import cases
    from association.letters import pdf

    name = "Amicale des locataires des Tilleuls, des Érables et des Marronniers (démonstration)"
    case = {"building_name": "Bâtiment A", "street_address": "12 rue des Tilleuls",
            "title": "Humidité persistante", "landlord_name": "Habitat Exemple OPH",
            "landlord_address": "1 place de l'Hôtel de Ville\n75004 Paris",
            "demands": "Un diagnostic sous un mois ; des travaux avant l'hiver ; un suivi."}
    facts = {"households": 4, "reports": 5, "kinds": ["humidité"], "since": "2026-09"}
    with app.test_request_context():
        letter = cases.letter(case, facts, {"name": name, "postal_address": "Local"},
                              date(2026, 12, 7))
        data = pdf(letter, "lettre")
    assert "du bâtiment Bâtiment" not in " ".join(letter.paragraphs)
    assert "du Bâtiment A" in " ".join(letter.paragraphs)
    page = PdfReader(io.BytesIO(data)).pages[0]
    chunks = []
    page.extract_text(visitor_text=lambda text, cm, tm, font, size: chunks.append(
        (text, tm[4] * cm[0] + cm[4], size * (tm[0] or 1),
         "Bold" in str((font or {}).get("/BaseFont", "")))))
    text = page.extract_text()
    for word in name.replace(",", "").replace("(", "").replace(")", "").split():
        assert word in text, word
    assert not any(line.strip().startswith(";") for line in text.splitlines())
    right_margin = float(page.mediabox.width) - 20 / 25.4 * 72
    measure = _font_metrics()
    for chunk, x, size, bold in chunks:
        if chunk.strip():
            assert x + measure(chunk.rstrip(), size, bold) <= right_margin + 2, (chunk, x)


def _font_metrics():
    """The width in points of a text in the letter's regular or bold face, measured by fpdf2
    from the font itself: a justified line is full, so a guessed average glyph width is not
    enough (issue 22's longer letters)."""
    from fpdf import FPDF

    from association.letter_fonts import FAMILY, FONTS, MAIN

    document = FPDF(unit="pt")
    for style, file_name in MAIN.items():
        document.add_font(FAMILY, style, str(FONTS / file_name))

    def width(text: str, size: float, bold: bool) -> float:
        document.set_font(FAMILY, "B" if bold else "", size)
        return document.get_string_width(text)
    return width


def test_a_search_finds_the_words_in_the_volunteer_s_buildings_only(app, volunteers, db, building):
    """The full-text index holds each report's building: a volunteer's search asks it for
    their buildings' reports, and a number typed is looked for in the descriptions, never in
    the building column."""
    other = db.table("buildings").insert({"name": "Autre bâtiment"}).last_pk
    tenant = app.test_client()
    mine = report(tenant, building, description="Ascenseur bloqué au troisième étage")
    report(tenant, other, description=f"Ascenseur bloqué aussi, bâtiment {other}")
    account = volunteers.create("loc", "volunteer", [building])
    client = app.test_client()
    volunteers.login(client, account)
    found = page_text(client.get("/benevoles/signalements/?q=ascenseur"))
    assert re.findall(r"R-[0-9A-Z]{4}-[0-9A-Z]{4}", found) == [mine["reference"]]
    number = page_text(client.get(f"/benevoles/signalements/?q={building}"))
    assert re.findall(r"R-[0-9A-Z]{4}-[0-9A-Z]{4}", number) == []


def test_the_report_card_gives_its_cases_dates_in_words(app, volunteers, building):
    """A tenant whose report joined a collective case reads, on its card, when the letter
    went, when the answer is due and when it came, in words (issue 21, item 8)."""
    tenant = app.test_client()
    grievance = report(tenant, building)
    client = _volunteer(app, volunteers, "dates", building)
    token = csrf_token(client, "/benevoles/dossiers/")
    made = client.post("/benevoles/dossiers/nouveau", data={
        "csrf_token": token, "building": building, "category": "damp", "title": "Humidité",
        "grievances": [grievance["id"]]})
    case_id = int(made.headers["Location"].rsplit("/", 1)[1])
    card = page_text(tenant.get("/membre/"))
    assert "dossier collectif" in card and "pas encore partie" in card
    client.post(f"/benevoles/dossiers/{case_id}/revendications", data={
        "csrf_token": token, "demands-demands": "Un diagnostic de la ventilation."})
    client.post(f"/benevoles/dossiers/{case_id}/envoi", data={
        "csrf_token": token, "sending-sent_on": "2026-10-01", "sending-sent_how": "recommandé"})
    card = page_text(tenant.get("/membre/"))
    assert "partie le 1er octobre 2026" in card
    assert "réponse attendue au plus tard le 6 novembre 2026" in card  # a month from its receipt
    client.post(f"/benevoles/dossiers/{case_id}/etapes", data={
        "csrf_token": token, "event-happened_on": "2026-10-20", "event-kind": "reply"})
    card = page_text(tenant.get("/membre/"))
    assert "a répondu le 20 octobre 2026" in card
    english = page_text(tenant.get("/membre/?lang=en"))
    assert "went to the landlord on 1 October 2026" in english
    assert "answered on 20 October 2026" in english


def test_a_sent_letter_stays_as_it_was_sent_when_a_tenant_erases(app, volunteers, db,
                                                                    building, clock):
    """A sent case keeps the counts its letter stated: a tenant erasing their space later
    changes neither the case's figures nor its reprinted letter, which keeps its date
    (issue 21)."""
    tenants = [app.test_client() for _ in range(2)]
    grievances = [report(t, building, since="2025-10") for t in tenants]
    client = _volunteer(app, volunteers, "gel", building)
    token = csrf_token(client, "/benevoles/dossiers/")
    made = client.post("/benevoles/dossiers/nouveau", data={
        "csrf_token": token, "building": building, "category": "damp", "title": "Humidité",
        "grievances": [g["id"] for g in grievances]})
    case_id = int(made.headers["Location"].rsplit("/", 1)[1])
    client.post(f"/benevoles/dossiers/{case_id}/revendications", data={
        "csrf_token": token, "demands-demands": "Un diagnostic de la ventilation."})
    client.post(f"/benevoles/dossiers/{case_id}/envoi", data={
        "csrf_token": token, "sending-sent_on": clock.moment.date().isoformat(),
        "sending-sent_how": "recommandé"})
    def letter():
        page = page_text(client.get(f"/benevoles/dossiers/{case_id}/lettre"))
        return page[page.index('<article class="letter"'):page.index("</article>")]

    sent = letter()
    assert "2 foyers" in sent and "2 problèmes" in sent
    erased = tenants[0].post("/membre/effacer",
                             data={"csrf_token": csrf_token(tenants[0], "/membre/")})
    assert erased.status_code == 200
    assert db.table("grievances").count == 1
    clock.advance(days=3)
    client = _volunteer(app, volunteers, "gel2", building)
    assert letter() == sent
    assert db.table("cases").get(case_id)["households"] == 2


def test_a_report_sent_twice_from_one_form_is_recorded_once(client, db, building):
    """Back and send again: the form's one-time token is refused politely the second time,
    pointing to the report already made; a new form makes a new report (issue 21)."""
    page = page_text(client.get("/signaler"))
    once = re.search(r'name="once"[^>]*value="([^"]+)"', page)[1]
    data = {"csrf_token": csrf_token(client, "/signaler"), "building": building,
            "category": "damp", "description": "Fuite d'eau sous l'évier depuis lundi",
            "once": once}
    assert client.post("/signaler?lang=en", data=data).status_code == 303
    made = db.execute("select reference from grievances").fetchone()[0]
    again = client.post("/signaler?lang=en", data=data, follow_redirects=True)
    assert db.table("grievances").count == 1
    assert "already sent" in page_text(again) and made in page_text(again)
    fresh = re.search(r'name="once"[^>]*value="([^"]+)"', page_text(client.get("/signaler")))[1]
    assert fresh != once
    assert client.post("/signaler", data={**data, "once": fresh}).status_code == 303
    assert db.table("grievances").count == 2


def test_a_step_that_changes_a_case_says_so(app, volunteers, building):
    """A reply marks a sent case answered, an outcome closes it: the volunteer is told the
    case's new state; a note, which changes nothing, says nothing of it (issue 21)."""
    client = _volunteer(app, volunteers, "etapes", building)
    made = report(app.test_client(), building)
    token = csrf_token(client, "/benevoles/dossiers/")
    case_id = int(client.post("/benevoles/dossiers/nouveau", data={
        "csrf_token": token, "building": building, "category": "damp", "title": "Humidité",
        "grievances": [made["id"]]}).headers["Location"].rsplit("/", 1)[1])
    client.post(f"/benevoles/dossiers/{case_id}/revendications", data={
        "csrf_token": token, "demands-demands": "Un diagnostic de la ventilation."})
    client.post(f"/benevoles/dossiers/{case_id}/envoi", data={
        "csrf_token": token, "sending-sent_on": "2026-10-01", "sending-sent_how": "recommandé"})

    def step(kind):
        return page_text(client.post(f"/benevoles/dossiers/{case_id}/etapes?lang=en", data={
            "csrf_token": token, "event-happened_on": "2026-10-20", "event-kind": kind,
            "event-note": "Passage du technicien"}, follow_redirects=True))

    assert "The case is now" not in step("note")
    assert "The case is now: answered." in step("reply")
    assert "The case is now: closed." in step("outcome")


def test_me_too_shows_that_it_was_pressed(app, building):
    """After "me too", the building's page shows the household's state for that problem,
    pressed (pressing it again takes the household off); another visitor still finds the
    button (issue 21)."""
    report(app.test_client(), building, category="lifts", description="Ascenseur en panne "
           "encore", confirmed=True)
    tenant = app.test_client()
    me_too(tenant, building)
    page = page_text(tenant.get(f"/batiments/{building}?lang=en"))
    assert 'aria-pressed="true"' in page and "your household is" in page
    assert "Me too: count my household" not in page
    anonymous = app.test_client().get(f"/batiments/{building}?lang=en")
    assert "Me too: count my household" in page_text(anonymous)
    assert 'aria-pressed="true"' not in page_text(anonymous)
