"""Access requests checked against the legal review (issue 22): a follow-up only once it is
due, each case with its own letter; the complaint pack's day and content; the events the
law turns on (identification, fee, extension reasons); the landlord's département; the
access letter's items and its French wording."""
from datetime import date, timedelta

import pytest

from association.db import connect
from association.dates import in_words
from association.requests import letters, trackers
from conftest import add_campaign, csrf_token, follow_campaign, page_text

FIELDS = {"full_name": "Ana Lima", "postal_address": "3 rue Basse\n75019 Paris"}


def today_of(app) -> date:
    """The app's day (its clock is the real one, held still by the test)."""
    from association.clock import today

    with app.app_context():
        return today()


def text(response) -> str:
    """The page's text, no-break spaces read as spaces."""
    return page_text(response).replace("\u00a0", " ").replace("\u202f", " ")


def post_form(client, url, page=None, **data):
    """POST a form with the CSRF token of ``page`` (``url`` by default)."""
    return client.post(url, data={"csrf_token": csrf_token(client, page or url), **data})


def follow_up(client, tracker_id, **extra):
    """POST the follow-up letter's form."""
    return post_form(client, f"/demandes/suivi/{tracker_id}/relance",
                     **{**FIELDS, "send_channel": "email", **extra})


def record(client, tracker_id, path, **data):
    """POST one of the tracker page's forms; it saves and redirects."""
    response = post_form(client, f"/demandes/suivi/{tracker_id}/{path}",
                         page=f"/demandes/suivi/{tracker_id}", **data)
    assert response.status_code == 303, text(response)[-1500:]


def test_no_follow_up_before_the_deadline(app, client):
    """Sent three days ago: the tracker offers no follow-up and says until when the landlord
    has; the follow-up's page, its letter and its PDF are refused with that date (review A3)."""
    add_campaign(app)
    sent = today_of(app) - timedelta(days=3)
    tracker_id = follow_campaign(client, "bailleur-2026", sent_on=sent.isoformat(),
                                 channel="email")
    with app.app_context():
        due = in_words(trackers.due_date(sent), "day", "fr")
    page = text(client.get(f"/demandes/suivi/{tracker_id}"))
    assert f"Votre bailleur a jusqu’au {due} pour répondre" in page
    assert f"/demandes/suivi/{tracker_id}/relance\"" not in client.get(
        f"/demandes/suivi/{tracker_id}").get_data(as_text=True)
    form_page = client.get(f"/demandes/suivi/{tracker_id}/relance")
    assert form_page.status_code == 200
    assert f"Votre bailleur a jusqu’au {due}" in text(form_page)
    assert 'name="full_name"' not in form_page.get_data(as_text=True)
    refused = post_form(client, f"/demandes/suivi/{tracker_id}/relance",
                        page=f"/demandes/suivi/{tracker_id}", **FIELDS, send_channel="email")
    assert refused.status_code == 400
    assert f"Aucune relance n’est due : votre bailleur a jusqu’au {due} pour répondre." \
        in text(refused)
    assert "imposait" not in text(refused) and "Ana Lima" not in text(refused)
    pdf = post_form(client, f"/demandes/suivi/{tracker_id}/relance.pdf",
                    page=f"/demandes/suivi/{tracker_id}", **FIELDS, send_channel="email")
    assert pdf.status_code == 400 and pdf.mimetype == "text/html"
    complaint = text(client.get(f"/demandes/suivi/{tracker_id}/plainte"))
    assert "Le dossier de plainte sera prêt le" in complaint
    assert "Collez ce texte" not in complaint


def test_the_late_follow_up_cites_the_law_and_a_dated_ultimatum(app, client):
    """Late and unanswered: the letter cites Art. 12(3) with the deadline, Art. 12(4), 77 and
    79, says the receipt was estimated (B3), and gives a date fifteen days after its own
    receipt (C2)."""
    add_campaign(app)
    tracker_id = follow_campaign(client, "bailleur-2026", sent_on="2026-01-05", channel="post")
    response = follow_up(client, tracker_id, send_channel="registered")
    assert response.status_code == 200
    letter = text(response)
    with app.app_context():
        ultimatum = trackers.estimated_receipt(today_of(app), "registered") + timedelta(days=15)
        words = in_words(ultimatum, "day", "fr")
    assert "(réception estimée au 8 janvier 2026)" in letter
    assert "soit au plus tard le 9 février 2026. Je n’ai reçu aucune réponse." in letter
    assert "l’article 12, paragraphe 4, du RGPD" in letter
    assert f"au plus tard le {words}, quinze jours après la réception de la présente" in letter
    assert "l’article 77 du RGPD" in letter and "(article 79)" in letter
    assert "Objet : relance de ma demande d’accès du 5 janvier 2026" in letter


