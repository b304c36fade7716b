"""Photos that are not lost (issue 21, item 3): a report sent back by the screen keeps its
photos across the round trip, for this browser alone and for a day at most; a tenant adds a
photo to their own open report from their space, within the same limits as /signaler."""
import html
import io
import os
import re
from datetime import timedelta

import pytest

from association import clock, jobs
from conftest import add_building, csrf_token, jpeg_bytes, page_text, report

ASTHMA = "Moisissure au plafond de la chambre, mon fils fait des crises d'asthme"


@pytest.fixture
def building(app):
    """A building of the association."""
    return add_building(app, "Bâtiment A")


def send(client, building, photos=(), **fields):
    """POST /signaler as a browser sends it (multipart), with a damp complaint."""
    data = {"csrf_token": csrf_token(client, "/signaler"), "building": building,
            "category": "damp", "description": ASTHMA, **fields}
    data["photos"] = [(io.BytesIO(content), f"IMG_{i}.jpg") for i, content in enumerate(photos)]
    return client.post("/signaler", data=data, content_type="multipart/form-data")


def signed_field(response) -> str:
    """The signed ids of the photos kept, as the page carries them."""
    match = re.search(r'name="pending_photos" type="hidden" value="([^"]*)"|'
                      r'type="hidden" name="pending_photos" value="([^"]*)"|'
                      r'name="pending_photos"[^>]*value="([^"]*)"', response.get_data(as_text=True))
    assert match, "no pending_photos field"
    return next(group for group in match.groups() if group is not None)


def files(app, folder: str) -> list[str]:
    """The photo files kept under ``instance/<folder>``."""
    path = os.path.join(app.instance_path, folder)
    return [n for n in os.listdir(path) if not n.startswith(".")] if os.path.isdir(path) else []


def test_a_report_held_back_by_the_screen_keeps_its_photo(app, client, db, building):
    """A damp complaint mentioning a child's asthma comes back to be confirmed with its
    photo shown as kept; confirmed without choosing it again, the report has the photo, and
    nothing waits any more."""
    held = send(client, building, photos=[jpeg_bytes((640, 480))])
    assert held.status_code == 400 and "<mark" in held.get_data(as_text=True)
    assert "Photo 1 gardée (640 × 480 pixels)" in page_text(held)
    assert db.table("pending_photos").count == 1 and len(files(app, "pending_photos")) == 1
    thumbnail = f"/signaler/photos-gardees/1?jeton={signed_field(held)}"
    assert html.escape(thumbnail) in held.get_data(as_text=True)
    with client.get(thumbnail) as shown:
        assert shown.status_code == 200 and shown.mimetype == "image/jpeg"
    sent = send(client, building, keep_as_written="y", pending_photos=signed_field(held))
    assert sent.status_code == 303
    photo = db.execute("select id, grievance_id, member_id, width from grievance_photos").fetchone()
    grievance = db.execute("select id, member_id from grievances").fetchone()
    assert photo[1:] == (grievance[0], grievance[1], 640)
    assert len(files(app, "grievance_photos")) == 1
    assert db.table("pending_photos").count == 0 and files(app, "pending_photos") == []
    with client.get(f"/signaler/photos/{photo[0]}") as shown:
        assert shown.status_code == 200 and shown.mimetype == "image/jpeg"


def test_kept_photos_and_new_ones_count_together(app, client, db, building):
    """Two photos kept and two more chosen make four: refused, and the two kept stay kept."""
    held = send(client, building, photos=[jpeg_bytes(), jpeg_bytes()])
    refused = send(client, building, photos=[jpeg_bytes(), jpeg_bytes()], keep_as_written="y",
                   pending_photos=signed_field(held))
    assert refused.status_code == 400 and "3 photos au maximum" in page_text(refused)
    assert "Photo 2 gardée" in page_text(refused)
    sent = send(client, building, photos=[jpeg_bytes()], keep_as_written="y",
                pending_photos=signed_field(refused))
    assert sent.status_code == 303 and db.table("grievance_photos").count == 3


def test_a_kept_photo_can_be_removed(app, client, db, building):
    """Ticking "remove" on a kept photo deletes it, row and file; the report goes without."""
    held = send(client, building, photos=[jpeg_bytes()])
    kept_id = db.execute("select id from pending_photos").fetchone()[0]
    sent = send(client, building, keep_as_written="y", pending_photos=signed_field(held),
                remove_photo=kept_id)
    assert sent.status_code == 303
    assert db.table("grievance_photos").count == 0 and db.table("pending_photos").count == 0
    assert files(app, "pending_photos") == []


def test_another_browser_cannot_use_the_pending_photos(app, db, building):
    """The signed field copied into another browser (or altered) claims nothing: that
    report goes without the photo, which still waits for its own browser."""
    owner, other = app.test_client(), app.test_client()
    signed = signed_field(send(owner, building, photos=[jpeg_bytes()]))
    assert other.get(f"/signaler/photos-gardees/1?jeton={signed}").status_code == 404
    for value in (signed, signed[:-2] + "xx"):
        assert send(other, building, keep_as_written="y", pending_photos=value).status_code == 303
    assert db.table("grievance_photos").count == 0 and db.table("pending_photos").count == 1
    assert send(owner, building, keep_as_written="y",
                pending_photos=signed).status_code == 303
    assert db.table("grievance_photos").count == 1


