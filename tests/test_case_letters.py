"""The collective letter in law (issue 22): each kind of problem cites its own grounds, on the
printable page and in the PDF, never "limitativement"; the volunteer adjusts the law cited and
confirms the tenant-repairs sentence; the association's standing, its signatory, the exact
answer date, the joint visit, the next steps and the copies; the letter is kept as sent;
allocation and transfer requests never become a collective case."""
import io
import re

import pytest
from pypdf import PdfReader

from association.dates import in_words
from association.db import connect
from conftest import csrf_token, page_text, report

# What each kind's letter must cite: written here from the legal review, not read from the
# code's table, so that a change to the table is checked against the law.
CITES = {
    "repairs": ["article 6 c)", "articles 1719 et 1720 du code civil", "article 7 d)",
                "vétusté, une malfaçon"],
    "damp": ["article 6 de la loi n° 89-462", "décret n° 2002-120", "ventilation",
             "article 7 d)"],
    "heating": ["décret n° 2002-120 du 30 janvier 2002 (article 3)", "chauffage normal",
                "article 23"],
    "water": ["décret n° 2002-120", "pression et un débit suffisants", "article 6 c)"],
    "lifts": ["contrôle technique", "article 23", "article 6 c)"],
    "pests": ["exempt de toute infestation d'espèces nuisibles et parasites",
              "décret n° 87-713", "main-d'œuvre"],
    "cleanliness": ["article 23", "décret n° 87-713", "décret n° 82-955", "service"],
    "common_areas": ["boîtes aux lettres", "encombrants", "article 23"],
    "caretaker": ["gardiennage", "trois quarts", "décret n° 87-713"],
    "parking": ["parking", "article 1719 du code civil", "article 23"],
    "fire_safety": ["dossier technique amiante", "plomb", "sécurité incendie"],
    "security": ["article 6 b)", "article 1719 3° du code civil", "décret n° 2002-120"],
    "noise": ["article 6 b)", "article 1719 3° du code civil", "article 7 b)",
              "isolation phonique", "ne vise aucun foyer"],
    "charges": ["article 23 de la loi n° 89-462", "six mois", "article 7-1",
                "article 44 de la loi n° 86-1290", "décompte par nature de charges",
                "décret n° 87-713"],
    "rent": ["article 21", "supplément de loyer de solidarité", "L. 441-3"],
    "works": ["article 44 quater de la loi n° 86-1290", "article 1724 du code civil",
              "article 23-1"],
    "data": ["règlement (UE) 2016/679", "articles 12 à 15"],
    "other": ["article 6 de la loi n° 89-462"],
}
# Whatever the kind: never the false "limitativement", never an unchecked "n'en relèvent pas".
NEVER = ["limitativement", "n'en relèvent pas", "ne relèvent pas des réparations locatives"]