def test_a_partial_answer_gets_its_own_follow_up(app, client):
    """After a partial answer: the letter lists what article 15 owes and the answer left
    out, the recipients by name and the dates and purposes of consultations among them, never
    the staff roles (asked in addition, not owed: B2)."""
    add_campaign(app)
    tracker_id = follow_campaign(client, "bailleur-2026", sent_on="2026-01-05", channel="email")
    record(client, tracker_id, "reponse", **{"answer-answered_on": "2026-02-01",
                                             "answer-grade": "partial",
                                             "answer-checklist": ["a", "b"]})
    letter = text(follow_up(client, tracker_id))
    assert "Votre réponse du 1er février 2026 est incomplète." in letter
    assert "c) les destinataires nommément, sous-traitants compris (CJUE, C‑154/21)" in letter
    assert "les dates et les finalités des consultations de mon dossier" in letter
    assert "fonctions des personnels" not in letter.split("Objet")[1]
    assert "Objet : ma demande d’accès du 5 janvier 2026, une réponse incomplète" in letter


def test_a_refusal_gets_its_own_follow_up_and_complaint(app, client):
    """After a refusal: Art. 12(5), the controller's burden, C-307/22; the complaint pack is
    ready at once and says the refusal was not justified."""
    add_campaign(app, siren="344366315")
    tracker_id = follow_campaign(client, "bailleur-2026", sent_on="2026-01-05", channel="email")
    record(client, tracker_id, "reponse", **{"answer-answered_on": "2026-01-20",
                                             "answer-grade": "refusal"})
    letter = text(follow_up(client, tracker_id))
    assert "Votre réponse du 20 janvier 2026 refuse ma demande." in letter
    assert "manifestement infondée ou excessive" in letter and "C‑307/22" in letter
    complaint = text(client.get(f"/demandes/suivi/{tracker_id}/plainte"))
    assert "refuse ma demande, sans démontrer" in complaint


def test_the_complaint_pack_names_the_controller_the_law_and_the_routes(app, client):
    """Ready: the controller's address, SIREN and DPO, "Je suis locataire de", Art. 77, what
    a partial answer left out, « une relance est recommandée, pas obligatoire », the court
    route and the collective angle (review B1, C3)."""
    add_campaign(app, siren="344366315")
    tracker_id = follow_campaign(client, "bailleur-2026", sent_on="2026-01-05", channel="email")
    record(client, tracker_id, "reponse", **{"answer-answered_on": "2026-02-01",
                                             "answer-grade": "partial",
                                             "answer-checklist": ["a", "b", "c", "d"]})
    page = text(client.get(f"/demandes/suivi/{tracker_id}/plainte"))
    for expected in ("Habitat Test", "1 rue du Test", "75013 PARIS", "SIREN : 344366315",
                     "Délégué à la protection des données : dpo@bailleur.example",
                     "Je suis locataire de Habitat Test.",
                     "La CNIL a besoin de votre demande et de la preuve de son envoi. Une "
                     "relance est recommandée, pas obligatoire.",
                     "En application de l’article 77 du RGPD",
                     "e) les droits de rectification", "article 79", "référé",
                     "articles 834 et 835", "Chaque locataire dépose sa propre plainte",
                     "courrier d’accompagnement"):
        assert expected in page, expected


