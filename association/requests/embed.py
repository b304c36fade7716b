"""A campaign's results inside a communiqué: ``[[campagne:<slug>]]`` alone on its line draws
this box (``Capability.embeds``), with the same published counts as the campaign's page
("fewer than 3" for 1 or 2), read live whenever the communiqué is drawn."""
from flask import render_template
from markupsafe import Markup

from . import campaigns
from .labels import labels
from .results import results


def campaign_box(db, slug: str) -> Markup | None:
    """The box for the campaign ``slug``, or None when there is no such campaign."""
    campaign = campaigns.by_slug(db, slug)
    if campaign is None:
        return None
    return Markup(render_template("requests/_embed.html", campaign=campaign,
                                  results=results(db, campaign["id"]), labels=labels()))
