"""What volunteers are told when something is refused, in their language."""
from flask_babel import lazy_gettext as _l

from ..capability import NavEntry
from ..i18n import lazy_duration
from .accounts import INVITATION_LIFETIME

SIGN_IN = {
    "wrong": _l("Login, password or code incorrect. Check them and try again."),
    "code_reused": _l("This code has already been used. Wait for the next code in your app "
                      "(it changes every 30 seconds)."),
    "disabled": _l("This account is disabled. Ask an administrator of the association."),
}
THROTTLED = _l("Too many failed attempts. For your security, sign-in is paused: try again "
               "after %(time)s.")
INVITATION = {
    "invitation_unknown": _l("This invitation link is not valid. Check that you copied it "
                             "whole, or ask an administrator for a new one."),
    "invitation_used": _l("This invitation link has already been used. If that was not you, "
                          "tell an administrator at once."),
    "invitation_expired": _l("This invitation link has expired (links last %(duration)s). "
                             "Ask an administrator for a new one.",
                             duration=lazy_duration(INVITATION_LIFETIME, 4)),
}
CODE_WRONG = _l("This code is not right. Check that the phone is on time and type the code "
                "the app shows now.")
ACCOUNT = {
    "login_taken": _l("This login is already used by another account."),
    "bad_role": _l("Choose one of the roles offered."),
    "last_admin": _l("This is the last active administrator: appoint another one first."),
    "still_enabled": _l("Disable the account before deleting it."),
}

ROLE_LABELS = {"admin": _l("Administrator"), "editor": _l("Editor"),
               "volunteer": _l("Volunteer")}

AUDIT_ACTIONS = {
    "login": _l("signed in"), "logout": _l("signed out"), "invite": _l("invited a volunteer"),
    "disable": _l("disabled an account"), "enable": _l("enabled an account"),
    "reset_second_factor": _l("reset a second factor"), "end_sessions": _l("ended sessions"),
    # A refused sign-in (password or code wrong, account disabled), and the one that used up
    # the account's attempts: the entry names the account when the login exists, and never
    # what was typed nor where it came from.
    "login_failed": _l("failed sign-in"),
    "locked_out": _l("sign-in paused after too many failures"),
}
OBJECT_TYPES = {"volunteer": _l("volunteer account")}

# The volunteer area's bar, and the links into it from the public site (capability.SITE_AUDIENCES).
NAV = (
    NavEntry("volunteers.dashboard", _l("Volunteer area"), ("way_in",),
             blueprints=("volunteers", "admin", "setup")),
    NavEntry("volunteers.login", _l("Volunteers' sign-in"), ("footer",)),
    NavEntry("volunteers.dashboard", _l("Dashboard")),
    NavEntry("volunteers.account", _l("My account")),
    NavEntry("admin.accounts_list", _l("Accounts"), ("admin",)),
    NavEntry("setup.buildings_list", _l("Buildings"), ("admin",)),
    NavEntry("setup.landlords_list", _l("Landlords"), ("admin",)),
    NavEntry("setup.association_settings", _l("The association"), ("admin",)),
    NavEntry("admin.audit_log", _l("Audit log"), ("admin",)),
)
