"""Administration of what the association is: its buildings, its landlords, its settings."""
from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from .. import reference
from ..capability import blocks_of, uses_of
from ..db import get_db
from ..forms import Confirmation, choices, confirmed
from . import auth
from .forms import BuildingForm, LandlordForm, SettingsForm

bp = Blueprint("setup", __name__, url_prefix="/benevoles/admin")
admin_required = auth.role_required("admin")


@bp.get("/batiments")
@admin_required
def buildings_list():
    """Every building."""
    return render_template("volunteers/admin/buildings.html",
                           buildings=reference.buildings(get_db()))


@bp.route("/batiments/nouveau", methods=["GET", "POST"],
          defaults={"building_id": None}, endpoint="building_new")
@bp.route("/batiments/<int:building_id>", methods=["GET", "POST"])
@admin_required
def building_edit(building_id):
    """Create or edit a building."""
    db = get_db()
    found = None if building_id is None else (reference.building(db, building_id) or abort(404))
    form = BuildingForm(data=found)
    form.landlord_id.choices = choices(
        [(0, _("(none)"))] + [(row["id"], row["name"]) for row in reference.landlords(db)])
    if form.validate_on_submit():
        reference.save_building(db, form.data, building_id, by=current_user)
        flash(_("Building saved."), "success")
        return redirect(url_for("setup.buildings_list"))
    delete_url = (url_for("setup.building_delete", building_id=building_id)
                  if found else None)
    return render_template("volunteers/admin/edit.html", form=form, delete_url=delete_url,
                           cancel_url=url_for("setup.buildings_list"),
                           title=found["name"] if found else _("New building")), \
        400 if form.errors else 200


@bp.route("/batiments/<int:building_id>/supprimer", methods=["GET", "POST"])
@admin_required
def building_delete(building_id):
    """Delete a building, after a confirmation saying what it touches."""
    db = get_db()
    building = reference.building(db, building_id) or abort(404)
    reasons = blocks_of("building", db, building_id)
    if reasons:
        for reason in reasons:
            flash(reason, "error")
        return redirect(url_for("setup.building_edit", building_id=building_id))
    if not confirmed():
        return Confirmation(
            title=_("Delete the building %(name)s?", name=building["name"]),
            consequences=uses_of("building", db, building_id) or
            [_("Nothing else refers to this building.")],
            irreversible=_("A deleted building cannot be restored."),
            action=url_for("setup.building_delete", building_id=building_id),
            confirm=_("Delete the building"),
            cancel=url_for("setup.building_edit", building_id=building_id)).page()
    reference.delete_building(db, building_id, by=current_user)
    flash(_("Building deleted."), "success")
    return redirect(url_for("setup.buildings_list"))


@bp.get("/bailleurs")
@admin_required
def landlords_list():
    """Every landlord."""
    return render_template("volunteers/admin/landlords.html",
                           landlords=reference.landlords(get_db()))


@bp.route("/bailleurs/nouveau", methods=["GET", "POST"],
          defaults={"landlord_id": None}, endpoint="landlord_new")
@bp.route("/bailleurs/<int:landlord_id>", methods=["GET", "POST"])
@admin_required
def landlord_edit(landlord_id):
    """Create or edit a landlord."""
    db = get_db()
    found = None if landlord_id is None else (reference.landlord(db, landlord_id) or abort(404))
    form = LandlordForm(data=found)
    if form.validate_on_submit():
        reference.save_landlord(db, form.data, landlord_id, by=current_user)
        flash(_("Landlord saved."), "success")
        return redirect(url_for("setup.landlords_list"))
    delete_url = (url_for("setup.landlord_delete", landlord_id=landlord_id)
                  if found else None)
    return render_template("volunteers/admin/edit.html", form=form, delete_url=delete_url,
                           cancel_url=url_for("setup.landlords_list"),
                           title=found["name"] if found else _("New landlord")), \
        400 if form.errors else 200


@bp.route("/bailleurs/<int:landlord_id>/supprimer", methods=["GET", "POST"])
@admin_required
def landlord_delete(landlord_id):
    """Delete a landlord no building belongs to, after confirmation."""
    db = get_db()
    landlord = reference.landlord(db, landlord_id) or abort(404)
    if db.table("buildings").count_where("landlord_id = ?", [landlord_id]):
        return _landlord_in_use(db, landlord_id)
    if not confirmed():
        return Confirmation(
            title=_("Delete the landlord %(name)s?", name=landlord["name"]),
            consequences=uses_of("landlord", db, landlord_id) or
            [_("No building belongs to this landlord any more.")],
            irreversible=_("A deleted landlord cannot be restored."),
            action=url_for("setup.landlord_delete", landlord_id=landlord_id),
            confirm=_("Delete the landlord"),
            cancel=url_for("setup.landlord_edit", landlord_id=landlord_id)).page()
    if not reference.delete_landlord(db, landlord_id, by=current_user):  # given meanwhile
        return _landlord_in_use(db, landlord_id)
    flash(_("Landlord deleted."), "success")
    return redirect(url_for("setup.landlords_list"))


def _landlord_in_use(db, landlord_id: int):
    """Back to the landlord, saying how many buildings still belong to it."""
    buildings = db.table("buildings").count_where("landlord_id = ?", [landlord_id])
    flash(ngettext("%(num)s building still belongs to this landlord: give it another one "
                   "first.", "%(num)s buildings still belong to this landlord: give them "
                   "another one first.", buildings), "error")
    return redirect(url_for("setup.landlord_edit", landlord_id=landlord_id))


@bp.route("/association", methods=["GET", "POST"])
@admin_required
def association_settings():
    """The association's name and contact, shown in the data register."""
    db = get_db()
    current = reference.association(db)
    form = SettingsForm(data={**current, "demo": bool(current["is_demo"])})
    if form.validate_on_submit():
        reference.save_association(db, form.name.data.strip(), form.postal_address.data,
                                  form.contact_email.data, is_demo=form.demo.data,
                                  by=current_user, standing=form.standing())
        flash(_("Settings saved."), "success")
        return redirect(url_for("setup.association_settings"))
    return render_template("volunteers/admin/edit.html", form=form,
                           cancel_url=url_for("volunteers.dashboard"),
                           title=_("The association")), 400 if form.errors else 200
