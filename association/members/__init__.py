"""Members have a key, not an identity: keys, the personal space (see, export, erase), the
member's session, and the mail queue of messages to members who gave an address.

A foundation capability: it loads before the domain capabilities, which use it only through
what this package exports (below).
"""
from ..capability import Capability, Lends, MemberSpace, Pages, Schema
from ..jobs import Job
from . import hooks, journal, labels, mail, records, views, volunteer_views
from .entry import WrongKey, member_for, new_member, pending_key  # noqa: F401
from .keys import CONFIRMED, create, find, get as get_member, is_confirmed, touch  # noqa: F401
from .mail import queue as queue_message  # noqa: F401
from .migrations import migrations
from .sessions import current as current_member, sign_in  # noqa: F401
from .tables import TABLES
from .views import member_required  # noqa: F401

CAPABILITY = Capability(
    name="members",
    schema=Schema(tables=TABLES, migrations=migrations, after_restore=(records.erase_again,)),
    pages=Pages(blueprints=(views.bp, volunteer_views.bp), nav=labels.NAV),
    member_space=MemberSpace(messages=mail.MESSAGES),
    lends=Lends(notices=hooks.notices,
                uses={"building": hooks.building_uses, "member": hooks.member_uses}),
    jobs=(Job("mail", mail.deliver, "send queued messages to members", every=300),
          Job("erasure-journal", journal.prune, "forget erasures older than the backups")),
)
