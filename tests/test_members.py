"""Members without identity: keys, the member space, contact address, export and erasure."""
import json

import pytest

from association import audit
from association.db import connect
from association.members import keys as members
from conftest import (KEY_PATTERN, Reader, add_building, csrf_token, database_bytes,
                      new_member, report)
from conftest import page_text as text


def test_key_format_and_entropy():
    """Keys are five groups of four Crockford characters: 100 bits, all different."""
    keys = {members.new_key() for _ in range(2000)}
    assert len(keys) == 2000
    assert all(KEY_PATTERN.fullmatch(k) for k in keys)
    assert members.KEY_LENGTH * 5 >= 100
    used = {ch for k in keys for ch in k.replace("-", "")}
    assert used == set(members.ALPHABET)


@pytest.mark.parametrize("typed", [
    "7kq2-9xwm-4prt-zr8h-3nda", "7KQ2 9XWM 4PRT ZR8H 3NDA", "7KQ29XWM4PRTZR8H3NDA",
    " 7KQ2–9XWM-4PRT-ZR8H-3NDA ",
])
def test_key_input_is_tolerant(typed):
    """Case, spaces and dashes do not matter."""
    assert members.normalise_key(typed) == "7KQ29XWM4PRTZR8H3NDA"


def test_confusable_characters_are_read_as_meant():
    """O is read as 0, I and L as 1."""
    assert members.normalise_key("OOOO-IIII-LLLL-0000-1111") == "00001111111100001111"
    assert members.normalise_key("too short") is None
    assert members.normalise_key("7KQ2-9XWM-4PRT-ZR8H-3ND!") is None


def test_key_is_never_stored_in_clear(app, client):
    """After a key is made, neither its text nor its bare characters are on disk."""
    key = new_member(client)
    raw = database_bytes(app)
    assert key.encode() not in raw and key.replace("-", "").encode() not in raw
    for path in (app.instance_path,):
        import os

        for name in os.listdir(path):
            full = os.path.join(path, name)
            if os.path.isfile(full):
                with open(full, "rb") as handle:
                    assert key.replace("-", "").encode() not in handle.read(), name


def test_key_opens_the_space_and_a_wrong_one_is_explained(app):
    """The right key opens the space; a malformed or unknown key gets a clear message."""
    maker = app.test_client()
    key = new_member(maker)
    client = app.test_client()
    malformed = client.post("/membre/", data={"csrf_token": csrf_token(client, "/membre/"),
                                              "key": "1234"})
    assert malformed.status_code == 400 and "20 lettres et chiffres" in text(malformed)
    assert 'value="1234"' in text(malformed)
    unknown = client.post("/membre/", data={"csrf_token": csrf_token(client, "/membre/"),
                                            "key": members.new_key()})
    assert unknown.status_code == 400 and "Aucune clé ne correspond" in text(unknown)
    ok = client.post("/membre/", data={"csrf_token": csrf_token(client, "/membre/"),
                                       "key": key.lower().replace("-", " ")})
    assert ok.status_code == 302
    assert "Fermer mon espace sur ce navigateur" in text(client.get("/membre/"))


def test_eleventh_wrong_key_from_an_address_is_throttled(app, clock):
    """Ten wrong keys in 15 minutes, then wrong keys get 429 until the window has passed;
    a member sharing that address still opens their space with their right key
    (regression: a key-guesser on the same address locked real members out)."""
    key = new_member(app.test_client())
    client = app.test_client()
    for _ in range(10):
        assert client.post("/membre/", data={"csrf_token": csrf_token(client, "/membre/"),
                                             "key": members.new_key()}).status_code == 400
    blocked = client.post("/membre/", data={"csrf_token": csrf_token(client, "/membre/"),
                                            "key": members.new_key()})
    assert blocked.status_code == 429 and "Retry-After" in blocked.headers
    neighbour = app.test_client()
    assert neighbour.post("/membre/", data={"csrf_token": csrf_token(neighbour, "/membre/"),
                                            "key": key}).status_code == 302
    clock.advance(minutes=16)
    assert client.post("/membre/", data={"csrf_token": csrf_token(client, "/membre/"),
                                         "key": members.new_key()}).status_code == 400


def test_member_session_ends_after_30_idle_minutes(app, client, clock):
    """The space closes by itself on a forgotten browser."""
    new_member(client)
    assert "Fermer mon espace sur ce navigateur" in text(client.get("/membre/"))
    clock.advance(minutes=31)
    assert "Fermer mon espace sur ce navigateur" not in text(client.get("/membre/"))