def test_a_wrong_key_keeps_the_photo_too(app, db, building):
    """A report refused for its key (after its photos were accepted) keeps them as well."""
    stranger = app.test_client()
    wrong = send(stranger, building, photos=[jpeg_bytes()], keep_as_written="y",
                 key="7KQ2-9XWM-4PRT-ZR8H-3NDA")
    assert wrong.status_code == 400 and "Photo 1 gardée" in page_text(wrong)
    assert db.table("pending_photos").count == 1 and files(app, "grievance_photos") == []


def test_pending_photos_are_purged_after_a_day(app, client, db, building):
    """The retention job deletes a photo left waiting, row and file, a day later, and not
    before."""
    send(client, building, photos=[jpeg_bytes()])
    with app.app_context():
        made = clock.today()  # the association's day, in its time zone
        jobs.retention_purge(db, made)
        assert db.table("pending_photos").count == 1
        outcome = jobs.retention_purge(db, made + timedelta(days=2))
    assert db.table("pending_photos").count == 0 and files(app, "pending_photos") == []
    assert outcome["purged"]["pending_photos"] == 1 and outcome["files"] == 1


def test_the_thanks_page_points_to_adding_a_photo(client, building):
    """The thanks page's promise says where photos are added later."""
    report(client, building)
    assert "«\u202fAjouter une photo\u202f»" in page_text(client.get("/signaler/merci"))


# --- adding a photo from the member space ---------------------------------------------------

def add(client, grievance_id, content=None, name="IMG_9.jpg"):
    """POST the member space's "add a photo" form for one report."""
    data = {"csrf_token": csrf_token(client, "/membre/")}
    if content is not None:
        data["photo"] = (io.BytesIO(content), name)
    return client.post(f"/signaler/mes-signalements/{grievance_id}/photo", data=data,
                       content_type="multipart/form-data")


def test_a_member_adds_a_photo_to_their_report(app, client, db, building):
    """The member space offers "add a photo" on an open report; the photo, cleaned, joins it
    and is shown there."""
    made = report(client, building)
    space = page_text(client.get("/membre/"))
    assert f"/signaler/mes-signalements/{made['id']}/photo" in space
    added = add(client, made["id"], jpeg_bytes((800, 600)))
    assert added.status_code == 303
    row = db.execute("select grievance_id, member_id, width from grievance_photos").fetchone()
    assert row == (made["id"], made["member_id"], 800)
    assert "photo 1" in page_text(client.get("/membre/"))


def test_a_member_cannot_add_to_another_members_report(app, db, building):
    """Another member's report, or one that does not exist, is a 404; nothing is kept."""
    owner, other = app.test_client(), app.test_client()
    made = report(owner, building)
    report(other, building, description="Ascenseur en panne depuis lundi")
    assert add(other, made["id"], jpeg_bytes()).status_code == 404
    assert add(other, 999_999, jpeg_bytes()).status_code == 404
    assert db.table("grievance_photos").count == 0 and files(app, "grievance_photos") == []


def test_a_closed_report_takes_no_photo(app, client, db, building):
    """Once closed, a report offers no "add a photo" and refuses one (404)."""
    made = report(client, building)
    db.table("grievances").update(made["id"], {"status": "closed", "close_reason": "resolved"})
    assert f"/signaler/mes-signalements/{made['id']}/photo" not in page_text(client.get("/membre/"))
    assert add(client, made["id"], jpeg_bytes()).status_code == 404


@pytest.mark.parametrize(("content", "expected"), [
    (None, "Choisissez une photo à ajouter."),
    (b"GIF89a" + b"\0" * 64, "Envoyez les photos en JPEG, PNG ou WebP."),
    (b"not a photo at all", "Ce fichier n'est pas une photo"),
])
def test_a_refused_photo_is_explained_on_a_400_page(app, client, db, building, content,
                                                    expected):
    """No file, a GIF or junk: a 400 page with the form again and the reason in French."""
    made = report(client, building)
    refused = add(client, made["id"], content)
    assert refused.status_code == 400
    page = page_text(refused)
    assert expected in page and 'name="photo"' in page and "Erreur" in page
    assert db.table("grievance_photos").count == 0


def test_the_limit_of_three_photos_holds_when_adding(app, client, db, building):
    """A report that has three photos offers no form and refuses a fourth, in English too."""
    made = report(client, building, photos=[jpeg_bytes(), jpeg_bytes(), jpeg_bytes()])
    assert f"/signaler/mes-signalements/{made['id']}/photo\"" not in page_text(
        client.get("/membre/"))
    refused = add(client, made["id"], jpeg_bytes())
    assert refused.status_code == 400 and "déjà 3 photos" in page_text(refused)
    client.get("/?lang=en")
    english = add(client, made["id"], jpeg_bytes())
    assert "already has 3 photos" in page_text(english)
    assert db.table("grievance_photos").count == 3 and len(files(app, "grievance_photos")) == 3


def test_adding_photos_is_throttled_like_reports(app, client, db, building):
    """Photos added from the space count against the address as reports do: past the limit,
    a 429 that says when to try again, and no photo is opened or kept."""
    made = report(client, building)
    app.config["REPORTS_PER_ADDRESS"] = 1  # the report itself used the one attempt
    refused = add(client, made["id"], jpeg_bytes())
    assert refused.status_code == 429 and refused.headers["Retry-After"]
    assert "Réessayez après" in page_text(refused)
    assert db.table("grievance_photos").count == 0 and files(app, "grievance_photos") == []