def test_a_justified_identification_request_moves_the_deadline(app, client):
    """Recorded on the tracker: justified and answered ten days later, the deadline moves ten
    days; not justified, it does not, and the follow-up says so (C4)."""
    add_campaign(app)
    tracker_id = follow_campaign(client, "bailleur-2026", sent_on="2026-01-05", channel="email")
    db = connect(app.config["DATABASE"])
    deadline = lambda: db.execute("select deadline_on from trackers where id = ?",  # noqa: E731
                                  [tracker_id]).fetchone()[0]
    assert deadline() == "2026-02-05"
    record(client, tracker_id, "identification", **{
        "identity-identity_asked_on": "2026-01-20", "identity-identity_justified": "y",
        "identity-identity_answered_on": "2026-01-30"})
    assert deadline() == "2026-02-16"  # 15 February is a Sunday
    record(client, tracker_id, "identification", **{
        "identity-identity_asked_on": "2026-01-20", "identity-identity_answered_on": "2026-01-30"})
    assert deadline() == "2026-02-05"
    db.close()
    letter = text(follow_up(client, tracker_id))
    assert "n’a pas suspendu le délai" in letter and "doute raisonnable" in letter
    page = text(client.get(f"/demandes/suivi/{tracker_id}"))
    assert "non justifiée : le délai continue de courir" in page


def test_an_answer_before_the_identification_request_is_refused(app, client):
    """The member's answer cannot come before the landlord's request: refused, saying why."""
    add_campaign(app)
    tracker_id = follow_campaign(client, "bailleur-2026", sent_on="2026-01-05", channel="email")
    response = post_form(client, f"/demandes/suivi/{tracker_id}/identification",
                         page=f"/demandes/suivi/{tracker_id}", **{
                             "identity-identity_asked_on": "2026-01-20",
                             "identity-identity_answered_on": "2026-01-10"})
    assert response.status_code == 400
    assert "Cette date est antérieure à la demande du bailleur." in text(response)


def test_a_fee_and_an_extension_without_reasons_are_answered(app, client):
    """A fee asked for and an extension notice without reasons: the tracker says the notice
    extends nothing, and the follow-up answers both (C2, C4)."""
    add_campaign(app)
    tracker_id = follow_campaign(client, "bailleur-2026", sent_on="2026-01-05", channel="email")
    record(client, tracker_id, "frais", **{"fee-fee_asked_on": "2026-01-15"})
    record(client, tracker_id, "prolongation", **{"extension-extension_notice_on": "2026-01-30"})
    page = text(client.get(f"/demandes/suivi/{tracker_id}"))
    assert "sans motifs : il ne prolonge pas le délai" in page
    assert "la première copie est gratuite" in page
    letter = text(follow_up(client, tracker_id))
    assert "annonçait une prolongation sans en donner les motifs" in letter
    assert "Votre demande de frais du 15 janvier 2026 n’est pas fondée" in letter
    assert "soit au plus tard le 5 février 2026" in letter


def test_the_landlords_departement_counts_its_holidays(app, client, volunteers):
    """A landlord in Moselle, set on its form: a request received on 26 November 2025 is due
    on 29 December there (26 December is a holiday), not on the 26th (B5)."""
    admin = volunteers.create("root-admin", "admin")
    staff = app.test_client()
    volunteers.login(staff, admin)
    refused = post_form(staff, "/benevoles/admin/bailleurs/nouveau", page="/benevoles/",
                        name="Office de Moselle", departement="5777")
    assert refused.status_code == 400 and "par exemple 75, 2A ou 974" in text(refused)
    assert post_form(staff, "/benevoles/admin/bailleurs/nouveau", page="/benevoles/",
                     name="Office de Moselle", departement="57").status_code == 302
    db = connect(app.config["DATABASE"])
    landlord_id = db.execute("select id from landlords").fetchone()[0]
    db.close()
    add_campaign(app, slug="moselle", landlord_id=landlord_id)
    add_campaign(app, slug="paris")
    moselle = follow_campaign(client, "moselle", sent_on="2025-11-26", channel="email")
    paris = follow_campaign(client, "paris", sent_on="2025-11-26", channel="email")
    db = connect(app.config["DATABASE"])
    due = dict(db.execute("select id, due_on from trackers").fetchall())
    db.close()
    assert (due[moselle], due[paris]) == ("2025-12-29", "2025-12-26")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_access_letter_has_every_item_of_the_review(app, language):
    """The default letter: recipients by name (C-154/21), transfers (15(2)), retention
    criteria, automated decisions' significance and consequences (C-634/21, C-203/22), free
    and unmotivated (C-307/22), the copy's form (C-487/21), no identity document without
    reasonable doubt (12(6)), without undue delay, clear language, consultations (C-579/21)."""
    template = letters.DEFAULT_TEMPLATES[language]
    expected = {
        "fr": ("C‑154/21", "article 15, paragraphe 2", "les critères utilisés pour la déterminer",
               "l’importance et les conséquences prévues", "C‑634/21 et C‑203/22",
               "n’a pas à être motivée et la première copie est gratuite", "C‑307/22",
               "reproduction fidèle et intelligible", "C‑487/21", "doute raisonnable",
               "article 12, paragraphe 6", "dans les meilleurs délais", "en langage clair",
               "les dates et les finalités des consultations de mon dossier (CJUE, C‑579/21)",
               "à titre complémentaire, les fonctions des personnels"),
        "en": ("C-154/21", "Article 15(2)", "the criteria used to determine it",
               "significance and envisaged consequences", "C-634/21 and C-203/22",
               "needs no reason and the first copy is free of charge", "C-307/22",
               "faithful and intelligible reproduction", "C-487/21", "reasonable doubt",
               "Article 12(6)", "without undue delay", "clear and plain language",
               "the dates and purposes of the consultations of my file (CJEU, C-579/21)",
               "in addition, the functions of the staff"),
    }[language]
    for words in expected:
        assert words in template, words


