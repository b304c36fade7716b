"""Public pages: home, the data register, the transparency report and the legal notice."""
from ..capability import Capability, Lends, Pages
from . import hooks, labels, views

CAPABILITY = Capability(
    name="public",
    pages=Pages(blueprints=(views.bp,), nav=labels.NAV),
    lends=Lends(notices=hooks.notices),
)
