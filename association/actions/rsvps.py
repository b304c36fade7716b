"""Answers "I'll come" without identity.

An answer is a random token that only the person keeps (a cancel link shown once, and a
cookie of this browser); the database holds its keyed hash, how many people it counts and,
only if the member chose so, their key's member id. The action keeps counters, so the
capacity check and the answer are one write transaction: fifty people answering at once
cannot overbook it.

Free keys are not members (issue 19). An answer is *confirmed* when it is tied to a key a
volunteer confirmed in person; every other one (an anonymous token, an unconfirmed key, a
confirmed member who chose not to tie it) is *open*. Then:

- the published number of people coming (``confirmed_count``, shown from 3 on) counts only
  confirmed answers: whoever holds free keys and fresh browsers cannot move it, so adding
  and withdrawing their own answers teaches them nothing of a withheld figure;
- open answers count at most ``MAX_OPEN_PEOPLE`` people each and together hold at most
  ``open_places(capacity)`` places: a third, and never so many that fewer than 3 are left
  to confirmed answers. One address (30 answers per 15 minutes) can no longer fill an
  action, and a place it frees at the last minute is one of that third; confirmed answers
  may take any free place, so members are never locked out by open ones;
- a refusal never states a number. Its decision, for an open answer, depends on the open
  answers (which anyone can forge, and which are never a published figure) and on whether
  the whole capacity would be exceeded; since open answers hold at most ``capacity -
  MIN_GROUP`` places, the whole capacity can only bind once at least 3 confirmed people
  (more than ``capacity - open_places``) answered. Every boundary an open prober can find
  by trying 1, 2... people therefore lies at a confirmed count of 3 or more: confirmed
  counts of 0, 1 and 2 give the same answers to every probe, and "full" (shown on the page)
  likewise means at least 3 confirmed people. The exact number of places left is never
  published: with the open answers in it, it would tell them apart from the confirmed ones.

What is left: someone who fills the open share learns how much of it others hold (open
answers only: nothing about members), and a member whose key was confirmed can still move
the published number by their own answer; both are written in the threat model (README).
"""
import re
from datetime import timedelta

from flask_babel import lazy_gettext as _l

from .. import clock, cookies
from ..counts import MIN_GROUP
from ..crypto import keyed_hash, new_token
from ..db import first_row
from ..throttle import Limit

RSVP_ADDRESS = Limit("rsvp-address", 30)  # answers from one network address per 15 minutes
MAX_PEOPLE = 6  # a confirmed member's answer: a household
MAX_OPEN_PEOPLE = 2  # an open answer, when places are limited: a person and a companion
OPEN_SHARE = 3  # open answers hold at most a third of the places
# Under 13 months (the CNIL's benchmark): a yearly event answered again renews it.
RSVP_COOKIE = cookies.declare("amicale_rsvp", _l(
    "remembers, on this browser only, your answers to actions (anonymous tokens), so that you "
    "can change or cancel them; only the actions' pages receive it"), timedelta(days=390))
COOKIE = RSVP_COOKIE.name
COOKIE_ENTRIES = 40  # the newest answers a browser remembers (a cookie holds 4 KB)
_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")


