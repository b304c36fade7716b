"""The second factor: TOTP codes (accepted once each) and recovery codes."""
import secrets
from datetime import datetime

import pyotp

from ..crypto import keyed_hash

RECOVERY_CODES = 10
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_secret() -> str:
    """A fresh TOTP secret (160 bits, base32)."""
    return pyotp.random_base32(32)


def provisioning_uri(secret: str, login: str, issuer: str) -> str:
    """The otpauth:// address an authenticator app reads from the QR code."""
    return pyotp.TOTP(secret).provisioning_uri(name=login, issuer_name=issuer)


def grouped(secret: str) -> str:
    """The secret in groups of four, easier to type by hand."""
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))


def accepted_step(secret: str, code: str, last_step: int, now: datetime) -> int | str:
    """The time step a valid code belongs to, "reused" for a code already used, or "wrong".

    One step of clock drift is tolerated either way; a step at or before the last accepted
    one is refused, so an overheard code cannot be replayed.
    """
    code = "".join(ch for ch in code if ch.isdigit())
    if len(code) != 6:
        return "wrong"
    totp = pyotp.TOTP(secret)
    current = totp.timecode(now)
    for step in (current, current - 1, current + 1):
        if secrets.compare_digest(totp.generate_otp(step), code):
            return step if step > last_step else "reused"
    return "wrong"


def new_recovery_codes() -> list[str]:
    """Ten random recovery codes like ``7KQ2-9XWM`` (40 bits each)."""
    def one():
        chars = "".join(secrets.choice(CROCKFORD) for _ in range(8))
        return f"{chars[:4]}-{chars[4:]}"
    return [one() for _ in range(RECOVERY_CODES)]


def normalise_recovery_code(code: str) -> str:
    """Upper case, no spaces or dashes, O read as 0 and I/L as 1."""
    cleaned = "".join(ch for ch in code.upper() if ch.isalnum())
    return cleaned.translate(str.maketrans("OIL", "011"))


def recovery_hash(code: str) -> str:
    """The keyed hash under which a recovery code is stored."""
    return keyed_hash("recovery-code", normalise_recovery_code(code))


def looks_like_recovery_code(code: str) -> bool:
    """A recovery code has eight letters or digits; a TOTP code has six digits."""
    return len(normalise_recovery_code(code)) == 8
