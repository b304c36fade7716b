"""The charges check, through HTTP on a real SQLite file: a verdict of each kind on a
statement built from the recoverable list, the CSV import (all or nothing, each bad line
named), overrulings audited, the two windows, the letters joining the collective case, the
public pages and a reader's share kept nowhere."""
import io
import re
from datetime import date, timedelta

import pytest

from association import retention
from association.charges import check, hooks, outages, spreadsheet, statements, windows
from association.charges.recoverable import NATURES, VERDICTS
from association.db import connect
from conftest import Reader, add_landlord, csrf_token, database_bytes, page_text

PARTLY_NATURES = {"caretaker_both", "caretaker_one", "pest_control"}


@pytest.fixture
def buildings(app):
    """Two buildings of one landlord."""
    landlord = add_landlord(app)
    db = connect(app.config["DATABASE"])
    first = db.table("buildings").insert({"name": "Les Lilas", "landlord_id": landlord}).last_pk
    second = db.table("buildings").insert({"name": "Les Roses", "landlord_id": landlord}).last_pk
    db.close()
    return first, second


@pytest.fixture
def volunteer(app, volunteers, buildings):
    """A client signed in as a volunteer of the first building."""
    account = volunteers.create("charges-vol", "volunteer", [buildings[0]])
    client = app.test_client()
    assert volunteers.login(client, account).status_code == 302
    return client


def new_statement(client, building_id, year=2025, units="1 000", received=None) -> int:
    """Enter a statement through the form; its id."""
    received = received or date(year + 1, 6, 1).isoformat()
    response = client.post("/benevoles/charges/nouveau", data={
        "csrf_token": csrf_token(client, "/benevoles/charges/nouveau"),
        "building": building_id, "year": year, "sender": "Bailleur, service des charges",
        "received_on": received, "distribution_key": "surface", "total_units": units,
        "social_housing": "y"})
    assert response.status_code == 303, page_text(response)[:3000]
    return int(response.headers["Location"].rstrip("/").rsplit("/", 1)[1])


def add_line(client, statement_id, label, nature, amount, percent=None):
    """Add a line through the form; the response."""
    url = f"/benevoles/charges/{statement_id}"
    data = {"csrf_token": csrf_token(client, url), "line-label": label, "line-nature": nature,
            "line-amount": amount}
    if percent is not None:
        data["line-charged_percent"] = percent
    return client.post(f"{url}/lignes", data=data)


def line_cards(html: str) -> dict[str, str]:
    """Each line's card on a statement's page, by its label."""
    cards = {}
    for chunk in html.split('<li id="line-')[1:]:
        label = re.search(r'<h3 class="charge-label">([^<]*)</h3>', chunk)[1]
        cards[label] = chunk.split("</li>")[0]
    return cards


@pytest.mark.parametrize("verdict", VERDICTS)
def test_each_verdict_with_why_and_reference(app, volunteer, buildings, verdict):
    """Every nature the recoverable list gives this verdict, typed as a line: the page says
    the verdict in words, why and the text; partly recoverable lines say what is not."""
    statement_id = new_statement(volunteer, buildings[0])
    natures = [code for code, found in NATURES.items() if found.verdict == verdict]
    assert natures
    for code in natures:
        response = add_line(volunteer, statement_id, f"Ligne {code}", code, "1 000,00",
                            100 if code in PARTLY_NATURES else None)
        assert response.status_code == 303, page_text(response)[:2000]
    html = page_text(volunteer.get(f"/benevoles/charges/{statement_id}?lang=fr"))
    cards = line_cards(html)
    words = {"recoverable": "récupérable", "partly": "récupérable en partie",
             "not_recoverable": "non récupérable", "ask": "à éclaircir"}[verdict]
    for code in natures:
        card = cards[f"Ligne {code}"]
        assert f'class="badge verdict-{verdict}">{words}<' in card, code
        assert re.search(r"(décret|art\.) ", card), code  # the reference, in French
    if verdict == "partly":
        assert "250,00" in cards["Ligne caretaker_both"]  # 75 % of 1 000 recoverable
        assert "600,00" in cards["Ligne caretaker_one"]  # 40 %
        assert "part à établir d'après les pièces" in cards["Ligne pest_control"]
    if verdict == "not_recoverable":
        for code in natures:
            assert "Non récupérable" in cards[f"Ligne {code}"]
    if verdict == "recoverable":
        assert all("Non récupérable" not in card for card in cards.values())