def test_contact_address_is_encrypted_with_consent_and_expiry(app, client, clock):
    """The address is stored encrypted, with its consent date and a six-month expiry."""
    new_member(client)
    missing_consent = client.post("/membre/contact", data={
        "csrf_token": csrf_token(client, "/membre/"), "contact-email": "lea@example.org"})
    assert missing_consent.status_code == 400
    assert 'value="lea@example.org"' in text(missing_consent)
    client.post("/membre/contact", data={"csrf_token": csrf_token(client, "/membre/"),
                                         "contact-email": "lea@example.org", "contact-consent": "y"})
    db = connect(app.config["DATABASE"])
    row = next(db.table("members").rows)
    db.close()
    assert row["contact_email"] and "lea@example.org" not in row["contact_email"]
    assert b"lea@example.org" not in database_bytes(app)
    assert row["contact_consent_at"] and row["contact_expires_at"] > row["contact_consent_at"]
    assert "lea@example.org" in text(client.get("/membre/"))
    client.post("/membre/contact/supprimer", data={"csrf_token": csrf_token(client, "/membre/")})
    db = connect(app.config["DATABASE"])
    row = next(db.table("members").rows)
    db.close()
    assert row["contact_email"] is None and row["contact_consent_at"] is None


def member_ids_in_every_table(db, member_id) -> dict[str, list[dict]]:
    """A scan of every table for rows pointing at the member, independent of the inventory."""
    found = {}
    for table in db.table_names():
        if table.startswith("sqlite_"):
            continue
        columns = {c.name for c in db.table(table).columns}
        links = {fk.column for fk in db.table(table).foreign_keys if fk.other_table == "members"}
        links |= {c for c in columns if c == "member_id"}
        if table == "members":
            links = {"id"}
        rows = []
        for column in links:
            rows += list(db.query(f"select * from [{table}] where [{column}] = ?", [member_id]))
        if rows:
            found[table] = rows
    return found


def test_export_holds_everything_the_database_holds(app, client, volunteers):
    """The JSON export has every row that a scan of every table finds for the member."""
    building = add_building(app, "Bâtiment A")
    new_member(client)
    token = csrf_token(client, "/membre/")
    client.post("/membre/batiment", data={"csrf_token": token, "building-building": str(building)})
    client.post("/membre/contact", data={"csrf_token": token, "contact-email": "m@example.org",
                                         "contact-consent": "y"})
    db = connect(app.config["DATABASE"])
    member_id = next(db.table("members").rows)["id"]
    reader = volunteers.create("vic", "volunteer", [building])
    with app.app_context():
        audit.record(db, Reader(reader.id, "vic"), "read",
                     "grievance", 12, member_id=member_id)
    expected = member_ids_in_every_table(db, member_id)
    db.close()
    response = client.get("/membre/export.json")
    assert response.headers["Content-Disposition"].startswith("attachment")
    exported = json.loads(response.get_data())["tables"]
    for table, rows in expected.items():
        got = exported[table]
        for row in rows:
            if table == "members":
                row = {**row, "contact_email": "m@example.org"}
            assert row in got, (table, row)
    assert {"members", "outbox", "audit_log"} <= expected.keys()


def test_printable_export_and_access_log(app, client, volunteers):
    """The readable export lists the tables; the space shows which volunteer read what."""
    new_member(client)
    db = connect(app.config["DATABASE"])
    member_id = next(db.table("members").rows)["id"]
    with app.app_context():
        audit.record(db, Reader(7, "claire-b"), "read", "grievance",
                     3, member_id=member_id)
    db.close()
    assert "locataires, connus seulement par une clé" in text(client.get("/membre/export"))
    space = text(client.get("/membre/"))
    assert "claire-b" in space and "consultation" in space


def test_erasure_needs_confirmation_then_removes_every_trace(app, client):
    """The erasure page says what will go, in numbers; the POST then leaves no byte of the
    member."""
    key = new_member(client)
    client.post("/membre/contact", data={"csrf_token": csrf_token(client, "/membre/"),
                                         "contact-email": "gone@example.org", "contact-consent": "y"})
    db = connect(app.config["DATABASE"])
    row = next(db.table("members").rows)
    with app.app_context():
        audit.record(db, Reader(5, "vic"), "read", "grievance", 1, member_id=row["id"])
    db.close()
    confirmation = text(client.get("/membre/effacer"))
    assert "Votre adresse e-mail est supprimée" in confirmation
    assert "1 message en attente d'envoi vers vous est annulé" in confirmation
    assert "L'entrée disant quel bénévole a consulté vos données reste" in confirmation
    done = client.post("/membre/effacer", data={"csrf_token": csrf_token(client, "/membre/")})
    assert "a été effacé" in text(done)
    db = connect(app.config["DATABASE"])
    assert db.table("members").count == 0 and db.table("outbox").count == 0
    assert db.table("audit_log").count_where("member_id is not null") == 0
    db.close()
    raw = database_bytes(app)
    for trace in (row["key_hash"], row["contact_email"], key.replace("-", "")):
        assert trace.encode() not in raw
    again = client.post("/membre/effacer", data={"csrf_token": csrf_token(client, "/membre/")})
    assert "C'est déjà fait" in text(again)
    other = app.test_client()
    reopened = other.post("/membre/", data={"csrf_token": csrf_token(other, "/membre/"),
                                            "key": key})
    assert reopened.status_code == 400