def test_the_letter_is_worded_as_french_letters_are(app):
    """"1er", « Courriel : », « N° de locataire (figurant sur l'avis d'échéance) », the
    address one element a line, no DPO line without a DPO, the optional registered-post line
    and « À Montreuil, le … »; the English one dated day, month, year (D1–D6)."""
    campaign = {"controller_name": "Office Test", "dpo_email": None,
                "controller_address": "Service clients, 1 place X, 93100 Montreuil"}
    fields = {**FIELDS, "tenant_ref": "A-12", "email": "ana@example.org", "town": "Montreuil",
              "registered": True}
    with app.test_request_context():
        french = letters.request_letter(campaign, letters.DEFAULT_TEMPLATES["fr"], fields,
                                        "fr", date(2026, 12, 1))
        english = letters.request_letter(campaign, letters.DEFAULT_TEMPLATES["en"],
                                         {**FIELDS}, "en", date(2026, 12, 7))
        with_dpo = letters.request_letter({**campaign, "dpo_email": "dpo@office.example"},
                                          letters.DEFAULT_TEMPLATES["fr"], FIELDS, "fr",
                                          date(2026, 12, 7))
    nbsp = lambda line: line.replace("\u00a0", " ").replace("\u202f", " ")  # noqa: E731
    assert nbsp(french.dated) == "À Montreuil, le 1er décembre 2026"
    assert [nbsp(line) for line in french.sender[-2:]] == [
        "N° de locataire (figurant sur l’avis d’échéance) : A-12", "Courriel : ana@example.org"]
    assert french.recipient == ["Lettre recommandée avec avis de réception", "Office Test",
                                "Service chargé de la protection des données",
                                "Service clients", "1 place X", "93100 MONTREUIL"]
    assert "À l’attention du délégué à la protection des données" in with_dpo.recipient
    assert english.dated == "On 7 December 2026"
    body = french.plain_text()
    assert "Objet" not in body and french.email_subject() in french.subject


def test_letters_saved_as_the_first_default_follow_the_new_one(app):
    """A campaign whose letter was saved unchanged from the first default letter (as a new
    campaign's form offers it) gets the new default; one the association rewrote keeps its
    text (the requests' migration m004)."""
    import json
    from pathlib import Path

    from association.requests import campaigns
    from association.requests.migrations import m004_letters_saved_as_the_first_default

    first = json.loads((Path(letters.__file__).parent / "data" /
                        "first_default_letters.json").read_text(encoding="utf-8"))
    assert first["fr"] != letters.DEFAULT_TEMPLATES["fr"]
    unchanged = add_campaign(app, slug="unchanged", letter_fr=first["fr"].replace("\n", "\r\n"),
                             letter_en=first["en"])
    rewritten = add_campaign(app, slug="rewritten", letter_fr="Madame, Monsieur, {controller}…")
    db = connect(app.config["DATABASE"])
    m004_letters_saved_as_the_first_default(db)
    with app.app_context():
        assert campaigns.template(campaigns.get(db, unchanged), "fr") == \
            letters.DEFAULT_TEMPLATES["fr"]
        assert campaigns.template(campaigns.get(db, unchanged), "en") == \
            letters.DEFAULT_TEMPLATES["en"]
        assert campaigns.template(campaigns.get(db, rewritten), "fr") == \
            "Madame, Monsieur, {controller}…"
    db.close()


