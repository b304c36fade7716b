"""Privacy rules in one place: the sensitive-content screen.

Member keys live in ``members.py``, encryption of contact fields in ``crypto.py``.
"""
from .screen import CATEGORIES, Finding, find_sensitive  # noqa: F401

__all__ = ["CATEGORIES", "Finding", "find_sensitive"]
