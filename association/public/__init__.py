"""Public pages: home, the data register and the transparency report."""
from flask_babel import lazy_gettext as _l

from ..capability import Capability, NavEntry
from . import views

CAPABILITY = Capability(
    name="public",
    blueprints=(views.bp,),
    nav=(NavEntry("public.home", _l("Home"), ("public",)),
         NavEntry("public.register", _l("Our data register"), ("public",))),
)
