"""For tenants, the way in: the home page says in three lines what a personal key is, how to
take part and what the association keeps; it and the personal space promise only what
exists."""
import pytest

from conftest import new_member
from conftest import page_text as text


@pytest.mark.parametrize(("lang", "lines"), [
    ("fr", ("Une clé personnelle", "Comment participer", "Ce que l'association conserve")),
    ("en", ("A personal key", "How to take part", "What the association keeps")),
])
def test_home_explains_the_key_taking_part_and_what_is_kept(client, lang, lines):
    """Three short lines, with the way to the personal space and to the data register."""
    page = text(client.get(f"/?lang={lang}"))
    section = page[page.index('id="take-part-title"'):page.index("</section>")]
    for line in lines:
        assert f"<dt>{line}</dt>" in section
    assert section.count("<dd>") == 3
    assert 'href="/membre/"' in section and 'href="/donnees"' in section


def test_home_shows_no_empty_promise(client):
    """With no capability publishing there yet, the home page has no "latest communiqués",
    "upcoming actions" or "open requests" heading over an empty list."""
    for lang, absent in (("fr", ("Derniers communiqués", "Prochaines actions",
                                 "Demandes d'accès collectives")),
                         ("en", ("Latest communiqués", "Upcoming public actions",
                                 "Open joint access requests"))):
        page = text(client.get(f"/?lang={lang}"))
        for heading in absent:
            assert heading not in page


def test_member_pages_promise_only_what_exists(app, client):
    """Neither the way into the space nor the space itself speaks of reports, requests or
    answers the member cannot have yet; what is not given says so with its agreement."""
    for lang, absent in (("fr", ("vos signalements", "vos demandes", "vos réponses",
                                 "Signalements, demandes et réponses", "ce que vous signalez")),
                         ("en", ("your reports", "your requests", "your answers",
                                 "Reports, requests and answers", "what you report"))):
        page = text(client.get(f"/membre/?lang={lang}"))
        for phrase in absent:
            assert phrase not in page
    new_member(client)
    for lang, absent in (("fr", ("Signalements, demandes et réponses", "ce que vous signalez",
                                 "ce que vous avez signalé")),
                         ("en", ("Reports, requests and answers", "what you report",
                                 "what you reported"))):
        assert not any(phrase in text(client.get(f"/membre/?lang={lang}")) for phrase in absent)
        assert not any(phrase in text(client.get(f"/membre/cle?lang={lang}"))
                       for phrase in absent)
    space = text(client.get("/membre/?lang=fr"))
    assert "<dt>Bâtiment</dt><dd>non indiqué</dd>" in space
    assert "<dt>Adresse e-mail</dt><dd>aucune</dd>" in space