def test_a_caretaker_charged_within_the_limit_is_recoverable():
    """A caretaker who does both tasks, charged at 75 %: recoverable; at 90 %, partly, with
    what is above 75 % not recoverable."""
    statement = {"total_units": 100, "social_housing": 1}
    line = check.line("Gardien", "caretaker_both", 90_000, 75)
    assert check.verdict(line, True).verdict == "recoverable"
    over = check.verdict(check.line("Gardien", "caretaker_both", 90_000, 90), True)
    assert (over.verdict, over.excess) == ("partly", 15_000)
    assert check.totals(statement, [over])["excess_per_unit"] == 1.5


def test_rises_and_costs_against_other_buildings_are_flagged(app, volunteer, buildings, db):
    """A nature 20 % dearer than the year before, or 30 % dearer per m² than the other
    buildings the same year, is flagged beside its verdict."""
    before = new_statement(volunteer, buildings[0], 2024, received="2025-06-01")
    add_line(volunteer, before, "Gaz", "heating_fuel", "10 000")
    add_line(volunteer, before, "Eau", "water", "5 000")
    statement_id = new_statement(volunteer, buildings[0], 2025)
    add_line(volunteer, statement_id, "Gaz", "heating_fuel", "13 000")
    add_line(volunteer, statement_id, "Eau", "water", "5 100")
    with app.app_context():
        other = statements.create(db, {"building_id": buildings[1], "year": 2025,
                                       "sender": "Bailleur", "received_on": "2026-06-01",
                                       "distribution_key": "surface", "total_units": 1000},
                                  None)
        statements.add_lines(db, other, [
            {"label": "Eau", "nature": "water", "amount_cents": 300_000},
            {"label": "Gaz", "nature": "heating_fuel", "amount_cents": 1_250_000}], None)
    html = page_text(volunteer.get(f"/benevoles/charges/{statement_id}?lang=fr"))
    cards = line_cards(html.replace("\u00a0", " ").replace("\u202f", " "))
    assert "en hausse de 30 %" in cards["Gaz"] and "fois le coût" not in cards["Gaz"]
    assert "en hausse" not in cards["Eau"] and "1,7 fois le coût" in cards["Eau"]


def test_csv_import_with_bad_lines_imports_nothing_and_names_each(app, volunteer, buildings,
                                                                 db):
    """A file with bad lines: nothing is imported, and each error names its line."""
    statement_id = new_statement(volunteer, buildings[0])
    url = f"/benevoles/charges/{statement_id}"
    body = ("libelle;nature;montant;montant_unitaire;part_facturee\r\n"
            "Combustible gaz;heating_fuel;41 250,00;;\r\n"
            "Contrat inconnu;licorne;100;;\r\n"
            "Eau froide;water;douze euros;;\r\n"
            "Gardien en arrêt maladie;caretaker_both;30 000;;100\r\n"
            "Gardien;caretaker_both;30 000;;140\r\n"
            "Nettoyage;cleaning;9 800,00;;\r\n")
    response = volunteer.post(f"{url}/import", data={
        "csrf_token": csrf_token(volunteer, url),
        "import-file": (io.BytesIO(body.encode()), "decompte.csv")},
        content_type="multipart/form-data")
    assert response.status_code == 400
    text = page_text(response).replace("\u00a0", " ").replace("\u202f", " ")
    assert "Rien n'a été importé" in text or "Rien n’a été importé" in text
    assert "Ligne 3 : la nature « licorne » n'est pas de la liste" in text
    assert "Ligne 4 : le montant « douze euros » n'est pas un montant en euros" in text
    assert "Ligne 5 : le libellé mentionne" in text
    assert "Ligne 6 : la part facturée « 140 »" in text
    assert "Ligne 2 :" not in text and "Ligne 7 :" not in text
    assert db.table("charge_lines").count == 0

    template = volunteer.get("/benevoles/charges/modele.csv")
    assert template.mimetype == "text/csv"
    response = volunteer.post(f"{url}/import", data={
        "csrf_token": csrf_token(volunteer, url),
        "import-file": (io.BytesIO(template.data), "modele.csv")},
        content_type="multipart/form-data")
    assert response.status_code == 303
    assert db.table("charge_lines").count == len(spreadsheet.EXAMPLE)
    assert db.execute("select count(*) from audit_log where action = 'charge_import' and "
                      "object_id = ?", [str(statement_id)]).fetchone()[0] == 1


