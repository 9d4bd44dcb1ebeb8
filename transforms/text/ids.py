"""Content-derived ids: equal input, equal id, in every run and on every machine."""

from __future__ import annotations

import hashlib


def stable_id(prefix: str, *parts: object, length: int = 16) -> str:
    """A deterministic id: `prefix` + the first `length` hex digits of sha256 over the parts."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}_{digest[:length]}"
