"""Public pages: home, the data register, the transparency report and the legal notice."""
from flask_babel import lazy_gettext as _l

from ..capability import Capability, NavEntry
from . import hooks, views

CAPABILITY = Capability(
    name="public",
    blueprints=(views.bp,),
    nav=(NavEntry("public.home", _l("Home"), ("public",)),
         NavEntry("public.register", _l("Our data register"), ("public",))),
    notices=hooks.notices,
)