def test_natures_are_read_by_name_in_either_language_or_by_code(app, volunteer, buildings,
                                                                 db):
    """A spreadsheet may name a nature as the page does, in French or English, whatever the
    case or spaces, or by its code; the page lists them beside the import form."""
    statement_id = new_statement(volunteer, buildings[0])
    url = f"/benevoles/charges/{statement_id}"
    assert "heating_p3" in page_text(volunteer.get(f"{url}?lang=fr"))
    body = ("libelle;nature;montant\r\n"
            "Gaz;Chauffage : combustible et énergie (P1);41 250,00\r\n"
            "Eau;COLD  WATER;5 100\r\n"
            "Contrat P3;heating_p3;6 800\r\n")
    response = volunteer.post(f"{url}/import", data={
        "csrf_token": csrf_token(volunteer, url),
        "import-file": (io.BytesIO(body.encode("cp1252")), "decompte.csv")},
        content_type="multipart/form-data")
    assert response.status_code in (302, 303), page_text(response)[:2000]
    assert [row[0] for row in db.execute(
        "select nature from charge_lines order by position")] == [
        "heating_fuel", "water", "heating_p3"]


def test_a_file_without_the_header_says_which_columns(app):
    """The first line names the columns: a file without it is refused, saying which."""
    rows, errors = spreadsheet.read(b"Gaz;heating_fuel;100\n")
    assert rows == [] and "libelle" in errors[0]


def test_overruling_a_verdict_is_audited_and_a_reason_about_a_person_refused(
        app, volunteer, buildings, db):
    """A volunteer gives a line another verdict with a reason (logged); a reason about a
    person is refused and nothing changes."""
    statement_id = new_statement(volunteer, buildings[0])
    add_line(volunteer, statement_id, "Espaces verts", "green_spaces", "2 000")
    line_id = db.execute("select id from charge_lines").fetchone()[0]
    url = f"/benevoles/charges/{statement_id}"
    assert f"{url}/lignes/{line_id}/avis" in volunteer.get(url).get_data(as_text=True)
    refused = volunteer.post(f"{url}/lignes/{line_id}/avis", data={
        "csrf_token": csrf_token(volunteer, url), f"overrule-{line_id}-verdict":
        "not_recoverable", f"overrule-{line_id}-reason": "Le jardinier est musulman"})
    assert refused.status_code == 400
    assert "Le jardinier est musulman" in page_text(refused)  # given back, to be rewritten
    assert db.table("charge_overrules").count == 0
    response = volunteer.post(f"{url}/lignes/{line_id}/avis", data={
        "csrf_token": csrf_token(volunteer, url), f"overrule-{line_id}-verdict":
        "not_recoverable", f"overrule-{line_id}-reason": "Aucun entretien fait cette année"})
    assert response.status_code == 303
    card = line_cards(page_text(volunteer.get(f"{url}?lang=fr")))["Espaces verts"]
    assert "verdict-not_recoverable" in card and "Aucun entretien fait cette année" in card
    again = page_text(volunteer.get(f"{url}/lignes/{line_id}/avis?lang=fr"))
    assert 'value="Aucun entretien fait cette année"' in again  # the form says what was given
    assert db.execute("select count(*) from audit_log where action = 'charge_overrule' and "
                      "object_type = 'charge_line' and object_id = ?",
                      [str(line_id)]).fetchone()[0] == 1


def test_the_two_windows_on_the_dashboard_and_in_the_calendar(app, volunteer, buildings):
    """Six months to consult (art. 23) and three years to claim back (art. 7-1), counted as
    legal periods; a window closing within a month is on the dashboard, both are events."""
    assert windows.consult_until({"received_on": "2026-06-01"}) == date(2026, 12, 1)
    # 1 March 2026 + 6 months is a Tuesday; + 36 months, 1 March 2029, a Thursday.
    assert windows.consult_until({"received_on": "2026-03-01"}) == date(2026, 9, 1)
    assert windows.claim_until({"received_on": "2026-03-01"}) == date(2029, 3, 1)
    # Ending on a Saturday, the period runs to the next working day.
    assert windows.consult_until({"received_on": "2025-12-06"}) == date(2026, 6, 8)
    from association.clock import today

    with app.app_context():
        received = today() - timedelta(days=165)
    statement_id = new_statement(volunteer, buildings[0], received=received.isoformat())
    dashboard = page_text(volunteer.get("/benevoles/?lang=fr"))
    assert "les pièces justificatives peuvent être consultées jusqu'au" in dashboard
    ics = volunteer.get("/benevoles/charges/echeances.ics").get_data(as_text=True)
    last = windows.consult_until({"received_on": received.isoformat()})
    assert ics.count("BEGIN:VEVENT") == 2
    assert f"DTSTART;VALUE=DATE:{last:%Y%m%d}" in ics
    assert f"UID:amicale-charges-{statement_id}-claim" in ics


