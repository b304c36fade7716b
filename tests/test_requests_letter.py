"""The letter: printable, PDF and e-mail versions, its personal fields never kept anywhere."""
import logging
import re
import zlib
from pathlib import Path

import pytest

from conftest import add_campaign, csrf_token, follow_campaign, page_text

DISTINCTIVE = {"full_name": "Zéphyrine Quaglieri-Vantongerloo",
               "postal_address": "77 impasse des Grues-Cendrées\n75020 Paris",
               "tenant_ref": "LOC-9Q7X-3141", "email": "zephyrine.qv-8812@example.org",
               "town": "Vantongerloo-sur-Grues"}


def post_letter(client, slug="bailleur-2026", path="lettre", **fields):
    """POST the letter form with these fields (the distinctive ones by default)."""
    data = {"csrf_token": csrf_token(client, "/membre/"), **(fields or DISTINCTIVE)}
    return client.post(f"/demandes/{slug}/{path}", data=data)


def test_the_letter_is_written_from_the_fields(app, client):
    """The letter holds the name, address, reference and e-mail, the controller, the
    article 15 items and the one-month deadline; the page says nothing was kept."""
    add_campaign(app)
    response = post_letter(client)
    assert response.status_code == 200
    page = page_text(response)
    for value in ("Zéphyrine Quaglieri-Vantongerloo", "77 impasse des Grues-Cendrées",
                  "LOC-9Q7X-3141", "zephyrine.qv-8812@example.org", "Habitat Test"):
        assert value in page
    assert "bloc-notes" in page and "h) l’existence de toute décision automatisée" in page
    assert "délai d’un mois" in page
    assert "Cette lettre n’est conservée nulle part." in page or \
        "Cette lettre n'est conservée nulle part." in page
    assert response.headers["Cache-Control"] == "no-store"


def test_the_mailto_link_fills_subject_and_body(app, client):
    """A mailto: link to the DPO carries the subject and the whole letter."""
    add_campaign(app)
    page = post_letter(client).get_data(as_text=True)
    link = re.search(r'href="(mailto:[^"]+)"', page)[1]
    assert link.startswith("mailto:dpo@bailleur.example?subject=")
    assert "body=" in link and "Quaglieri-Vantongerloo" in link.replace("%20", " ")


def test_an_optional_field_left_empty_leaves_no_line(app, client):
    """Without a reference or an e-mail, the sender block has no empty line for them."""
    add_campaign(app)
    page = page_text(post_letter(client, full_name="Ana Lima",
                                 postal_address="3 rue Basse\n75019 Paris"))
    assert "Ana Lima" in page and "Référence locataire" not in page


def test_english_letter_on_request(app, client):
    """The letter can be written in English whatever the page's language."""
    add_campaign(app)
    page = page_text(post_letter(client, **DISTINCTIVE, letter_language="en"))
    assert "Article 15 of the General Data Protection Regulation" in page
    assert "within one month" in page


def test_a_refused_letter_comes_back_with_what_was_typed(app, client):
    """Without a name, a 400 page with the message and the typed address, in French."""
    add_campaign(app)
    response = post_letter(client, full_name="", postal_address="5 rue Haute",
                           email="pas-une-adresse")
    assert response.status_code == 400
    page = page_text(response)
    assert "Ce champ est obligatoire." in page and "5 rue Haute" in page
    assert "Cette adresse e-mail n'est pas valide." in page


def test_a_closed_campaign_prepares_no_letter(app, client):
    """A campaign past its last day refuses letters with a clear message."""
    add_campaign(app, closes_on="2026-02-01")
    response = post_letter(client)
    assert response.status_code == 400
    assert "Cette campagne est close" in page_text(response)
    assert "Quaglieri" not in page_text(client.get("/demandes/bailleur-2026"))


