"""The volunteers' side of campaigns: administrators manage them, every volunteer gets the
results as CSV."""
import csv
import io

from flask import Blueprint, abort, flash, make_response, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from .. import reference
from ..counts import label as count_label
from ..db import get_db
from ..forms import Confirmation, choices, confirmed
from ..privacy import Flags
from ..volunteers import role_required, signed_in_required
from . import campaigns, letters, results
from .forms import CampaignForm
from .labels import labels
from ..clock import today

bp = Blueprint("requests_admin", __name__, url_prefix="/benevoles/campagnes")
admin_required = role_required("admin")
RESERVED_SLUGS = {"suivi"}


@bp.get("/")
@signed_in_required
def campaigns_list():
    """Every campaign with its participants; links to results and, for admins, to edit."""
    db = get_db()
    found = campaigns.listed(db, today())
    for campaign in found:
        campaign["counts"] = results.results(db, campaign["id"])
    return render_template("requests/admin/campaigns.html", campaigns=found, labels=labels())


def _landlord_choices(db):
    return choices([(0, _("(none)"))] + [(row["id"], row["name"])
                                         for row in reference.landlords(db)])


def _form_values(db, form) -> dict | None:
    """The campaign's values from a valid form, the controller's details taken from the
    landlord where left blank; None (with errors on the form) when something is missing."""
    values = {name: form[name].data for name in campaigns.FIELDS if name in form}
    values = {k: v.strip() if isinstance(v, str) else v for k, v in values.items()}
    landlord = reference.landlord(db, form.landlord_id.data) if form.landlord_id.data else None
    if landlord:
        for ours, theirs in (("controller_name", "name"), ("controller_address", "postal_address"),
                             ("dpo_email", "dpo_email"), ("siren", "siren")):
            values[ours] = values.get(ours) or landlord[theirs]
    for name in ("controller_name", "controller_address"):
        if not values.get(name):
            form[name].errors.append(_("Give it, or choose a landlord that has it."))
    for language in letters.LANGUAGES:
        # A letter left as the default one is not kept: it follows the default's changes.
        name = f"letter_{language}"
        if (values.get(name) or "").replace("\r", "") == letters.DEFAULT_TEMPLATES[language]:
            values[name] = None
    for name in ("explanation", "letter_fr", "letter_en"):
        values[name] = values.get(name) or None
        values[f"{name}_flags"] = Flags.found_in(form[name]).format() if values[name] else None
    return None if form.errors else values


def _edit(campaign=None):
    db = get_db()
    data = dict(campaign) if campaign else {}
    for name in ("opens_on", "closes_on"):
        if data.get(name):
            from datetime import date

            data[name] = date.fromisoformat(data[name])
    data["landlord_id"] = data.get("landlord_id") or 0
    if campaign is None:  # a new campaign starts from the default letters, to adapt
        data.update(letter_fr=letters.DEFAULT_TEMPLATES["fr"],
                    letter_en=letters.DEFAULT_TEMPLATES["en"])
    form = CampaignForm(data=data)
    form.landlord_id.choices = _landlord_choices(db)
    if form.validate_on_submit():
        campaign_id = campaign["id"] if campaign else None
        if form.slug.data in RESERVED_SLUGS or campaigns.slug_taken(db, form.slug.data,
                                                                   campaign_id):
            form.slug.errors.append(_("Another campaign, or a page of the site, already uses "
                                      "this address."))
        values = _form_values(db, form)
        if values is not None:
            campaigns.save(db, values, campaign_id, by=current_user)
            flash(_("Campaign saved."), "success")
            return redirect(url_for("requests_admin.campaigns_list"))
    return render_template(
        "requests/admin/edit.html", form=form, campaign=campaign,
        title=campaign["title"] if campaign else _("New campaign"),
        placeholders=["{%s}" % name for name in letters.PLACEHOLDERS]), \
        400 if form.errors else 200


@bp.route("/nouvelle", methods=["GET", "POST"])
@admin_required
def campaign_new():
    """Create a campaign."""
    return _edit()


@bp.route("/<int:campaign_id>", methods=["GET", "POST"])
@admin_required
def campaign_edit(campaign_id):
    """Change a campaign (closing it is setting its last day)."""
    return _edit(campaigns.get(get_db(), campaign_id) or abort(404))


@bp.route("/<int:campaign_id>/supprimer", methods=["GET", "POST"])
@admin_required
def campaign_delete(campaign_id):
    """Delete a campaign, its trackers and its results, after confirmation."""
    db = get_db()
    campaign = campaigns.get(db, campaign_id) or abort(404)
    if not confirmed():
        following = campaigns.tracker_count(db, campaign_id)
        return Confirmation(
            title=_("Delete the campaign %(title)s?", title=campaign["title"]),
            consequences=[
                ngettext("%(num)s member's tracker is deleted.",
                         "%(num)s members' trackers are deleted.", following),
                _("Its public page, its results and its counts are deleted.")],
            irreversible=_("A deleted campaign cannot be restored. To stop new members "
                           "joining, set its last day instead."),
            action=url_for("requests_admin.campaign_delete", campaign_id=campaign_id),
            confirm=_("Delete the campaign"),
            cancel=url_for("requests_admin.campaign_edit", campaign_id=campaign_id)).page()
    campaigns.delete(db, campaign_id, by=current_user)
    flash(_("Campaign deleted."), "success")
    return redirect(url_for("requests_admin.campaigns_list"))


def _csv_rows(campaign, found) -> list[list[str]]:
    """The results as rows: what, which, how many (or "fewer than 3"), share."""
    names = labels()
    share = lambda value: "" if value is None else f"{value:.3f}"  # noqa: E731
    rows = [[_("What"), _("Which"), _("How many"), _("Share of answers")],
            [_("Participants"), "", count_label(found["participants"]), ""],
            [_("Letters sent"), "", count_label(found["sent"]), ""]]
    rows += [[_("State"), str(names["states"][k]), count_label(v), ""]
             for k, v in found["states"].items()]
    rows += [[_("Deadline"), str(names["timeliness"][k]), count_label(v), ""]
             for k, v in found["timeliness"].items()]
    rows += [[_("Grade of the answer"), str(names["grades"][k]), count_label(v), ""]
             for k, v in found["grades"].items()]
    rows += [[_("Missing from the answer"), str(names["items"][k]), count_label(v["missing"]),
              share(v["share_missing"])] for k, v in found["items"].items()]
    rows += [[_("Disclosed"), str(names["disclosures"][k]), count_label(found[k]["count"]),
              share(found[k]["share"])] for k in names["disclosures"]]
    rows += [[_("Given (asked in addition)"), str(names["extra_items"][k]),
              count_label(v["given"]), share(v["share_given"])]
             for k, v in found["extra_items"].items()]
    median = found["median_days_to_answer"]
    rows.append([_("Median days to an answer"), "", "" if median is None else f"{median:g}",
                 ""])
    return rows


@bp.get("/<int:campaign_id>/resultats.csv")
@signed_in_required
def results_csv(campaign_id):
    """The campaign's results as CSV, with the same withheld groups as the public page."""
    db = get_db()
    campaign = campaigns.get(db, campaign_id) or abort(404)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerows(_csv_rows(campaign, results.results(db, campaign_id)))
    response = make_response("\ufeff" + buffer.getvalue())  # the mark spreadsheets look for
    response.mimetype = "text/csv"
    response.headers["Content-Disposition"] = (
        f'attachment; filename="resultats-{campaign["slug"]}.csv"')
    return response