def test_letters_join_the_collective_case_and_draw_a_pdf(app, volunteer, buildings, db):
    """Producing the dispute letter adds it to the building's case of category "charges"
    (opened for it) and its timeline; a second letter joins the same case; the printable
    page gives the grounds and the amounts, and the PDF is drawn."""
    statement_id = new_statement(volunteer, buildings[0])
    add_line(volunteer, statement_id, "Garantie totale (P3)", "heating_p3", "6 400")
    add_line(volunteer, statement_id, "Gardien", "caretaker_both", "34 000", 100)
    url = f"/benevoles/charges/{statement_id}"
    for kind in ("contestation", "remboursement"):
        response = volunteer.post(f"{url}/lettres", data={
            "csrf_token": csrf_token(volunteer, url), "kind": kind})
        assert response.status_code == 303
        assert response.headers["Location"].endswith(f"/lettres/{kind}")
    cases = list(db.query("select * from cases"))
    assert [(c["building_id"], c["category"]) for c in cases] == [(buildings[0], "charges")]
    steps = [row["kind"] for row in db.query("select kind from case_events where case_id = ?",
                                             [cases[0]["id"]])]
    assert steps == ["letter_prepared", "letter_prepared"]
    assert db.table("charge_statements").get(statement_id)["case_id"] == cases[0]["id"]
    letter = page_text(volunteer.get(f"{url}/lettres/contestation?lang=fr")).replace(
        "\u202f", " ").replace("\u00a0", " ")
    assert "Contestation des charges 2025" in letter
    assert "Montant contesté : 6 400,00 €" in letter and "Montant contesté : 8 500,00 €" in letter
    assert "Au total, nous contestons 14 900,00 € pour l'immeuble, soit 14,90 € par m²" in letter
    refund = page_text(volunteer.get(f"{url}/lettres/remboursement?lang=fr"))
    assert "article 7-1" in refund and "1er juin 2029" in refund
    consult = page_text(volunteer.get(f"{url}/lettres/consultation?lang=fr"))
    assert "article 44 de la loi" in consult and "1er décembre 2026" in consult
    pdf = volunteer.get(f"{url}/lettres/contestation.pdf")
    assert pdf.mimetype == "application/pdf" and pdf.data.startswith(b"%PDF")


def test_no_refund_letter_for_nothing_or_after_three_years(app, volunteer, buildings, db):
    """A refund is asked of what is known not to be recoverable, within the three years of
    art. 7-1: otherwise the page says why instead of offering the letter, and posting it,
    opening it or its PDF anyway is refused with the reason; no case is opened."""
    recoverable = new_statement(volunteer, buildings[0])
    add_line(volunteer, recoverable, "Eau froide", "water", "5 100")
    old = new_statement(volunteer, buildings[0], 2021, received="2022-03-01")
    add_line(volunteer, old, "Garantie totale (P3)", "heating_p3", "6 400")
    for statement_id, why in ((recoverable, "Rien dans ce décompte n’est encore établi"),
                              # 1 March 2025, a Saturday: the period ran to Monday.
                              (old, "Les trois ans pour réclamer ont pris fin le 3 mars "
                                    "2025")):
        url = f"/benevoles/charges/{statement_id}"
        page = page_text(volunteer.get(f"{url}?lang=fr")).replace("\u00a0", " ")
        assert why in page and 'value="remboursement"' not in page
        assert 'value="contestation"' in page
        refused = volunteer.post(f"{url}/lettres", data={
            "csrf_token": csrf_token(volunteer, url), "kind": "remboursement"},
            follow_redirects=True)
        assert why in page_text(refused).replace("\u00a0", " ")
        for path in ("remboursement", "remboursement.pdf"):
            answer = volunteer.get(f"{url}/lettres/{path}")
            assert answer.status_code == 303 and "application/pdf" not in answer.content_type
    assert db.execute("select count(*) from cases").fetchone()[0] == 0


