"""What the public pages are called in the site's header and footer."""
from flask_babel import lazy_gettext as _l

from ..capability import NavEntry

NAV = (NavEntry("public.home", _l("Home"), ("public",)),
       NavEntry("public.register", _l("Our data register"), ("public",)),
       NavEntry("public.register", _l("What we hold and for how long"), ("footer",)),
       NavEntry("public.transparency", _l("Transparency report"), ("footer",)),
       NavEntry("public.legal_notice", _l("Legal notice"), ("footer",)))
