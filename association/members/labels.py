"""What the interface calls the members' pages in the navigation."""
from flask_babel import lazy_gettext as _l

from ..capability import NavEntry

NAV = (NavEntry("members.home", _l("My space"), ("public",), section=True),
       NavEntry("key_confirm.confirm", _l("Confirm a member's key"), ("volunteer",)))