def test_an_answer_recorded_before_the_split_of_c_keeps_its_meaning(app):
    """An answer that gave the old "(c) recipients, staff roles and subcontractors" gave the
    staff roles too: it gains "staff", and the campaign's counters with it (B2)."""
    from association.requests import results

    campaign_id = add_campaign(app)
    db = connect(app.config["DATABASE"])
    for checklist in ("a,b,c", "a,b", "a,c,staff"):
        db.table("trackers").insert({
            "campaign_id": campaign_id, "created_at": "2026-01-01T00:00:00+00:00",
            "state": "answered", "sent_on": "2026-01-05", "answered_on": "2026-01-20",
            "grade": "partial", "checklist": checklist})
    results.split_recipients(db)
    rows = [row[0] for row in db.execute("select checklist from trackers order by id")]
    assert rows == ["a,b,c,staff", "a,b", "a,c,staff"]
    assert results.counters(db, campaign_id)["given:staff"] == 1
    db.close()


def test_the_letters_go_to_the_data_protection_officers_own_address(app):
    """A DPO with a postal address of its own: the letter is addressed there, and the
    complaint pack names it (review D4, C3)."""
    campaign = {"controller_name": "Office Test", "dpo_email": None,
                "controller_address": "Siège, 1 place X, 93100 Montreuil",
                "dpo_address": "DPO, 5 rue Y\n93200 Saint-Denis", "siren": "344366315"}
    with app.test_request_context():
        letter = letters.request_letter(campaign, letters.DEFAULT_TEMPLATES["fr"], FIELDS, "fr",
                                        date(2026, 12, 7))
        controller = letters.controller_lines(campaign)
    assert letter.recipient == ["Office Test",
                                "À l’attention du délégué à la protection des données",
                                "DPO, 5 rue Y", "93200 SAINT-DENIS"]
    assert controller[:4] == ["Office Test", "Siège", "1 place X", "93100 MONTREUIL"]
    assert "93200 SAINT-DENIS" in controller[-1]


def test_a_campaign_saved_with_the_default_letter_keeps_none(app, volunteers):
    """An administrator saves a new campaign with the letters its form offers (the default
    ones) and a DPO's address: the letters are not kept (they follow the default), the
    address is."""
    admin = volunteers.create("root-admin", "admin")
    staff = app.test_client()
    volunteers.login(staff, admin)
    response = post_form(staff, "/benevoles/campagnes/nouvelle", **{
        "title": "Campagne", "slug": "campagne", "landlord_id": "0",
        "controller_name": "Office Test", "controller_address": "1 rue X\r\n75013 Paris",
        "dpo_address": "DPO\r\n5 rue Y\r\n75013 Paris", "opens_on": "2026-01-01",
        "letter_fr": letters.DEFAULT_TEMPLATES["fr"].replace("\n", "\r\n"),
        "letter_en": letters.DEFAULT_TEMPLATES["en"]})
    assert response.status_code in (302, 303), text(response)[-1500:]
    db = connect(app.config["DATABASE"])
    row = next(db.query("select letter_fr, letter_en, letter_fr_flags, dpo_address "
                        "from campaigns"))
    db.close()
    assert (row["letter_fr"], row["letter_en"], row["letter_fr_flags"]) == (None, None, None)
    assert row["dpo_address"].replace("\r", "") == "DPO\n5 rue Y\n75013 Paris"


def test_a_complete_answer_needs_no_follow_up_nor_complaint(app, client):
    """A complete answer: no follow-up is due (the route refuses, saying so), and the
    complaint page says there is nothing to complain about."""
    add_campaign(app)
    tracker_id = follow_campaign(client, "bailleur-2026", sent_on="2026-01-05", channel="email")
    record(client, tracker_id, "reponse", **{"answer-answered_on": "2026-01-20",
                                             "answer-grade": "complete"})
    refused = post_form(client, f"/demandes/suivi/{tracker_id}/relance",
                        page=f"/demandes/suivi/{tracker_id}", **FIELDS, send_channel="email")
    assert refused.status_code == 400
    assert "Aucune relance n’est due pour cette demande à ce jour." in text(refused)
    complaint = text(client.get(f"/demandes/suivi/{tracker_id}/plainte"))
    assert "il n’y a pas de plainte à faire" in complaint and "Collez ce texte" not in complaint
