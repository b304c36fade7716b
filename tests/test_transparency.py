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


def add_entries(db, month, action, n, object_type="grievance", volunteer_id=1):
    """``n`` audit entries of one kind in one month."""
    db.table("audit_log").insert_all(
        {"at": f"{month}-15T10:00:00+00:00", "volunteer_id": volunteer_id,
         "action": action, "object_type": object_type} for _ in range(n))


def test_report_counts_by_month(db):
    """Reads, reveals, exports, erasures and purges land in their month, made publishable."""
    add_entries(db, "2026-10", "read", 3)
    add_entries(db, "2026-10", "search", 2)  # a search that found a report read it
    add_entries(db, "2026-10", "reveal", 1)
    add_entries(db, "2026-11", "export", 3, object_type="member", volunteer_id=None)
    add_entries(db, "2026-11", "erase", 4, object_type="member", volunteer_id=None)
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
    assert "Rapport de transparence" in page and "moins de 3" in page
    english = client.get("/transparence?lang=en").get_data(as_text=True)
    assert "Transparency report" in english
    assert client.get("/transparence").headers["Cache-Control"].startswith("public")


def test_erasure_and_export_are_counted_from_the_member_space(app, client, db):
    """A member's export and erasure show up in the report's current month."""
    from conftest import csrf_token

    for _ in range(3):
        member = app.test_client()
        member.post("/membre/nouvelle-cle", data={"csrf_token": csrf_token(member, "/membre/")})
        member.get("/membre/export.json")
        member.post("/membre/effacer", data={"csrf_token": csrf_token(member, "/membre/"),
                                             "confirm": "y"})
    from association import clock as amicale_clock

    with app.app_context():
        today = amicale_clock.now().date()
    row = report(db, today)["rows"][-1]
    assert row["exports"] == 3 and row["erasures"] == 3


def test_a_capability_adds_a_line(tmp_path):
    """A capability's ``transparency`` hook adds a column to the report and its page, with
    small counts withheld like the others."""
    from association import CAPABILITIES
    from association.capability import Capability
    from conftest import make_app

    def lines(db, months):
        return [("Scratch letters handled", {months[-1]: 5, months[-2]: 2})]

    app = make_app(tmp_path / "instance",
                   CAPABILITIES=CAPABILITIES + (Capability("scratch", transparency=lines),))
    from association.db import connect

    db = connect(app.config["DATABASE"])
    with app.app_context():
        extra = report(db, date(2026, 11, 28))["extra"]
    db.close()
    assert extra[-1]["label"] == "Scratch letters handled"
    assert extra[-1]["counts"][-2:] == [None, 5]
    page = app.test_client().get("/transparence?lang=en").get_data(as_text=True)
    assert "<th scope=\"col\">Scratch letters handled</th>" in page
