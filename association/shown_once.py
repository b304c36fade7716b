"""Secrets shown once — a personal key, recovery codes, an invitation link, a new second factor
— survive a language switch, a refresh and the Back button until their owner says "I have
kept it".

The server never stores such a secret. Between the form that makes it and the page that
shows it, it travels encrypted (Fernet, key in ``instance/``) in the browser's own session
cookie, tied to whoever it was made for, for half an hour at most: the page that shows it is
then an ordinary GET page (post/redirect/get), which can be reloaded or switched to English.
Once its owner confirms, or the half hour is over, the page says plainly that it was shown
once and how to get a new one.
"""
import json
from datetime import timedelta

from flask import session

from . import clock
from .crypto import InvalidToken, decrypt, encrypt

SESSION_KEY = "shown_once"
LIFETIME = timedelta(minutes=30)


def keep(kind: str, value, owner: str) -> None:
    """Keep ``value`` (anything JSON can hold) to show it on the next pages, for ``owner``."""
    waiting = dict(session.get(SESSION_KEY, {}))
    waiting[kind] = {"value": encrypt(json.dumps(value)), "owner": owner, "at": clock.stamp()}
    session[SESSION_KEY] = waiting


def pending(kind: str, owner: str):
    """The value kept for ``owner``, or None (never kept, confirmed, too old, or made for
    someone else in this browser)."""
    entry = session.get(SESSION_KEY, {}).get(kind)
    if not entry:
        return None
    if entry.get("owner") != owner or clock.now() - clock.parse(entry["at"]) >= LIFETIME:
        forget(kind)
        return None
    try:
        return json.loads(decrypt(entry["value"]))
    except (InvalidToken, ValueError):
        forget(kind)
        return None


def forget(kind: str) -> None:
    """Stop showing it: its owner has kept it."""
    waiting = dict(session.get(SESSION_KEY, {}))
    if waiting.pop(kind, None) is not None:
        session[SESSION_KEY] = waiting
