"""Public pages: home, the data register and the transparency report."""
from ..capability import Capability, Pages
from . import labels, views

CAPABILITY = Capability(
    name="public",
    pages=Pages(blueprints=(views.bp,), nav=labels.NAV),
)
