"""Joint access requests in tests: a campaign, and a member following it through its page."""
import re

from association.db import connect

from .core import csrf_token
from .members import confirm_key

def add_campaign(app, slug="bailleur-2026", **values) -> int:
    """An open access request campaign; return its id."""
    from association.requests import campaigns

    db = connect(app.config["DATABASE"])
    with app.app_context():
        campaign_id = campaigns.save(db, {
            "slug": slug, "title": f"Campagne {slug}", "controller_name": "Habitat Test",
            "controller_address": "1 rue du Test\n75013 Paris",
            "dpo_email": "dpo@bailleur.example", "opens_on": "2026-01-01", **values})
    db.close()
    return campaign_id


def follow_campaign(client, slug, sent_on=None, channel="post", confirmed=False) -> int:
    """Follow a campaign as this client's member (a key is made if need be); return the
    tracker's id. ``confirmed``: a volunteer then confirms the member's key, so that the
    tracker counts in the results."""
    data = {"csrf_token": csrf_token(client, f"/demandes/{slug}")}
    if sent_on:
        data.update({"track-sent_on": sent_on, "track-channel": channel})
    response = client.post(f"/demandes/{slug}/suivre", data=data)
    assert response.status_code == 303, response.get_data(as_text=True)[-3000:]
    page = client.get(f"/demandes/{slug}").get_data(as_text=True)
    tracker_id = int(re.search(r'/demandes/suivi/(\d+)', page)[1])
    if confirmed:
        db = connect(client.application.config["DATABASE"])
        member_id = db.execute("select member_id from trackers where id = ?",
                               [tracker_id]).fetchone()[0]
        db.close()
        confirm_key(client.application, member_id)
    return tracker_id