def plain(text: str) -> str:
    """Text with its no-break spaces and line breaks as plain single spaces."""
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def pdf_text(data: bytes) -> str:
    """Every page of a PDF as one plain text."""
    return plain(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


def letter_page(client, case_id: int) -> str:
    """The letter's article on the printable page, as plain text."""
    page = page_text(client.get(f"/benevoles/dossiers/{case_id}/lettre"))
    article = page[page.index('<article class="letter"'):page.index("</article>")]
    return plain(re.sub(r"<[^>]+>", " ", article))


@pytest.fixture
def setting(app, volunteers):
    """A building with a landlord, and one of its volunteers signed in."""
    db = connect(app.config["DATABASE"])
    landlord = db.table("landlords").insert({
        "name": "Habitat Exemple OPH",
        "postal_address": "Service relations locataires, 1 place de l'Exemple, 75013 Paris"}
    ).last_pk
    building = db.table("buildings").insert({"name": "Bâtiment A — Les Tilleuls",
                                             "street_address": "12 rue des Tilleuls",
                                             "landlord_id": landlord}).last_pk
    db.conn.commit()
    db.close()
    client = app.test_client()
    volunteers.login(client, volunteers.create("lettres", "volunteer", [building]))
    return building, client


def open_case(client, building: int, category: str, grievances=(), **extra):
    """Open a case through the form; return the response (303 to the case when opened)."""
    return client.post("/benevoles/dossiers/nouveau", data={
        "csrf_token": csrf_token(client, "/benevoles/dossiers/"), "building": building,
        "category": category, "title": "Problème collectif", "grievances": list(grievances),
        **extra})


def case_of(response) -> int:
    """The case a form was redirected to."""
    return int(response.headers["Location"].rsplit("/", 1)[1])


def post(client, case_id: int, path: str, **fields):
    """A form of the case page, sent with its token."""
    return client.post(f"/benevoles/dossiers/{case_id}/{path}", data={
        "csrf_token": csrf_token(client, "/benevoles/dossiers/"), **fields})


@pytest.mark.parametrize("category", sorted(CITES))
def test_each_kind_of_problem_cites_its_own_grounds(app, setting, category):
    """A table test (review A1, A2, C5): the letter of a case of each kind cites that kind's
    obligations and proposes its demand, on the printable page and in the PDF; none says
    "limitativement" nor asserts unchecked that the problems are not tenant repairs."""
    building, client = setting
    made = open_case(client, building, category,
                     [report(app.test_client(), building, category=category)["id"]])
    assert made.status_code == 302, page_text(made)[-2000:]
    case_id = case_of(made)
    proposed = page_text(client.get(f"/benevoles/dossiers/{case_id}"))
    assert post(client, case_id, "revendications",
                **{"demands-demands": "Une réponse écrite."}).status_code == 302
    page = letter_page(client, case_id)
    printed = client.get(f"/benevoles/dossiers/{case_id}/lettre.pdf")
    assert printed.mimetype == "application/pdf"
    for text in (page, pdf_text(printed.get_data())):
        for cited in CITES[category]:
            assert plain(cited) in text, (category, cited)
        for wrong in NEVER:
            assert wrong not in text, (category, wrong)
    if category != "other":  # the volunteer writes the demands of "other" alone
        assert "demands-demands" in proposed and len(re.search(
            r'name="demands-demands"[^>]*>([^<]+)<', proposed)[1].strip()) > 20


def test_the_volunteer_adjusts_the_law_and_confirms_the_tenant_repairs(app, setting):
    """The legal paragraph is the kind's own until the volunteer adjusts it; the adjusted
    text is stored with the case and is what the letter cites; the sentence "not tenant
    repairs" appears only once the volunteer ticks it (off by default)."""
    building, client = setting
    case_id = case_of(open_case(client, building, "damp"))
    page = page_text(client.get(f"/benevoles/dossiers/{case_id}"))
    assert "décret n° 2002-120" in page and 'name="grounds-repairs_checked"' in page
    assert 'name="grounds-repairs_checked" type="checkbox" value="y">' in page  # not ticked
    db = connect(app.config["DATABASE"])
    unchanged = re.search(r'name="grounds-grounds"[^>]*>\s*([^<]+)<', page)[1]
    assert post(client, case_id, "fondements", **{
        "grounds-grounds": page_text_value(unchanged)}).status_code == 302
    assert db.table("cases").get(case_id)["grounds"] is None  # as proposed: the kind's own
    adjusted = ("Le décret n° 2002-120 du 30 janvier 2002 exige une ventilation en bon état."
                "\r\n\r\nLes VMC de l'immeuble ne fonctionnent plus depuis l'hiver.")
    assert post(client, case_id, "fondements", **{
        "grounds-grounds": adjusted, "grounds-repairs_checked": "y"}).status_code == 302
    row = db.table("cases").get(case_id)
    assert row["grounds"].split("\n\n") == [
        "Le décret n° 2002-120 du 30 janvier 2002 exige une ventilation en bon état.",
        "Les VMC de l'immeuble ne fonctionnent plus depuis l'hiver."]
    assert row["repairs_checked"] == 1
    letter = letter_page(client, case_id)
    assert "Les VMC de l'immeuble ne fonctionnent plus depuis l'hiver." in letter
    assert "Nous avons vérifié que les désordres signalés ne relèvent pas des réparations " \
           "locatives." in letter
    assert "vétusté" not in letter  # the volunteer's text replaced the proposed one
    refused = post(client, case_id, "fondements", **{"grounds-grounds": ""})
    assert refused.status_code == 400 and \
        "Écrivez les obligations du bailleur que cite la lettre." in page_text(refused)
    db.close()


def page_text_value(html_text: str) -> str:
    """A textarea's content as the browser sends it back."""
    import html

    return html.unescape(html_text)


def test_the_letter_speaks_with_standing_dates_and_next_steps(app, setting, volunteers):
    """The association's standing (art. 44 loi 86-1290) and RNA number from its settings, a
    signatory with a function, the recipient's address on its own lines, "1er", the exact
    answer date (a month from the estimated receipt), a joint visit or the consultation
    council, the conciliation commission, the health services, art. 24-1 mandates, and the
    copies (review C6, B7, D1, D4)."""
    building, client = setting
    admin = app.test_client()
    volunteers.login(admin, volunteers.create("presidence", "admin"))
    saved = admin.post("/benevoles/admin/association", data={
        "csrf_token": csrf_token(admin, "/benevoles/admin/association"),
        "name": "Amicale des Tilleuls", "postal_address": "12 rue des Tilleuls\n75020 Paris",
        "rna_number": "W751234567", "federation": "la CNL", "signatory": "Camille Martin",
        "signatory_function": "présidente"})
    assert saved.status_code == 302
    case_id = case_of(open_case(client, building, "heating"))
    letter = letter_page(client, case_id)
    assert "Amicale des Tilleuls, association régie par la loi du 1er juillet 1901 (RNA " \
           "W751234567), est affiliée à la CNL, organisation siégeant à la Commission " \
           "nationale de concertation" in letter
    assert "article 44 de la loi n° 86-1290" in letter
    assert "Pour l'amicale : Camille Martin, présidente" in letter
    assert "Service relations locataires 1 place de l'Exemple 75013 Paris" in letter
    assert re.search(r"au plus tard le \d+(er)? \w+ \d{4}", letter)
    assert not re.search(r"\d{4}-\d{2}-\d{2}", letter)
    for step in ("visite contradictoire", "conseil de concertation locative (article 44 bis",
                 "commission départementale de conciliation", "article 20 de la loi n° 89-462",
                 "services d'hygiène et de santé", "article 24-1",
                 "Copie : le conseil de concertation locative ; la CNL"):
        assert step in letter, step
    assert "Objet : Problème collectif — Bâtiment A — Les Tilleuls, 12 rue des Tilleuls" in \
        letter


def test_the_letter_is_kept_as_sent(app, setting, volunteers, clock):
    """Once its sending is recorded, the letter (page and PDF) is the one sent: dated the day
    it went, with the answer date it wrote, whatever the settings or the day it is reprinted
    (review C6); its grounds can no longer be changed."""
    building, client = setting
    case_id = case_of(open_case(client, building, "lifts"))
    post(client, case_id, "revendications", **{"demands-demands": "Une date de réparation."})
    assert post(client, case_id, "envoi", **{
        "sending-sent_on": "2026-12-01", "sending-sent_how": "recommandé AR"}
    ).status_code == 302
    db = connect(app.config["DATABASE"])
    row = db.table("cases").get(case_id)
    assert row["response_due"] == "2027-01-04"  # received Fri 4 Dec, then a month
    db.execute("update association_settings set signatory = 'Quelqu''un d''autre'")
    db.conn.commit()
    db.close()
    with app.test_request_context():
        today = in_words(clock().date(), "day", "fr")
    page = letter_page(client, case_id)
    printed = pdf_text(client.get(f"/benevoles/dossiers/{case_id}/lettre.pdf").get_data())
    for text in (page, printed):
        assert "Le 1er décembre 2026" in text and "au plus tard le 4 janvier 2027" in text
        assert "Quelqu'un d'autre" not in text
        assert today == "1er décembre 2026" or f"Le {plain(today)}" not in text
    assert post(client, case_id, "fondements", **{"grounds-grounds": "Autre chose."}
                ).status_code == 302
    assert "Autre chose." not in letter_page(client, case_id)


def test_allocation_requests_never_become_a_collective_case(app, setting, db):
    """Allocation and transfer requests are individual files (review A2, C5): the kind is not
    offered for a case and is refused if sent, with the reason in words; their reports are
    not offered for grouping, are not grouped if sent, and cannot be moved "in a case"."""
    building, client = setting
    allocation = report(app.test_client(), building, category="allocation",
                        description="Demande de mutation pour un logement plus grand")
    damp = report(app.test_client(), building, category="damp")
    db.execute("update grievances set status = 'checked'")
    db.conn.commit()
    form = page_text(client.get(f"/benevoles/dossiers/nouveau?batiment={building}"))
    assert 'value="allocation"' not in form and allocation["reference"] not in form
    assert damp["reference"] in form
    assert "dossiers individuels" in form and "ne les regroupe jamais" in form
    refused = open_case(client, building, "allocation", [allocation["id"]])
    assert refused.status_code == 400 and db.table("cases").count == 0
    mixed = open_case(client, building, "", [allocation["id"], damp["id"]])
    assert mixed.status_code == 400 and db.table("cases").count == 0
    made = open_case(client, building, "", [damp["id"]])
    assert made.status_code == 302
    from association.grievances import cases

    with app.app_context():
        assert cases.attach(db, case_of(made), building, [allocation["id"]], None) == 0
    rows = {row["id"]: row for row in db.table("grievances").rows}
    assert (rows[allocation["id"]]["case_id"], rows[allocation["id"]]["status"]) == \
        (None, "checked")
    assert rows[damp["id"]]["case_id"] == case_of(made)
    desk = page_text(client.get(f"/benevoles/signalements/{allocation['id']}"))
    assert 'value="in_case"' not in desk
    moved = client.post(f"/benevoles/signalements/{allocation['id']}/statut", data={
        "csrf_token": csrf_token(client, "/benevoles/dossiers/"), "status-status": "in_case"})
    assert moved.status_code in (302, 400)
    assert db.table("grievances").get(allocation["id"])["status"] == "checked"
    with app.app_context(), pytest.raises(ValueError):
        cases.open_case(db, building, "allocation", "Mutations", None, [], [], None)


def test_the_case_page_writes_dates_in_words(app, setting):
    """The case page and the letter write "1er" and never an ISO date (review D1, D2)."""
    building, client = setting
    case_id = case_of(open_case(client, building, "charges"))
    post(client, case_id, "revendications", **{"demands-demands": "Le décompte."})
    post(client, case_id, "envoi", **{"sending-sent_on": "2026-10-01",
                                      "sending-sent_how": "remise en main propre"})
    page = page_text(client.get(f"/benevoles/dossiers/{case_id}"))
    main = page[page.index("<main"):page.index("</main>")]
    text = re.sub(r"<[^>]+>", " ", re.sub(r'(value|href|action|name|id)="[^"]*"', "", main))
    assert "1er octobre 2026" in plain(text)
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text)