class Refused(Exception):
    """An answer refused: ``code`` is cancelled, started, full, not_enough, open_people,
    open_full or already. It carries no count: the refusal never states one."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def open_places(capacity: int) -> int:
    """The places open answers may hold together: a third, leaving at least MIN_GROUP to
    confirmed answers (so that "full" never tells a confirmed count under 3)."""
    return max(0, min(capacity // OPEN_SHARE, capacity - MIN_GROUP))


def admission(capacity: int | None, total: int, confirmed_total: int, people: int,
              confirmed: bool) -> str | None:
    """Why an answer for ``people`` cannot be taken (a Refused code), or None when it can:
    the capacity rule, apart from the transaction (see the module's docstring)."""
    if capacity is None:
        return None
    if total >= capacity:
        return "full"
    if confirmed:
        return "not_enough" if total + people > capacity else None
    if people > MAX_OPEN_PEOPLE:
        return "open_people"
    if total - confirmed_total + people > open_places(capacity) or total + people > capacity:
        return "open_full"
    return None


def token_hash(token: str) -> str:
    """The keyed hash under which an answer's token is stored."""
    return keyed_hash("rsvp", token)


def answer(db, action_id: int, people: int = 1, member_id: int | None = None,
           confirmed: bool = False) -> str:
    """Count ``people`` more for the action and return the answer's token (shown once, never
    stored). ``confirmed``: tied (``member_id``) to a key a volunteer confirmed. Raises
    Refused when the action is cancelled, has started, or has no room for this answer."""
    confirmed = bool(confirmed and member_id is not None)
    token = new_token(16)
    with db.atomic():
        action = first_row(db, "select status, starts_at, ends_at, capacity, rsvp_count, "
                               "confirmed_count from actions where id = ?", [action_id])
        if action["status"] == "cancelled":
            raise Refused("cancelled")
        if clock.parse(action["starts_at"]) <= clock.now():
            raise Refused("started")
        if member_id is not None and db.execute(
                "select 1 from action_rsvps where action_id = ? and member_id = ?",
                [action_id, member_id]).fetchone():
            raise Refused("already")
        refusal = admission(action["capacity"], action["rsvp_count"],
                            action["confirmed_count"], people, confirmed)
        if refusal:
            raise Refused(refusal)
        db.execute("insert into action_rsvps (token_hash, action_id, people, member_id, "
                   "action_ends_at, confirmed) values (?, ?, ?, ?, ?, ?)",
                   [token_hash(token), action_id, people, member_id, action["ends_at"],
                    int(confirmed)])
        db.execute("update actions set rsvp_count = rsvp_count + ?, "
                   "confirmed_count = confirmed_count + ? where id = ?",
                   [people, people if confirmed else 0, action_id])
    return token


def find(db, action_id: int, token: str | None = None, member_id: int | None = None):
    """The answer this browser (its token) or this member holds for the action, or None."""
    if token and _TOKEN.fullmatch(token):
        found = first_row(db, "select * from action_rsvps where token_hash = ? and "
                              "action_id = ?", [token_hash(token), action_id])
        if found:
            return found
    if member_id is not None:
        return first_row(db, "select * from action_rsvps where action_id = ? and "
                             "member_id = ?", [action_id, member_id])
    return None


def cancel(db, action_id: int, token: str | None = None, member_id: int | None = None) -> int:
    """Withdraw the answer held by the token (or the member); return how many people it
    counted (0 when there was none). Refused("started") once the action has begun: the
    archive's count is what was announced. (Withdrawing late needs no other rule: an open
    answer frees a place of the open third at most.)"""
    with db.atomic():
        found = find(db, action_id, token, member_id)
        if found is None:
            return 0
        starts_at = db.execute("select starts_at from actions where id = ?",
                               [action_id]).fetchone()[0]
        if clock.parse(starts_at) <= clock.now():
            raise Refused("started")
        db.execute("delete from action_rsvps where token_hash = ?", [found["token_hash"]])
        db.execute("update actions set rsvp_count = max(rsvp_count - ?, 0), "
                   "confirmed_count = max(confirmed_count - ?, 0) where id = ?",
                   [found["people"], found["people"] if found["confirmed"] else 0,
                    action_id])
    return found["people"]


def full(action: dict) -> bool:
    """Whether every place is taken (never how many are left: see the module's docstring)."""
    return action["capacity"] is not None and action["rsvp_count"] >= action["capacity"]


# --- the browser's own answers, in a cookie ----------------------------------------------

def read_cookie(value: str | None) -> dict[int, str]:
    """The tokens a browser keeps, by action id ("12.token~15.token"); junk is ignored."""
    tokens = {}
    for entry in (value or "").split("~")[:COOKIE_ENTRIES]:
        action_id, _, token = entry.partition(".")
        if action_id.isdigit() and len(action_id) < 12 and _TOKEN.fullmatch(token):
            tokens[int(action_id)] = token
    return tokens


def write_cookie(tokens: dict[int, str]) -> str:
    """The cookie's value for these tokens (the newest kept when there are too many)."""
    kept = list(tokens.items())[-COOKIE_ENTRIES:]
    return "~".join(f"{action_id}.{token}" for action_id, token in kept)


# --- the member's own answers ------------------------------------------------------------

def of_member(db, member_id: int) -> list[dict]:
    """The actions not over yet that the member answered with their key, soonest first."""
    return list(db.query(
        "select a.*, r.people from action_rsvps r join actions a on a.id = r.action_id "
        "where r.member_id = ? and a.ends_at > ? order by a.starts_at",
        [member_id, clock.stamp()]))



def answered_ids(db, tokens: dict[int, str], member_id: int | None = None) -> set[int]:
    """The actions this browser's tokens (or this member) hold an answer to."""
    hashes = [token_hash(token) for token in tokens.values() if _TOKEN.fullmatch(token)]
    found = set()
    if hashes:
        marks = ",".join("?" * len(hashes))
        found |= {row[0] for row in db.execute(
            f"select action_id from action_rsvps where token_hash in ({marks})", hashes)}
    if member_id is not None:
        found |= {row[0] for row in db.execute(
            "select action_id from action_rsvps where member_id = ?", [member_id])}
    return found
