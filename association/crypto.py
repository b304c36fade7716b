"""Keys kept in ``instance/`` (never in the database): encryption of the few secrets we hold,
and keyed hashes for what we only need to recognise (addresses, tokens, codes)."""
import base64
import hashlib
import hmac
import secrets
from functools import lru_cache
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken
from flask import current_app

from .config import read_or_create_secret

__all__ = ["encrypt", "decrypt", "keyed_hash", "new_token", "InvalidToken"]


@lru_cache(maxsize=16)
def _key(instance_path: str, name: str) -> str:
    """A key of the instance, read once per process (keys never change while it runs)."""
    return read_or_create_secret(Path(instance_path) / name)


def _key_file(name: str) -> str:
    return _key(current_app.instance_path, name)


@lru_cache(maxsize=16)
def _fernet_for(key: str) -> Fernet:
    return Fernet(base64.urlsafe_b64encode(hashlib.sha256(key.encode()).digest()))


def _fernet() -> Fernet:
    return _fernet_for(_key_file("encryption_key"))


def encrypt(text: str) -> str:
    """Encrypt (authenticated, AES with HMAC) a short secret for storage."""
    return _fernet().encrypt(text.encode()).decode()


def decrypt(token: str) -> str:
    """Decrypt what ``encrypt`` stored; raises InvalidToken if it was tampered with."""
    return _fernet().decrypt(token.encode()).decode()


def keyed_hash(purpose: str, value: str) -> str:
    """HMAC-SHA256 of ``value`` under the instance's hashing key, separated by ``purpose``."""
    key = _key_file("hashing_key").encode()
    message = f"{purpose}\x00{value}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def new_token(nbytes: int = 32) -> str:
    """A random URL-safe token (invitation links, session ids)."""
    return secrets.token_urlsafe(nbytes)