def test_a_credit_on_a_nature_not_owed_lessens_the_claim(app, volunteer, buildings):
    """A landlord's credit on a nature the tenants do not owe (insurance refunded) is
    deducted from what the dispute letter claims, and said so, not "contested"."""
    statement_id = new_statement(volunteer, buildings[0])
    add_line(volunteer, statement_id, "Assurance immeuble", "insurance", "2 000")
    add_line(volunteer, statement_id, "Avoir assurance", "insurance", "-500")
    url = f"/benevoles/charges/{statement_id}"
    volunteer.post(f"{url}/lettres", data={"csrf_token": csrf_token(volunteer, url),
                                           "kind": "contestation"})
    letter = page_text(volunteer.get(f"{url}/lettres/contestation")).replace(
        "\u202f", " ").replace("\u00a0", " ")
    assert "Montant contesté : 2 000,00 €" in letter
    assert "Avoir assurance" in letter and "déduit de ce que nous contestons" in letter
    assert "Montant contesté : -500,00 €" not in letter
    assert "Au total, nous contestons 1 500,00 € pour l'immeuble" in letter


def test_days_out_of_service_are_counted_within_the_year_once():
    """An outage counts its days within the year (an open one up to today), days two records
    share once; the deduction is the nature's charges in proportion to the days."""
    found = [{"equipment": "lift", "started_on": "2024-12-20", "ended_on": "2025-01-10"},
             {"equipment": "lift", "started_on": "2025-01-05", "ended_on": "2025-01-12"},
             {"equipment": "hot_water", "started_on": "2025-12-30", "ended_on": None}]
    days = outages.days_out(found, 2025, date(2026, 2, 1))
    assert days == {"lift": 12, "hot_water": 2}
    assert outages.days_out(found, 2025, date(2025, 12, 30)) == {"lift": 12, "hot_water": 1}
    lifts = check.verdict(check.line("Ascenseur", "lifts", 365_000), True)
    assert outages.deductions(days, [lifts], 2025) == [("lift", 12, 12_000)]


def test_an_outage_recorded_lessens_the_lift_charges_in_the_dispute_letter(
        app, volunteer, volunteers, buildings, db):
    """A volunteer records the lift out of service (dates only, audited), marks it back in
    service; the dispute letter asks the lift charges reduced for those days, in
    proportion; a last day before the first is refused with what was typed kept; another
    building's volunteer cannot touch it."""
    statement_id = new_statement(volunteer, buildings[0])
    add_line(volunteer, statement_id, "Contrat ascenseur", "lifts", "3 650")
    url = f"/benevoles/charges/{statement_id}"
    refused = volunteer.post(f"{url}/pannes", data={
        "csrf_token": csrf_token(volunteer, url), "outage-equipment": "lift",
        "outage-started_on": "2025-03-10", "outage-ended_on": "2025-03-01"})
    assert refused.status_code == 400
    assert "Le dernier jour vient après le premier" in page_text(refused)
    assert 'value="2025-03-10"' in page_text(refused)
    assert volunteer.post(f"{url}/pannes", data={
        "csrf_token": csrf_token(volunteer, url), "outage-equipment": "lift",
        "outage-started_on": "2025-03-01"}).status_code == 303
    outage_id = db.execute("select id from charge_outages").fetchone()[0]
    early = volunteer.post(f"{url}/pannes/{outage_id}/fin", data={
        "csrf_token": csrf_token(volunteer, url), f"end-{outage_id}-ended_on": "2025-02-20"})
    assert early.status_code == 400 and "Le dernier jour vient après le premier" in page_text(
        early) and 'value="2025-02-20"' in page_text(early)
    assert volunteer.post(f"{url}/pannes/{outage_id}/fin", data={
        "csrf_token": csrf_token(volunteer, url),
        f"end-{outage_id}-ended_on": "2025-03-20"}).status_code == 303
    page = page_text(volunteer.get(f"{url}?lang=fr")).replace("\u00a0", " ")
    assert "Ascenseur : 20 jours" in page
    volunteer.post(f"{url}/lettres", data={"csrf_token": csrf_token(volunteer, url),
                                           "kind": "contestation"})
    letter = page_text(volunteer.get(f"{url}/lettres/contestation")).replace(
        "\u202f", " ").replace("\u00a0", " ")
    assert "L'ascenseur a été hors service 20 jours en 2025" in letter
    assert "réduites au prorata de ces jours, soit 200,00 €" in letter  # 3,650 € × 20/365
    assert "Nous vous demandons de rectifier" in letter
    assert db.execute("select count(*) from audit_log where object_type = 'charge_outage'"
                      ).fetchone()[0] == 2
    other = app.test_client()
    account = volunteers.create("charges-outage-other", "volunteer", [buildings[1]])
    assert volunteers.login(other, account).status_code == 302
    assert other.post(f"{url}/pannes/{outage_id}/supprimer", data={
        "csrf_token": csrf_token(other, "/benevoles/charges/")}).status_code == 404
    assert db.table("charge_outages").count == 1


