"""Grievances in tests: a report sent through the form, as a tenant sends it, with photos made
here."""
import re

from association.db import connect

from .core import csrf_token, page_text
from .members import confirm_key

def jpeg_bytes(size=(64, 48), **exif) -> bytes:
    """A small JPEG made here, optionally with EXIF tags (to show they are removed)."""
    import io

    from PIL import Image

    image = Image.new("RGB", size, (120, 160, 200))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif.get("exif", Image.Exif()))
    return buffer.getvalue()


def report(client, building_id, category="damp", description="Fuite d'eau sous l'évier "
           "depuis lundi", photos=(), confirmed=False, **extra) -> dict:
    """A report sent through /signaler by this browser; the grievance row. ``confirmed``: a
    volunteer then confirms the member's key, so that the report counts publicly."""
    import io

    data = {"csrf_token": csrf_token(client, "/signaler"), "building": building_id,
            "category": category, "description": description, **extra}
    data["photos"] = [(io.BytesIO(photo), f"photo{i}.jpg") for i, photo in enumerate(photos)]
    response = client.post("/signaler", data=data, content_type="multipart/form-data")
    assert response.status_code == 303, page_text(response)[-3000:]
    page = page_text(client.get("/signaler/merci"))
    reference = re.search(r"R-[0-9A-Z]{4}-[0-9A-Z]{4}", page)[0]
    db = connect(client.application.config["DATABASE"])
    row = db.execute("select id, member_id, building_id from grievances where reference = ?",
                     [reference]).fetchone()
    db.close()
    if confirmed:
        confirm_key(client.application, row[1])
    return {"id": row[0], "member_id": row[1], "building_id": row[2], "reference": reference}