def _pdf_text_map(data: bytes) -> str:
    """The PDF's decompressed streams, where fonts map their glyphs to characters."""
    found = []
    for stream in re.findall(rb"(?<!end)stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            found.append(zlib.decompress(stream).decode("latin-1"))
        except zlib.error:
            found.append(stream.decode("latin-1"))
    return "\n".join(found)


def test_the_pdf_is_made_for_the_request(app, client):
    """The PDF route returns an A4 PDF with an embedded Unicode font that maps é, œ, ’ and
    the narrow no-break space; it is not cached."""
    add_campaign(app)
    response = post_letter(client, path="lettre.pdf", **DISTINCTIVE)
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.headers["Cache-Control"] == "no-store"
    assert "attachment" in response.headers["Content-Disposition"]
    assert "Quaglieri" not in response.headers["Content-Disposition"]
    data = response.get_data()
    assert data.startswith(b"%PDF") and b"/MediaBox [0 0 595.28 841.89]" in data
    assert b"DejaVuSerif" in data
    streams = _pdf_text_map(data)
    for code in ("00E9", "2019", "202F", "00AB"):  # é, ’, narrow no-break space, «
        assert re.search(rf"<[0-9A-F]{{4}}> <{code}>", streams), code


def test_letter_fields_are_never_stored_or_logged(app, client, caplog):
    """After a letter, its PDF and a follow-up with distinctive values, none of them is in
    any file under instance/ (database, WAL, keys, anything) nor in the log."""
    caplog.set_level(logging.DEBUG)
    add_campaign(app)
    assert post_letter(client).status_code == 200
    assert post_letter(client, path="lettre.pdf").status_code == 200
    tracker = follow_campaign(client, "bailleur-2026", sent_on="2026-01-05")
    data = {"csrf_token": csrf_token(client, f"/demandes/suivi/{tracker}/relance"),
            **DISTINCTIVE}
    assert client.post(f"/demandes/suivi/{tracker}/relance", data=data).status_code == 200
    assert client.post(f"/demandes/suivi/{tracker}/relance.pdf", data=data).status_code == 200
    needles = [value.encode() for field in DISTINCTIVE.values() for value in field.split("\n")]
    needles += [value.encode("utf-16-le") for value in DISTINCTIVE.values()]
    files = [path for path in Path(app.instance_path).rglob("*") if path.is_file()]
    assert any(path.name == "amicale.db" for path in files)
    for path in files:
        content = path.read_bytes()
        for needle in needles:
            assert needle not in content, (path.name, needle)
    for value in DISTINCTIVE.values():
        for line in value.split("\n"):
            assert line not in caplog.text
    cookie = client.get_cookie("session")
    assert cookie is None or "Quaglieri" not in cookie.value


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_campaign_page_says_nothing_is_kept(app, client, lang):
    """The letter form says, in both languages, that its fields are never saved."""
    add_campaign(app)
    page = page_text(client.get(f"/demandes/bailleur-2026?lang={lang}"))
    expected = {"fr": "Rien de ce que vous tapez ici n'est enregistré.",
                "en": "Nothing you type here is saved."}[lang]
    assert expected.replace("'", "’") in page.replace("'", "’")
    for name in ("full_name", "postal_address", "tenant_ref", "email"):
        assert f'name="{name}"' in page


def test_the_mailto_subject_has_no_label(app, client):
    """The e-mail's subject is the letter's subject without "Objet :" (an e-mail's Subject
    field is the label already; issue 21)."""
    import html
    from urllib.parse import parse_qs, urlsplit

    add_campaign(app)
    page = html.unescape(post_letter(client).get_data(as_text=True))
    link = re.search(r'href="(mailto:[^"]+)"', page)[1]
    subject = parse_qs(urlsplit(link).query)["subject"][0]
    assert subject and not subject.startswith(("Objet", "Subject")), subject
    assert "accès" in subject or "access" in subject


def test_a_withdrawn_communique_shows_no_error_code(app):
    """A reader of a withdrawn communiqué reads why, not "Code d'erreur : 410" (issue 21)."""
    from association.db import connect
    from conftest import publish_communique

    _id, slug = publish_communique(app)
    db = connect(app.config["DATABASE"])
    db.execute("update communiques set status = 'withdrawn', "
               "withdrawn_at = '2026-11-30T10:00:00+00:00' where slug = ?", [slug])
    db.conn.commit()
    db.close()
    response = app.test_client().get(f"/communiques/{slug}?lang=fr")
    assert response.status_code == 410
    assert "Code d'erreur" not in response.get_data(as_text=True)