def test_a_volunteer_of_another_building_is_told_nothing(app, volunteers, volunteer,
                                                        buildings):
    """A statement of a building outside the volunteer's scope answers 404."""
    statement_id = new_statement(volunteer, buildings[0])
    other = volunteers.create("autre-vol", "volunteer", [buildings[1]])
    client = app.test_client()
    volunteers.login(client, other)
    assert client.get(f"/benevoles/charges/{statement_id}").status_code == 404


def test_public_only_once_published_and_the_share_is_kept_nowhere(app, volunteer, buildings,
                                                                   db):
    """A statement is public once a volunteer publishes it; a reader's share is computed on
    the server without the figure reaching the database, its log or a cache."""
    statement_id = new_statement(volunteer, buildings[0])
    add_line(volunteer, statement_id, "Garantie totale (P3)", "heating_p3", "6 400")
    add_line(volunteer, statement_id, "Combustible", "heating_fuel", "40 000")
    anonymous = app.test_client()
    public_url = f"/charges/{buildings[0]}/2025"
    assert anonymous.get(public_url).status_code == 404
    url = f"/benevoles/charges/{statement_id}"
    assert volunteer.post(f"{url}/publication", data={
        "csrf_token": csrf_token(volunteer, url)}).status_code == 302
    assert "Les Lilas" in page_text(anonymous.get("/charges/?lang=fr"))
    page = anonymous.get(public_url + "?lang=fr")
    assert page.status_code == 200 and "non récupérable" in page_text(page)
    before = db.table("audit_log").count
    response = anonymous.post(f"{public_url}/ma-part?lang=fr", data={
        "csrf_token": csrf_token(anonymous, public_url), "units": "68,37"})
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    text = page_text(response).replace("\u202f", " ").replace("\u00a0", " ")
    # 68.37 m² of 1,000: 6,400 € disputed -> 437.57 €; all 46,400 € -> 3,172.37 €.
    assert "Ces charges coûtent 3 172,37 € à votre logement" in text
    assert "437,57 €" in text
    assert db.table("audit_log").count == before
    raw = database_bytes(app)
    assert b"68,37" not in raw and b"68.37" not in raw
    assert "68,37" not in response.headers.get("Set-Cookie", "")


def test_a_communique_embeds_a_published_check(app, volunteer, buildings, db):
    """``[[charges:<building_id>/<year>]]``: the box of a published check, nothing for an
    unpublished one or a malformed argument."""
    statement_id = new_statement(volunteer, buildings[0])
    add_line(volunteer, statement_id, "Frais de gestion", "management_fees", "2 150")
    with app.test_request_context("/?lang=fr"):
        assert hooks.embed(db, f"{buildings[0]}/2025") is None
        statements.set_published(db, statement_id, True, Reader(1, "admin-test"))
        box = str(hooks.embed(db, f"{buildings[0]}/2025"))
        assert "Charges 2025" in box and "2\u202f150,00\u00a0€" in box
        assert hooks.embed(db, "abc/2025") is None and hooks.embed(db, "1/99999") is None


def test_the_register_says_the_tables_hold_no_personal_data(app, client):
    """The charges tables are declared without personal data, and the register says so."""
    from association.charges.tables import TABLES

    for table in TABLES:
        assert (table.people, table.legal_basis) == ("none", "not_personal")
        assert not any(column.personal for column in table.columns)
    register = page_text(client.get("/donnees?lang=fr"))
    assert "les décomptes annuels de charges du bailleur" in register
    assert register.count("Aucune donnée personnelle") >= 3


def test_statements_go_after_six_years_with_their_lines(app, volunteer, buildings, db):
    """The purge deletes a statement six years after it came, its lines and overrulings
    with it."""
    statement_id = new_statement(volunteer, buildings[0], 2018, received="2019-06-01")
    add_line(volunteer, statement_id, "Gaz", "heating_fuel", "100")
    kept = new_statement(volunteer, buildings[0], 2024, received="2025-06-01")
    with app.app_context():
        retention.purge(db, date(2025, 6, 3))
    assert [row["id"] for row in db.query("select id from charge_statements")] == [kept]
    assert db.table("charge_lines").count == 0


