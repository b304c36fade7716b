"""Every state of the communiqués' pages is valid HTML (the Nu HTML Checker): the access
table's sweep sees one published communiqué; here are drafts, approvals, schedules, pending
corrections, refused forms, withdrawals and the public pages with everything on them."""
import json
import subprocess
from datetime import datetime, timedelta, timezone

import pytest

from conftest import csrf_token, publish_communique
from test_html import VNU

BASE = "/benevoles/communiques"
RICH = """## Nos demandes

Le bailleur doit répondre[^1] :

1. vite ;
2. bien.

> « Une citation. »

| Bâtiment | Logements |
|---|---|
| A | 40 |

#### Un titre trop bas

[^1]: Article 15.
"""


def validate(pages: dict[str, str], tmp_path) -> list[str]:
    """The checker's errors on these pages, named."""
    if not VNU.exists():
        pytest.fail("the HTML checker is missing: run `make test`, which installs it")
    names = {}
    for index, (name, body) in enumerate(pages.items()):
        path = tmp_path / f"page{index}.html"
        path.write_text(body, encoding="utf-8")
        names[path.as_uri()] = name
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json",
                             *map(str, tmp_path.glob("page*.html"))],
                            capture_output=True, text=True, timeout=120)
    return [f"{names.get(m.get('url'), m.get('url'))}: {m['message']} "
            f"({m.get('extract', '').strip()[:80]})"
            for m in json.loads(result.stderr or result.stdout)["messages"]]


def test_every_state_is_valid_html(app, volunteers, tmp_path):
    """Pages of drafts, approvals, schedules, corrections, refusals and withdrawals."""
    clients = {}
    for login, role in (("alice", "editor"), ("bruno", "editor"), ("chef", "admin")):
        account = volunteers.create(login, role)
        clients[login] = app.test_client()
        volunteers.login(clients[login], account)
    alice, bruno, chef = clients["alice"], clients["bruno"], clients["chef"]
    token = csrf_token(alice, f"{BASE}/")
    pages = {}

    def post(client, url, **data):
        return client.post(url, data={"csrf_token": token if client is alice else
                                      csrf_token(client, f"{BASE}/"), **data})

    fr_id, fr_slug = publish_communique(app, title="Nos demandes", body=RICH,
                                        cosignatories="Collectif A\nUnion B")
    _, en_slug = publish_communique(app, title="Our demands", body=RICH, lang="en",
                                    original_id=fr_id)
    pages["preview with screen"] = post(alice, f"{BASE}/nouveau", lang="fr", original_id="0",
                                        title="Essai", body=RICH + "\nIl est alcoolique.",
                                        preview="1").get_data(as_text=True)
    pages["refused draft"] = post(alice, f"{BASE}/nouveau", lang="fr", original_id="0",
                                  title="", body="[" * 5000, submit="1").get_data(as_text=True)
    draft = int(post(alice, f"{BASE}/nouveau", lang="fr", original_id="0", title="Brouillon",
                     body=RICH, submit="1").headers["Location"].rsplit("/", 1)[1])
    pages["draft"] = alice.get(f"{BASE}/{draft}").get_data(as_text=True)
    pages["draft form"] = alice.get(f"{BASE}/{draft}/modifier").get_data(as_text=True)
    pages["delete confirmation"] = alice.get(f"{BASE}/{draft}/supprimer").get_data(as_text=True)
    post(alice, f"{BASE}/{draft}/soumettre")
    post(chef, f"{BASE}/reglages", admins_publish_alone="y")
    pages["settings"] = chef.get(f"{BASE}/reglages").get_data(as_text=True)
    pages["submitted, for the admin"] = chef.get(f"{BASE}/{draft}").get_data(as_text=True)
    pages["submitted, for the author"] = alice.get(f"{BASE}/{draft}").get_data(as_text=True)
    pages["schedule refused"] = post(bruno, f"{BASE}/{draft}/approuver", when="later",
                                     day="2020-01-01", time="10:00").get_data(as_text=True)
    later = datetime.now(timezone.utc) + timedelta(days=2)
    post(bruno, f"{BASE}/{draft}/approuver", when="later", day=later.date().isoformat(),
         time="10:00")
    pages["scheduled"] = alice.get(f"{BASE}/{draft}").get_data(as_text=True)
    pages["correction form"] = alice.get(f"{BASE}/{fr_id}/modifier").get_data(as_text=True)
    pages["correction refused"] = post(alice, f"{BASE}/{fr_id}/modifier", title="Nos demandes",
                                       body=RICH, note="", submit="1").get_data(as_text=True)
    post(alice, f"{BASE}/{fr_id}/modifier", title="Nos demandes", body=RICH + "\nAjout.",
         cosignatories="Collectif A", note="Un ajout.", submit="1")
    pages["pending correction"] = chef.get(f"{BASE}/{fr_id}").get_data(as_text=True)
    pages["compare"] = alice.get(f"{BASE}/{fr_id}/ecarts").get_data(as_text=True)
    pages["revision"] = alice.get(f"{BASE}/{fr_id}/revisions/2").get_data(as_text=True)
    post(bruno, f"{BASE}/{fr_id}/approuver")
    pages["list"] = alice.get(f"{BASE}/").get_data(as_text=True)
    anonymous = app.test_client()
    pages["public page"] = anonymous.get(f"/communiques/{fr_slug}").get_data(as_text=True)
    pages["public page, English"] = anonymous.get(f"/communiques/{en_slug}?lang=en") \
        .get_data(as_text=True)
    pages["public list"] = anonymous.get("/communiques/").get_data(as_text=True)
    pages["home"] = anonymous.get("/").get_data(as_text=True)
    pages["withdraw refused"] = post(alice, f"{BASE}/{fr_id}/retirer", notice="") \
        .get_data(as_text=True)
    post(alice, f"{BASE}/{fr_id}/retirer", notice="Retiré : une erreur.")
    pages["withdrawn, 410"] = anonymous.get(f"/communiques/{fr_slug}").get_data(as_text=True)
    pages["withdrawn, for editors"] = alice.get(f"{BASE}/{fr_id}").get_data(as_text=True)
    assert validate(pages, tmp_path) == []


def test_heading_levels_fit_under_the_title(app, client):
    """Whatever levels an author types, the page's outline has no gap under its h1."""
    _, slug = publish_communique(app, body="### Seul\n\ntexte\n\n##### Plus bas\n\n# Haut")
    html = client.get(f"/communiques/{slug}").get_data(as_text=True)
    assert "<h2>Seul</h2>" in html and "<h3>Plus bas</h3>" in html and "<h2>Haut</h2>" in html
