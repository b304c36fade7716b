"""Members have a key, not an identity: keys, the personal space (see, export, erase), the
member's session, and the mail queue of messages to members who gave an address.

Other capabilities use it through what this package exports.
"""
from flask_babel import lazy_gettext as _l

from ..capability import Capability, NavEntry
from ..jobs import Job
from . import journal, keys, mail, records, views, volunteer_views
from .entry import WrongKey, member_for, new_member, pending_key  # noqa: F401
from .keys import CONFIRMED, create, find, get as get_member, is_confirmed, touch  # noqa: F401
from .mail import queue as queue_message  # noqa: F401
from .sessions import current as current_member, sign_in  # noqa: F401
from .tables import TABLES
from .views import member_required  # noqa: F401

CAPABILITY = Capability(
    name="members",
    blueprints=(views.bp, volunteer_views.bp),
    tables=TABLES,
    jobs=(Job("mail", mail.deliver, "send queued messages to members", every=300),
          Job("erasure-journal", journal.prune, "forget erasures older than the backups")),
    after_restore=(records.erase_again,),
    messages=mail.MESSAGES,
    nav=(NavEntry("members.home", _l("My space"), ("public",), section=True),
         NavEntry("key_confirm.confirm", _l("Confirm a member's key"), ("volunteer",))),
    notices=mail.notices,
    uses={"building": keys.building_uses, "member": mail.member_uses},
)