def test_the_cards_escape_what_was_typed(app, volunteer, buildings):
    """A line's label and an overruling's reason are escaped in the cards drawn outside Jinja,
    on the public page and the volunteers'."""
    statement_id = new_statement(volunteer, buildings[0])
    add_line(volunteer, statement_id, '<b>Espaces</b> & "verts"', "green_spaces", "2 000")
    url = f"/benevoles/charges/{statement_id}"
    volunteer.post(f"{url}/publication", data={"csrf_token": csrf_token(volunteer, url)})
    for page in (volunteer.get(url), app.test_client().get(f"/charges/{buildings[0]}/2025")):
        html = page.get_data(as_text=True)
        assert "<b>Espaces" not in html
        assert "&lt;b&gt;Espaces&lt;/b&gt; &amp; &quot;verts&quot;" in html


def test_labels_in_any_script_read_as_typed(app, volunteer, buildings):
    """Labels in Chinese, Arabic and accented French, and the amounts' narrow spaces and euro
    sign, read as typed on the public page and the volunteers', though the public page's
    cards are drawn in ASCII (every other character a character reference)."""
    statement_id = new_statement(volunteer, buildings[0])
    labels = ("清洁费 公共区域", "تنظيف الدرج والمدخل", "Électricité — parties communes")
    for label, nature, amount in zip(labels, ("cleaning", "green_spaces", "common_electricity"),
                                     ("12 345,60", "2 000", "980")):
        assert add_line(volunteer, statement_id, label, nature, amount).status_code < 400
    url = f"/benevoles/charges/{statement_id}"
    volunteer.post(f"{url}/publication", data={"csrf_token": csrf_token(volunteer, url)})
    public = app.test_client().get(f"/charges/{buildings[0]}/2025?lang=fr")
    drawn = public.get_data(as_text=True).split('<ol class="charge-lines">')[1].split("</ol>")[0]
    assert drawn.isascii() and "&#28165;" in drawn  # 清
    for page in (public, volunteer.get(f"{url}?lang=fr")):
        text = page_text(page)
        assert all(label in text for label in labels)
        assert "12\u202f345,60\u00a0€" in text and "980,00\u00a0€" in text


def test_a_statement_is_corrected_and_its_windows_and_costs_follow(app, volunteer, volunteers,
                                                                   buildings, db):
    """A volunteer corrects the total of m² and the date received: the costs per m² and the
    two windows follow, the correction is audited; a date to come, or a person named as the
    sender (the public page shows it), is refused with what was typed kept; a volunteer of
    another building gets 404."""
    statement_id = new_statement(volunteer, buildings[0], units="1 000")
    add_line(volunteer, statement_id, "Eau froide", "water", "5 000")
    url = f"/benevoles/charges/{statement_id}/modifier"
    form = page_text(volunteer.get(f"{url}?lang=fr"))
    assert 'value="Bailleur, service des charges"' in form and 'value="1\u202f000"' in form
    refused = volunteer.post(url, data={
        "csrf_token": csrf_token(volunteer, url), "sender": "Service des charges",
        "received_on": "2999-01-01", "distribution_key": "surface", "total_units": "2 000,5",
        "social_housing": "y"})
    assert refused.status_code == 400
    text = page_text(refused)
    assert 'value="2 000,5"' in text and 'value="Service des charges"' in text
    assert "Cette date n" in text
    person = volunteer.post(url, data={
        "csrf_token": csrf_token(volunteer, url), "sender": "Mme Diallo, chargée de clientèle",
        "received_on": "2026-03-01", "distribution_key": "surface", "total_units": "2 000",
        "social_housing": "y"})
    assert person.status_code == 400
    assert "pas une personne" in page_text(person)
    assert 'value="Mme Diallo, chargée de clientèle"' in page_text(person)
    done = volunteer.post(url, data={
        "csrf_token": csrf_token(volunteer, url), "sender": "Service des charges",
        "received_on": "2026-03-01", "distribution_key": "surface", "total_units": "2 000",
        "social_housing": "y"})
    assert done.status_code == 303
    page = page_text(volunteer.get(f"/benevoles/charges/{statement_id}?lang=fr")).replace(
        "\u202f", " ").replace("\u00a0", " ")
    assert "Service des charges" in page and "2,50 €" in page  # 5 000 € over 2 000 m²
    assert "1er septembre 2026" in page and "1er mars 2029" in page
    assert db.execute("select count(*) from audit_log where object_type = 'charge_statement' "
                      "and action = 'update' and object_id = ?",
                      [str(statement_id)]).fetchone()[0] >= 1
    other = app.test_client()
    account = volunteers.create("charges-other", "volunteer", [buildings[1]])
    assert volunteers.login(other, account).status_code == 302
    assert other.get(url).status_code == 404


