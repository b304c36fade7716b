"""The world of the access table and the page sweeps: two buildings, a landlord, a client
per role, and one of everything each capability makes; the ``world`` fixture."""
from dataclasses import dataclass

import pytest

from association.db import connect

from .actions import add_action
from .communiques import publish_communique
from .core import add_building, add_landlord, csrf_token
from .grievances import jpeg_bytes, report
from .members import new_member
from .requests import add_campaign, follow_campaign
from .volunteers import Reader

@dataclass
class World:
    """Two buildings, a landlord, one signed-in client per role and an invited volunteer:
    what the access table and the page sweeps visit the site with."""

    clients: dict
    building_a: int
    building_b: int
    landlord: int
    target: int
    token: str
    grievance: dict
    case_id: int
    campaign: dict
    action: int = 0
    task: int = 0
    rsvp_token: str = ""
    communique: int = 0
    communique_slug: str = ""
    charges: dict | None = None

    @property
    def ids(self) -> dict:
        """Real values for the route arguments."""
        return {"filename": "style.css", "token": self.token, "volunteer_id": self.target,
                "landlord_id": self.landlord, "building_id": self.building_a,
                "grievance_id": self.grievance["id"], "photo_id": self.grievance["photo_id"],
                "support_id": self.grievance["support_id"], "case_id": self.case_id,
                **self.campaign,
                "action_id": self.action, "task_id": self.task, "rsvp_token": self.rsvp_token,
                "communique_id": self.communique, "number": 1, **(self.charges or {}),
                "by_prefix": {"/communiques/": {"slug": self.communique_slug}}}


def make_world(app, helper) -> World:
    """Build the world on ``app`` with the volunteers helper."""
    building_a = add_building(app, "Bâtiment A")
    building_b = add_building(app, "Bâtiment B")
    landlord = add_landlord(app)
    clients = {"anonymous": app.test_client(), "member": app.test_client()}
    new_member(clients["member"])
    for role, buildings in (("admin", []), ("editor", []), ("volunteer", [building_a])):
        account = helper.create(f"{role}-test", role, buildings)
        client = app.test_client()
        assert helper.login(client, account).status_code == 302
        clients[role] = client
    target, token = helper.invite("target", "volunteer", [building_b])
    grievance = report(clients["member"], building_a, photos=[jpeg_bytes()])
    clients["member"].post(f"/batiments/{building_a}/moi-aussi", data={
        "csrf_token": csrf_token(clients["member"], "/membre/"), "category": "lifts"})
    db = connect(app.config["DATABASE"])
    grievance["photo_id"] = db.execute("select id from grievance_photos where grievance_id = ?",
                                       [grievance["id"]]).fetchone()[0]
    grievance["support_id"] = db.execute("select max(id) from grievance_supports").fetchone()[0]
    with app.app_context():
        from association.grievances import cases

        case_id = cases.open_case(db, building_a, "damp", "Humidité", None, [],
                                  [grievance["id"]], Reader(1, "admin-test"))
    db.close()
    slug = "bailleur-2026"
    campaign_id = add_campaign(app, slug)
    tracker_id = follow_campaign(clients["member"], slug, sent_on="2026-01-05")
    action, task, rsvp_token = add_action(app)
    communique, communique_slug = publish_communique(app)
    return World(clients, building_a, building_b, landlord, target, token, grievance, case_id,
                 {"slug": slug, "campaign_id": campaign_id, "tracker_id": tracker_id},
                 action, task, rsvp_token, communique, communique_slug,
                 add_charges(app, building_a))


def add_charges(app, building_id, year=2025, published=True) -> dict:
    """A statement of charges of the building with one line (published unless told): the
    route arguments of its pages."""
    from association.charges import demo as charges_demo
    from association.charges import statements

    db = connect(app.config["DATABASE"])
    with app.app_context():
        statement_id = statements.create(db, {
            "building_id": building_id, "year": year, "sender": "Bailleur",
            "received_on": f"{year + 1}-06-01", "distribution_key": "surface",
            "total_units": 1000, "social_housing": 1}, None)
        statements.add_lines(db, statement_id, charges_demo.rows(charges_demo.HEATING_YEAR),
                             None)
        if published:
            statements.set_published(db, statement_id, True, Reader(1, "admin-test"))
    line_id = db.execute("select min(id) from charge_lines where statement_id = ?",
                         [statement_id]).fetchone()[0]
    from datetime import date

    from association.charges import outages

    with app.app_context():
        outage_id = outages.record(db, building_id, "lift", date(year, 3, 2), None,
                                   Reader(1, "admin-test"))
    db.close()
    return {"statement_id": statement_id, "line_id": line_id, "year": year,
            "kind": "contestation", "outage_id": outage_id}


@pytest.fixture
def world(app, volunteers) -> World:
    """The world of the access table, on the test's app."""
    return make_world(app, volunteers)
