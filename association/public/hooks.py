"""What the public pages lend the core: the dashboard's notice of an incomplete legal notice."""
from flask_babel import lazy_gettext as _l

from .. import reference
from .legal import missing


def notices(db, volunteer) -> list:
    """For administrators: the legal notice is incomplete (the page says what to fill in)."""
    if not volunteer.is_admin:
        return []
    lacking = missing(reference.association(db))
    if not lacking:
        return []
    return [_l("The legal notice (/mentions-legales) lacks %(what)s: the law requires them "
               "(LCEN art. 6 III). Fill them in under “The association”.",
               what=", ".join(str(label) for label in lacking))]
