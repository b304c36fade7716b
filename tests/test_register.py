"""The public data register is generated from the inventory, in both languages."""
import html

from association import inventory


def test_json_lists_every_table_and_column_with_retention(ctx, client, db):
    """/donnees.json names every live table and column, each with a retention rule."""
    register = client.get("/donnees.json").get_json()
    listed = {t["name"]: {c["name"]: c for c in t["columns"]} for t in register["tables"]}
    indexes = {t["search_index"]["name"]: set(t["search_index"]["columns"])
               for t in register["tables"] if "search_index" in t}
    assert {**{t: set(cols) for t, cols in listed.items()}, **indexes} == \
        inventory.live_schema(db)
    for columns in listed.values():
        for column in columns.values():
            assert column["retention"]["kind"] in {"keep", "after", "until"}
            assert column["retention"]["text"]
            assert column["readers"]


def test_json_gives_the_article_30_items(client, db):
    """Controller, purposes, people, recipients, transfers and security measures are there."""
    from association import reference as settings

    settings.save_association(db, "Amicale Test", "1 rue X", "contact@example.org")
    register = client.get("/donnees.json").get_json()
    assert register["controller"] == {"name": "Amicale Test", "postal_address": "1 rue X",
                                      "contact_email": "contact@example.org"}
    for key in ("purposes", "categories_of_people", "categories_of_data", "recipients",
                "security_measures"):
        assert register[key], key
    assert register["transfers_outside_eu"]


def test_retention_is_machine_readable(client):
    """An 'after' rule gives its days and column, so tools can check it."""
    register = client.get("/donnees.json").get_json()
    job_runs = next(t for t in register["tables"] if t["name"] == "job_runs")
    started = next(c for c in job_runs["columns"] if c["name"] == "started_at")
    assert started["retention"]["kind"] == "after"
    assert started["retention"]["days"] == 400
    assert started["retention"]["after_column"] == "started_at"


def test_register_page_in_french_and_english(client):
    """The readable register is French by default and English on request."""
    french = html.unescape(client.get("/donnees").get_data(as_text=True))
    assert "Registre des données" in french
    assert "conservé tant que l'association en a besoin" in french
    english = html.unescape(client.get("/donnees?lang=en").get_data(as_text=True))
    assert "Data register" in english
    assert "kept while the association needs it" in english
    for table in inventory.TABLES:
        assert f"<code>{table.name}</code>" in french


def test_json_follows_the_language(client):
    """/donnees.json speaks the visitor's language too."""
    french = client.get("/donnees.json?lang=fr").get_json()
    english = client.get("/donnees.json?lang=en").get_json()
    assert french["transfers_outside_eu"].startswith("aucun")
    assert english["transfers_outside_eu"].startswith("none")


def test_register_documents_the_member_export(client):
    """The register says where the export is and which tables and columns it holds."""
    rights = client.get("/donnees.json").get_json()["member_rights"]
    assert rights["export"] == "/membre/export.json"
    assert "contact_email" in rights["export_tables"]["members"]
    assert "audit_log" in rights["export_tables"]


def test_technical_tables_are_folded_under_their_own_heading(client):
    """Schema changes, job runs, sessions and throttling are marked technical in the JSON and
    listed, folded, after the tables of data the association works with; the page opens
    with a table of contents."""
    tables = {t["name"]: t["technical"] for t in client.get("/donnees.json").get_json()["tables"]}
    technical = {name for name, flag in tables.items() if flag}
    assert technical == {"_sqlite_migrations", "job_runs", "throttle_events",
                         "member_sessions", "volunteer_sessions", "key_confirmation_codes"}
    page = html.unescape(client.get("/donnees").get_data(as_text=True))
    assert page.index('<nav class="toc"') < page.index('id="controller-title"')
    folded = page[page.index('id="technical-title"'):]
    folded = folded[folded.index("<details>"):folded.index("</details>")]
    assert all(f'id="t-{name}"' in folded for name in technical)
    assert 'id="t-members"' not in folded and 'id="t-members"' in page