def test_member_pages_are_not_cached(client):
    """The member space is never stored by a browser or a proxy."""
    new_member(client)
    assert client.get("/membre/").headers["Cache-Control"] == "no-store"
    assert client.get("/membre/export.json").headers["Cache-Control"] == "no-store"


def test_member_language_follows_their_choice(app):
    """A key made in French but used in English gets its messages in English."""
    maker = app.test_client()
    key = new_member(maker)
    client = app.test_client()
    client.get("/?lang=en")
    client.post("/membre/", data={"csrf_token": csrf_token(client, "/membre/"), "key": key})
    db = connect(app.config["DATABASE"])
    assert next(db.table("members").rows)["language"] == "en"
    db.close()


def test_member_sees_who_revealed_their_text_and_why(app, client):
    """A reveal of the member's masked text shows in their space with its reason."""
    from association import privacy

    new_member(client)
    db = connect(app.config["DATABASE"])
    member_id = next(db.table("members").rows)["id"]
    with app.app_context():
        privacy.reveal(db, Reader(3, "yanis"), "grievance", 8,
                       member_id, "check_before_sending")
    db.close()
    space = text(client.get("/membre/"))
    assert "yanis" in space
    assert "révélation d'un texte masqué — pour vérifier avant tout envoi au bailleur" in space


def test_erasure_unlinks_the_searches_that_found_the_members_reports(app, volunteers):
    """Issue 19: the tally of a volunteer's searches that found a member's report is in the
    member's export and log; after erasure it stays for the volunteer's accountability but
    no longer points to the member, like the audit log."""
    building = add_building(app, "Bâtiment A")
    tenant = app.test_client()
    report(tenant, building, description="Fuite d'eau sous l'évier depuis lundi")
    volunteer = app.test_client()
    volunteers.login(volunteer, volunteers.create("vic", "volunteer", [building]))
    for _ in range(2):
        assert volunteer.get("/benevoles/signalements/?q=evier").status_code == 200
    exported = json.loads(tenant.get("/membre/export.json").get_data(as_text=True))
    assert [(row["volunteer_login"], row["times"]) for row in
            exported["tables"]["audit_tallies"]] == [("vic", 2)]
    assert "trouvé par une recherche" in text(tenant.get("/membre/"))
    tenant.post("/membre/effacer", data={"csrf_token": csrf_token(tenant, "/membre/"),
                                         "confirm": "y"})
    db = connect(app.config["DATABASE"])
    assert db.table("members").count == 0
    assert [(row["volunteer_login"], row["member_id"], row["times"])
            for row in db.table("audit_tallies").rows] == [("vic", None, 2)]
    assert db.table("audit_log").count_where("action = 'search' and member_id is null") == 1
    db.close()


def test_the_readable_export_reads_as_a_tenant_thinks(app, client):
    """The readable export opens with the tenant's own reports, values in words (the kind of
    problem, its state, a month by name), short labels, who read what last, and what each
    entry means in a glossary at the end (issue 21)."""
    from conftest import add_building, report

    building = add_building(app, "Tilleuls")
    made = report(client, building, category="damp", since="2025-11")
    page = text(client.get("/membre/export?lang=en"))
    reports, key = page.index("My reports"), page.index("My key and settings")
    glossary = page.index("What each entry means")
    assert reports < key < glossary
    first = page[reports:key]
    assert made["reference"] in first and "Tilleuls" in first
    assert "damp and mould" in first and "damp\n" not in first
    assert "November 2025" in first and "2025-11" not in first
    assert "Where it stands" in first and "new" in first
    assert "the report's reference, given to the tenant" in page[glossary:]
    french = text(client.get("/membre/export?lang=fr"))
    assert "Mes signalements" in french and "novembre 2025" in french
