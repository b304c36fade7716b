"""Volunteer passwords: the length and strength rules, and argon2id hashing."""
import re
from functools import lru_cache
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app, has_app_context

MIN_LENGTH = 12
MAX_LENGTH = 256
# At least 10^10 guesses by zxcvbn's estimate (its top score): out of reach online, and slow
# to find offline behind argon2id even if the database were stolen.
MIN_GUESSES_LOG10 = 10
WORDS_FILE = Path(__file__).parent / "data" / "french_words.txt"
# zxcvbn refuses passwords over 72 characters; a longer one is judged on its start.
SCORED_PREFIX = 72

@lru_cache(maxsize=4)
def _hasher_for(parameters: tuple) -> tuple[PasswordHasher, str]:
    """A hasher, and a hash verified against when the login is unknown, so both answers take
    the same time."""
    hasher = PasswordHasher(**dict(parameters))
    return hasher, hasher.hash("not a real password, only for equal timing")


def _hasher() -> tuple[PasswordHasher, str]:
    """argon2id with the library's recommended parameters, unless the configuration gives
    others (``ARGON2``: the test suite uses a cheap profile, as Django's does)."""
    parameters = current_app.config.get("ARGON2") if has_app_context() else None
    return _hasher_for(tuple(sorted((parameters or {}).items())))


@lru_cache(maxsize=1)
def _load_french_words() -> None:
    # zxcvbn's dictionaries (13 MB) are loaded by the first password judged, not by the app.
    from zxcvbn import matching

    words = [line.strip() for line in WORDS_FILE.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    matching.add_frequency_lists({"french": words})


def weakness(password: str, context: tuple[str, ...] = ()) -> str | None:
    """Why the password is refused ("too_short", "too_long", "guessable"), or None if fine.

    ``context`` holds words an attacker would try first: the login, the association's name.
    """
    if len(password) < MIN_LENGTH:
        return "too_short"
    if len(password) > MAX_LENGTH:
        return "too_long"
    from zxcvbn import zxcvbn

    _load_french_words()
    inputs = [word.lower() for text in context for word in re.split(r"\W+", text or "") if word]
    inputs += ["amicale", "locataire", "locataires", "benevole", "association"]
    if zxcvbn(password[:SCORED_PREFIX], user_inputs=inputs)["guesses_log10"] < MIN_GUESSES_LOG10:
        return "guessable"
    return None


def hash_password(password: str) -> str:
    """The argon2id hash to store."""
    return _hasher()[0].hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    """Whether ``password`` matches; takes as long when there is no account or no hash."""
    hasher, dummy = _hasher()
    try:
        return hasher.verify(stored_hash or dummy, password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """Whether the hash was made with other parameters than today's (stronger ones
    after an upgrade of the library): it is then made again at the next sign-in."""
    return _hasher()[0].check_needs_rehash(stored_hash)
