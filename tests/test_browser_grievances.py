"""In a real browser: a tenant reports a problem with a photo that carries its GPS position;
the photo is kept without it; the building's volunteer reads the report and leaves a note,
another building's volunteer gets 404; the tenant sees the note and who read the report."""
import io
import re

import pytest
from PIL import Image

from association.db import connect
from conftest import axe_violations

pytestmark = pytest.mark.browser


def gps_photo(path):
    """A JPEG with a camera name and a GPS position in its EXIF."""
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"
    exif.get_ifd(0x8825).update({1: "N", 2: (48.0, 51.0, 29.0), 3: "E", 4: (2.0, 21.0, 8.0)})
    Image.new("RGB", (640, 480), (120, 110, 100)).save(path, "JPEG", exif=exif)
    return path


def test_report_read_by_the_buildings_volunteer_only(browser, live_app, live_url, live_admin,
                                                     tmp_path):
    """The whole path of a report, clicked through in Chromium."""
    helper, _admin = live_admin
    db = connect(live_app.config["DATABASE"])
    building_a, building_b = [row[0] for row in db.execute(
        "select id from buildings where is_demo = 1 order by id limit 2")]

    tenant = browser.new_context().new_page()
    tenant.set_viewport_size({"width": 360, "height": 800})
    tenant.goto(f"{live_url}/signaler?lang=en&batiment={building_a}")
    assert axe_violations(tenant) == []
    tenant.get_by_label("What it is about").select_option("damp")
    tenant.get_by_label("Describe the problem").fill(
        "Black mould behind the wardrobe of the bedroom since the winter")
    tenant.get_by_label("Since when (optional)").fill("2026-01")
    tenant.get_by_label("Photos (optional, up to 3)").set_input_files(
        str(gps_photo(tmp_path / "IMG_0042.jpg")))
    tenant.get_by_role("button", name="Send my report").click()
    reference = re.search(r"R-[0-9A-Z]{4}-[0-9A-Z]{4}", tenant.locator("main").inner_text())[0]
    assert tenant.locator(".member-key code").count() == 1
    assert axe_violations(tenant) == []
    tenant.get_by_role("button", name="I have kept it: open my space").click()
    assert reference in tenant.locator("main").inner_text()

    name = db.execute("select p.file_name from grievance_photos p join grievances g on "
                      "g.id = p.grievance_id where g.reference = ?", [reference]).fetchone()[0]
    with open(f"{live_app.instance_path}/grievance_photos/{name}", "rb") as handle:
        stored = handle.read()
    assert b"CameraMaker" not in stored and not Image.open(io.BytesIO(stored)).getexif()
    grievance_id = db.execute("select id from grievances where reference = ?",
                              [reference]).fetchone()[0]
    db.close()

    mine = helper.create(f"vol-a-{grievance_id}", "volunteer", [building_a])
    theirs = helper.create(f"vol-b-{grievance_id}", "volunteer", [building_b])
    outsider = browser.new_context().new_page()
    sign_in(outsider, live_url, helper, theirs)
    assert outsider.goto(f"{live_url}/benevoles/signalements/{grievance_id}").status == 404

    volunteer = browser.new_context().new_page()
    sign_in(volunteer, live_url, helper, mine)
    volunteer.goto(f"{live_url}/benevoles/signalements/?lang=en")
    volunteer.get_by_role("link", name=reference).click()
    assert "Black mould behind the wardrobe" in volunteer.locator("main").inner_text()
    assert axe_violations(volunteer) == []
    volunteer.get_by_label("Note for the file (the tenant reads it)").fill(
        "Landlord's technician called; visit on Thursday morning")
    volunteer.get_by_role("button", name="Add the note").click()

    tenant.goto(f"{live_url}/membre/?lang=en")
    space = tenant.locator("main").inner_text()
    assert "Landlord's technician called; visit on Thursday morning" in space
    assert mine.login in space


def sign_in(page, live_url, helper, account):
    """Sign a volunteer in through the form."""
    page.goto(live_url + "/benevoles/connexion?lang=en")
    page.locator("#login").fill(account.login)
    page.locator("#password").fill(account.password)
    page.locator("#code").fill(helper.code(account.secret))
    page.get_by_role("button", name="Sign in").click()


def test_the_volunteers_list_reads_on_a_phone(browser, live_app, live_url, live_admin):
    """Issue 21, item 9: at 360×740 the list of reports is cards that never scroll sideways,
    each with its status in view, the filters folded under their summary (open on a wide
    screen, with no script), and axe finds nothing serious."""
    helper, _admin = live_admin
    db = connect(live_app.config["DATABASE"])
    buildings = [row[0] for row in db.execute("select id from buildings where is_demo = 1")]
    db.close()
    account = helper.create("vol-phone-list", "volunteer", buildings)
    phone = browser.new_context(viewport={"width": 360, "height": 740}).new_page()
    sign_in(phone, live_url, helper, account)
    for query in ("", "?status="):
        phone.goto(f"{live_url}/benevoles/signalements/{query}")
        assert phone.evaluate("document.documentElement.scrollWidth") <= 360, query
        statuses = phone.locator(".card .status")
        assert statuses.count() >= 1, query
        for index in range(statuses.count()):
            box = statuses.nth(index).bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360, query
        assert phone.locator("details.filters").get_attribute("open") is None
        assert not phone.locator("details.filters form").is_visible()
        assert axe_violations(phone) == [], query
    phone.locator("details.filters summary").click()
    assert phone.locator("details.filters form").is_visible()

    wide = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    sign_in(wide, live_url, helper, account)
    wide.goto(f"{live_url}/benevoles/signalements/")
    assert wide.locator("details.filters #status").is_visible()
    assert axe_violations(wide) == []
