"""The transparency report: counts from the audit log and the job runs, never fewer than 3."""
import html
import json
from datetime import date

from association.counts import shown
from association.public.transparency import last_months, report


def test_small_counts_are_not_published():
    """0 and 3 or more are shown; 1 and 2 become "fewer than 3"."""
    assert [shown(n) for n in (0, 1, 2, 3, 40)] == [0, None, None, 3, 40]


def test_last_twelve_months_across_a_year_end():
    """The window ends with this month and crosses years correctly."""
    months = last_months(date(2026, 2, 10))
    assert months[0] == "2025-03" and months[-1] == "2026-02" and len(months) == 12


def add_entries(db, month, action, n, object_type="grievance", volunteer_id=1,
                key_confirmed=None):
    """``n`` audit entries of one kind in one month."""
    db.table("audit_log").insert_all(
        {"at": f"{month}-15T10:00:00+00:00", "volunteer_id": volunteer_id,
         "action": action, "object_type": object_type, "key_confirmed": key_confirmed}
        for _ in range(n))


def test_report_counts_by_month(db):
    """Reads, reveals, exports, erasures and purges land in their month, made publishable."""
    add_entries(db, "2026-10", "read", 3)
    add_entries(db, "2026-10", "search", 2)  # a search that found a report read it
    add_entries(db, "2026-10", "reveal", 1)
    add_entries(db, "2026-11", "export", 3, object_type="member", volunteer_id=None,
                key_confirmed=1)
    add_entries(db, "2026-11", "erase", 4, object_type="member", volunteer_id=None,
                key_confirmed=1)
    # A throwaway key's export and erasure are not counted (issue 19).
    add_entries(db, "2026-11", "export", 2, object_type="member", volunteer_id=None,
                key_confirmed=0)
    add_entries(db, "2026-11", "erase", 2, object_type="member", volunteer_id=None,
                key_confirmed=0)
    db.table("job_runs").insert({"job": "retention", "period": "2026-11-02", "status": "done",
                                 "attempts": 1, "started_at": "2026-11-02T01:00:00+00:00",
                                 "outcome": json.dumps({"purged": {"audit_log": 7},
                                                        "cleared": {}})})
    result = report(db, date(2026, 11, 28))
    october, november = result["rows"][-2], result["rows"][-1]
    assert october == {"month": "2026-10", "purged": 0, "reads": 5, "reveals": None,
                       "exports": 0, "erasures": 0}
    assert november == {"month": "2026-11", "purged": 7, "reads": 0, "reveals": 0,
                        "exports": 3, "erasures": 4}
    assert result["purged_by_kind"] == {"audit_log": {"2026-11": 7}}


def test_page_in_both_languages(client, db):
    """/transparence is public, French by default, English on request."""
    add_entries(db, "2026-11", "read", 2)
    page = html.unescape(client.get("/transparence").get_data(as_text=True))
    assert "Rapport de transparence" in page and "1 ou 2" in page
    english = client.get("/transparence?lang=en").get_data(as_text=True)
    assert "Transparency report" in english
    assert client.get("/transparence").headers["Cache-Control"].startswith("public")


def export_and_erase(app, db, count: int, confirmed: bool) -> None:
    """``count`` members, each with a new key (confirmed by a volunteer or not), who export
    their data then erase everything, through the member space."""
    from conftest import confirm_key, csrf_token, new_member

    for _ in range(count):
        member = app.test_client()
        new_member(member)
        if confirmed:
            confirm_key(app, db.execute("select max(id) from members").fetchone()[0])
        assert member.get("/membre/export.json").status_code == 200
        member.post("/membre/effacer", data={"csrf_token": csrf_token(member, "/membre/"),
                                             "confirm": "y"})


def this_month(app, db) -> dict:
    """The report's row for the current month."""
    from association import clock as amicale_clock

    with app.app_context():
        today = amicale_clock.now().date()
    return report(db, today)["rows"][-1]


def test_erasure_and_export_are_counted_from_the_member_space(app, client, db):
    """A confirmed member's export and erasure show up in the report's current month, and
    the page says what it counts."""
    export_and_erase(app, db, 3, confirmed=True)
    row = this_month(app, db)
    assert row["exports"] == 3 and row["erasures"] == 3
    page = html.unescape(client.get("/transparence?lang=en").get_data(as_text=True))
    assert "made with a personal key that a volunteer had confirmed in person" in page


def test_throwaway_keys_cannot_reveal_a_months_hidden_count(app, db):
    """Issue 19, finding 3: throwaway keys that export and erase pushed a month's "fewer than
    3" over the threshold, revealing the real figure. They are no longer counted: the row
    stays the same."""
    export_and_erase(app, db, 1, confirmed=True)
    before = this_month(app, db)
    assert before["exports"] is None and before["erasures"] is None
    export_and_erase(app, db, 2, confirmed=False)
    assert this_month(app, db) == before
    assert db.execute("select count(*) from audit_log where action = 'erase' "
                      "and key_confirmed = 0").fetchone()[0] == 2


def test_a_capability_adds_a_line(tmp_path):
    """A capability's ``transparency`` hook adds a column to the report and its page, with
    small counts withheld like the others."""
    from association import CAPABILITIES
    from association.capability import Capability, Lends
    from conftest import make_app

    def lines(db, months):
        return [("Scratch letters handled", {months[-1]: 5, months[-2]: 2})]

    app = make_app(tmp_path / "instance",
                   CAPABILITIES=CAPABILITIES + (Capability("scratch", lends=Lends(transparency=lines)),))
    from association.db import connect

    db = connect(app.config["DATABASE"])
    with app.app_context():
        extra = report(db, date(2026, 11, 28))["extra"]
    db.close()
    assert extra[-1]["label"] == "Scratch letters handled"
    assert extra[-1]["counts"][-2:] == [None, 5]
    page = app.test_client().get("/transparence?lang=en").get_data(as_text=True)
    assert "<th scope=\"col\">Scratch letters handled</th>" in page