def test_an_address_typed_on_one_line_is_written_on_several(app):
    """The recipient's and the sender's addresses: one line per element (review D4)."""
    from datetime import date

    from association.grievances import cases

    case = {"building_name": "Tilleuls", "title": "Ascenseur", "category": "lifts",
            "landlord_name": "Office", "landlord_address": "Service X, 1 place Y, 75013 Paris",
            "demands": "Une date."}
    facts = {"households": 3, "reports": 3, "kinds": ["ascenseurs"], "since": None,
             "codes": ["lifts"]}
    with app.test_request_context():
        letter = cases.letter(case, facts, {"name": "Amicale",
                                            "postal_address": "2 rue Z\n75020 Paris"},
                              date(2026, 12, 1))
    assert letter.recipient == ["Office", "Service X", "1 place Y", "75013 Paris"]
    with app.test_request_context():
        standing = cases.letter(case, facts, {
            "name": "Amicale", "rna_number": "W751234567", "represents_tenth": 1,
            "publication_director": "Camille Martin",
            "publication_director_function": "présidente"}, date(2026, 12, 1))
    assert "Amicale, association régie par la loi du 1er juillet 1901 (RNA W751234567), " \
           "représente au moins 10 % des locataires de l'ensemble" in \
        plain(" ".join(standing.paragraphs))
    assert standing.signature == "Pour l'amicale\u00a0: Camille Martin, présidente"
    with app.test_request_context():
        bare = cases.letter(case, facts, {"name": "Amicale"}, date(2026, 12, 1))
    assert "article 44 de la loi" not in " ".join(bare.paragraphs)  # no standing claimed
    assert letter.sender == ["Amicale", "2 rue Z", "75020 Paris"]
    assert letter.dated == "Le 1er décembre 2026"
    assert letter.subject == "Objet\u00a0: Ascenseur — Tilleuls"


def test_the_answer_date_counts_the_landlords_holidays(app):
    """The answer date is a month from the letter's estimated receipt, with the public
    holidays of the landlord's département: dated Tue 23 Feb 2027, deemed received Fri 26,
    due 26 March, but 30 March for a landlord in Moselle (Good Friday; review B5, B7)."""
    from datetime import date

    from association.grievances import cases

    assert cases.answer_due(date(2027, 2, 23)) == date(2027, 3, 26)
    assert cases.answer_due(date(2027, 2, 23), "57") == date(2027, 3, 30)
    case = {"building_name": "Tilleuls", "title": "Chauffage", "category": "heating",
            "landlord_departement": "57"}
    facts = {"households": 3, "reports": 3, "kinds": ["chauffage"], "since": None,
             "codes": ["heating"]}
    with app.test_request_context():
        letter = cases.letter(case, facts, {"name": "Amicale"}, date(2027, 2, 23))
    assert "au plus tard le 30 mars 2027" in plain(" ".join(letter.paragraphs))