def test_the_check_is_exported_as_csv_with_formulas_kept_as_text(app, volunteer, volunteers,
                                                                  buildings):
    """The check downloads as CSV for a spreadsheet: a row a line with its verdict, what is
    not recoverable, why and the text; French decimals in French; a label that starts like
    a formula stays text; a volunteer of another building gets 404."""
    import csv as csv_module

    statement_id = new_statement(volunteer, buildings[0])
    add_line(volunteer, statement_id, "Garantie totale (P3)", "heating_p3", "6 400")
    add_line(volunteer, statement_id, "=1+1 nettoyage", "cleaning", "980,50")
    url = f"/benevoles/charges/{statement_id}/controle.csv"
    response = volunteer.get(f"{url}?lang=fr")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff")
    rows = list(csv_module.reader(io.StringIO(text[1:]), delimiter=";"))
    assert rows[0][:3] == ["Libellé", "Nature", "Montant pour l'immeuble (€)"]
    p3, cleaning = rows[1], rows[2]
    assert p3[0] == "Garantie totale (P3)" and p3[2] == "6400,00" and p3[5] == "6400,00"
    assert p3[4] == "non récupérable" and "89-462" in p3[7]
    assert cleaning[0] == "'=1+1 nettoyage" and cleaning[2] == "980,50" and cleaning[5] == "0,00"
    english = list(csv_module.reader(io.StringIO(
        volunteer.get(f"{url}?lang=en").get_data(as_text=True)[1:]), delimiter=";"))
    assert english[0][0] == "Label" and english[1][2] == "6400.00"
    other = app.test_client()
    account = volunteers.create("charges-csv-other", "volunteer", [buildings[1]])
    assert volunteers.login(other, account).status_code == 302
    assert other.get(url).status_code == 404


def test_a_line_typed_in_error_is_removed(app, volunteer, buildings, db):
    """A volunteer takes a line off its statement (logged); a line of another statement
    answers 404."""
    statement_id = new_statement(volunteer, buildings[0])
    add_line(volunteer, statement_id, "Erreur de saisie", "water", "12")
    line_id = db.execute("select id from charge_lines").fetchone()[0]
    url = f"/benevoles/charges/{statement_id}"
    other = new_statement(volunteer, buildings[0], 2024, received="2025-06-01")
    assert volunteer.post(f"/benevoles/charges/{other}/lignes/{line_id}/supprimer", data={
        "csrf_token": csrf_token(volunteer, url)}).status_code == 404
    assert volunteer.post(f"{url}/lignes/{line_id}/supprimer", data={
        "csrf_token": csrf_token(volunteer, url)}).status_code == 303
    assert db.table("charge_lines").count == 0
    assert db.execute("select count(*) from audit_log where action = 'delete' and "
                      "object_type = 'charge_line'").fetchone()[0] == 1


def test_a_statement_without_a_total_has_no_costs_per_unit(app, volunteer, buildings):
    """The building's total of m² or shares is optional: without it, no cost per unit and no
    reader's share, said in words."""
    statement_id = new_statement(volunteer, buildings[0], units="")
    add_line(volunteer, statement_id, "Frais de gestion", "management_fees", "2 150")
    url = f"/benevoles/charges/{statement_id}"
    volunteer.post(f"{url}/publication", data={"csrf_token": csrf_token(volunteer, url)})
    page = page_text(app.test_client().get(f"/charges/{buildings[0]}/2025?lang=fr"))
    assert "votre part ne peut pas être calculée ici" in page and "Par m²" not in page


def test_a_published_check_is_kept_and_its_share_form_posts(app, volunteer, buildings):
    """The statement's page is drawn once for many readers (``pagecache``), each with their
    own CSRF token, and a reader's share is computed from the kept page's form."""
    from flask import template_rendered

    statement_id = new_statement(volunteer, buildings[0])
    add_line(volunteer, statement_id, "Combustible", "heating_fuel", "40 000")
    url = f"/benevoles/charges/{statement_id}"
    volunteer.post(f"{url}/publication", data={"csrf_token": csrf_token(volunteer, url)})
    drawn = []
    template_rendered.connect(lambda sender, template, context, **_: drawn.append(
        template.name), app, weak=False)
    public_url = f"/charges/{buildings[0]}/2025"
    first, second = app.test_client(), app.test_client()
    tokens = {csrf_token(first, public_url), csrf_token(second, public_url)}
    assert len(tokens) == 2 and drawn.count("charges/statement.html") == 1
    response = second.post(f"{public_url}/ma-part", data={
        "csrf_token": csrf_token(second, public_url), "units": "100"})
    assert response.status_code == 200 and "à votre logement" in page_text(response)
