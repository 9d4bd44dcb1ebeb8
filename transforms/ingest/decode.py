"""Decode raw article bytes to text, or say in a short reason why the file is not an article.

Order of decisions (first match wins): oversized, empty, UTF-16/32 with a BOM, UTF-16/32
without one (recognised by where its NUL bytes fall), binary, UTF-8 (BOM stripped; text that
was UTF-8 read as cp1252 and saved again is repaired), truncated or mixed UTF-8, a detected
legacy encoding, whitespace only. The encoding recorded is the Python codec that produced the
text ("utf-8", "utf-8-sig", "utf-16-le", "cp1252", "cp1251", ...), so `raw_files.encoding`
can re-decode the bytes; the one exception says so in its name: "utf-8 (double-encoded,
repaired)".

Why not just trust charset-normalizer: measured on this machine (3.5.3) it reports Latin-1 and
cp1252 text as cp1250 (a "£" would then decode as "Ł"), and the one non-UTF-8 BBC file
(sport/199.txt, a "£" as byte 0xA3) as cp932 (Shift-JIS). English news in a legacy encoding is
almost always cp1252, so a cp1252 reading that looks like Western text wins over its guess.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

# Share of control bytes (other than tab, newlines, form feed) above which bytes are not text.
_MAX_CONTROL_SHARE = 0.05
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\x0b\x0c") + b"\x7f"
_CONTROL_CHARS = frozenset(_CONTROL_BYTES.decode("ascii"))
# A cp1252 reading is "Western" when non-ASCII characters are sparse and isolated: accented
# letters, curly quotes and currency signs sit among ASCII letters. Cyrillic, Greek or CJK bytes
# read as cp1252 give long runs of accented gibberish instead.
_MAX_NON_ASCII_SHARE = 0.25
_MAX_NON_ASCII_RUN = 3
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_C1_CONTROLS = re.compile(r"[\x80-\x9f]")
# UTF-8 lead byte read as cp1252 ("Ã", "Â", "â", "Ð") followed by a continuation byte read the
# same way: "Ã©" (é), "â€™" (’), "Â£" (£).
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d"
    "\u017e\u0192\u02c6\u02dc\u2013-\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
# Encodings charset-normalizer reports for Western single-byte text (see module docstring).
_WESTERN_GUESSES = {"cp1250", "cp1252", "latin_1", "iso8859_1", "iso8859_15", "iso8859_2"}
_UTF16_32_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Without a BOM, UTF-16/32 shows in where its NUL bytes fall: ASCII-heavy UTF-16-LE text has a
# NUL at (nearly) every odd byte and almost none at even ones; UTF-32 of any text below
# U+10000 has NULs in the two high bytes of every unit. Binary data has NULs at every position.
# (codec, unit size, positions in a unit that hold the NULs, the least share of NULs there,
# the position of the low byte). UTF-16: at least half its high bytes NUL (ASCII-heavy text).
# UTF-32: nearly all, since its two high bytes are NUL for every character below U+10000 (and
# UTF-16 text whose odd characters are controls must not pass for UTF-32).
_WIDE_LAYOUTS = (
    ("utf-32-le", 4, (2, 3), 0.9, 0),
    ("utf-32-be", 4, (0, 1), 0.9, 3),
    ("utf-16-le", 2, (1,), 0.5, 0),
    ("utf-16-be", 2, (0,), 0.5, 1),
)
# A low byte is NUL only for characters such as U+0100 or U+3000, rare in any text.
_MAX_LOW_NUL_SHARE = 0.01


@dataclass(frozen=True)
class Decoded:
    """The outcome of decoding one file: `text` is None exactly when `reason` is set."""

    text: str | None
    encoding: str | None
    reason: str | None


def _reject(reason: str, encoding: str | None = None) -> Decoded:
    return Decoded(text=None, encoding=encoding, reason=reason)


def _accept(text: str, encoding: str) -> Decoded:
    if not text.strip():
        return _reject("whitespace only", encoding)
    return Decoded(text=text, encoding=encoding, reason=None)


def _utf16_or_32(data: bytes) -> Decoded | None:
    """UTF-16/32 text is full of NUL bytes; with a BOM it is text, not binary."""
    for bom, name in _UTF16_32_BOMS:
        if data.startswith(bom):
            try:
                return _accept(data.decode(name), name)
            except UnicodeDecodeError:
                return None
    return None


def _nul_share(sample: bytes, unit: int, positions: tuple[int, ...]) -> float:
    picked = b"".join(sample[p::unit] for p in positions)
    return picked.count(0) / max(len(picked), 1)


def _wide_layout(data: bytes) -> tuple[str, int] | None:
    """(codec, unit size) of UTF-16/32 text without a BOM, judged by where its NULs fall."""
    sample = data[:65536]
    for codec, unit, high, min_share, low in _WIDE_LAYOUTS:
        if (
            _nul_share(sample, unit, high) >= min_share
            and _nul_share(sample, unit, (low,)) <= _MAX_LOW_NUL_SHARE
        ):
            return codec, unit
    return None


def _wide_without_bom(data: bytes) -> Decoded | None:
    """UTF-16/32 text saved without a BOM: decoded when it decodes cleanly, else quarantined
    as such (not as binary: the NUL bytes are its encoding, not binary content)."""
    if b"\x00" not in data or data.startswith(tuple(bom for bom, _ in _UTF16_32_BOMS)):
        return None  # a BOM that failed to decode stays binary, as it always was
    layout = _wide_layout(data)
    if layout is None:
        return None
    codec, unit = layout
    label = f"UTF-{unit * 8} without BOM"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as error:
        return _reject(f"{label} (not clean {codec.upper()}: {error.reason} at byte {error.start})")
    controls = sum(1 for c in text if c in _CONTROL_CHARS)
    if controls > _MAX_CONTROL_SHARE * len(text):
        return _reject(f"{label} ({codec.upper()} gives {controls} control characters)")
    return _accept(text, codec)


def _binary_reason(data: bytes) -> str | None:
    if b"\x00" in data:
        return "binary content (NUL bytes)"
    sample = data[:65536]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > _MAX_CONTROL_SHARE * len(sample):
        return f"binary content ({controls} control bytes in the first {len(sample)})"
    return None


def _utf8_failure(data: bytes, error: UnicodeDecodeError) -> str | None:
    """Say why bytes that are not valid UTF-8 must not go to a legacy codec, or None if they may.

    A file cut inside a multi-byte character, or one mixing valid UTF-8 sequences with stray
    legacy bytes, would come out of a single-byte codec as mojibake ("Ã©"), so both stop here.
    """
    valid_multibyte = sum(1 for c in data[: error.start].decode("utf-8") if ord(c) > 0x7F)
    tail = len(data) - error.start
    # A lone lead byte after pure ASCII is as likely a Latin-1 "é" at the end as a cut character.
    if error.reason == "unexpected end of data" and (tail >= 2 or valid_multibyte):
        return (
            f"undecodable (truncated UTF-8: incomplete multi-byte character at byte {error.start}"
            f" of {len(data)})"
        )
    if error.reason == "unexpected end of data":
        return None
    # Count well-formed multi-byte characters anywhere (not only before the first error).
    # Legacy multi-byte text (Shift-JIS, GBK) forms a few valid UTF-8 pairs by chance, so a file
    # counts as mixed only when its valid UTF-8 characters are at least as many as its bad bytes.
    lenient = data.decode("utf-8", errors="replace")
    invalid = lenient.count("\ufffd")
    valid_multibyte = sum(1 for c in lenient if ord(c) > 0x7F) - invalid
    if valid_multibyte >= max(invalid, 1):
        return (
            f"undecodable (mixed encodings: valid UTF-8 text with an invalid byte 0x"
            f"{data[error.start]:02x} at byte {error.start})"
        )
    return None


def _looks_western(text: str) -> bool:
    if _C1_CONTROLS.search(text):
        return False
    non_ascii = sum(len(run) for run in _NON_ASCII_RUN.findall(text))
    if non_ascii > _MAX_NON_ASCII_SHARE * max(len(text), 1):
        return False
    return all(len(run) <= _MAX_NON_ASCII_RUN for run in _NON_ASCII_RUN.findall(text))


def _legacy(data: bytes) -> Decoded:
    try:
        western = data.decode("cp1252")  # fails on the five bytes cp1252 leaves undefined
    except UnicodeDecodeError:
        western = None
    if western is not None and _looks_western(western):
        return _accept(western, "cp1252")
    best = from_bytes(data).best()
    if best is None:
        return _reject("undecodable (not UTF-8 and no encoding detected)")
    encoding = best.encoding
    if encoding.startswith(("utf_16", "utf_32")):
        # Without a BOM or NUL bytes (both handled before) this guess pairs up ASCII bytes
        # into CJK characters; it is never right for a news file.
        if western is not None and not _C1_CONTROLS.search(western):
            return _accept(western, "cp1252")
        return _reject(f"undecodable (not UTF-8; only guess was {encoding} without a BOM)")
    if encoding in _WESTERN_GUESSES and western is not None and not _C1_CONTROLS.search(western):
        return _accept(western, "cp1252")
    return _accept(str(best), encoding)


def decode_bytes(data: bytes, *, max_bytes: int) -> Decoded:
    """Decode `data` (one raw file) to text with the encoding used, or a reason it is no article.

    Never raises on content; the reason is a short human sentence naming the cause and starts
    with one of: "oversized", "empty", "UTF-16 without BOM", "UTF-32 without BOM", "binary",
    "undecodable", "whitespace only".
    """
    if len(data) > max_bytes:
        return _reject(f"oversized: {len(data)} bytes > limit {max_bytes}")
    if not data:
        return _reject("empty file")
    wide = _utf16_or_32(data) or _wide_without_bom(data)
    if wide is not None:
        return wide
    binary = _binary_reason(data)
    if binary:
        return _reject(binary)
    if data.startswith(codecs.BOM_UTF8):
        try:
            return _accept(data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig")
        except UnicodeDecodeError as error:
            return _reject(_utf8_failure(data, error) or f"undecodable (UTF-8 BOM but {error})")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        failure = _utf8_failure(data, error)
        if failure:
            return _reject(failure)
        return _legacy(data)
    repaired = _undo_double_encoding(text)
    if repaired is not None:
        return _accept(repaired, "utf-8 (double-encoded, repaired)")
    return _accept(text, "utf-8")


def _undo_double_encoding(text: str) -> str | None:
    """The text a writer meant when UTF-8 bytes were read as cp1252 and saved again as UTF-8
    ("Russiaâ€™s" for "Russia’s"), or None.

    Only a whole-text round trip counts: every character must map back to one byte and the
    bytes must be valid UTF-8. Genuine text with any other accented letter or curly quote fails
    that (an "é" alone is no valid UTF-8 byte), so correct text is left alone; only a file
    whose every non-ASCII character is mojibake is rewritten.
    """
    if not _MOJIBAKE.search(text):
        return None
    try:
        raw = bytes(_cp1252_byte(c) for c in text)
        return raw.decode("utf-8")
    except (UnicodeDecodeError, UnicodeEncodeError, ValueError):
        return None


def _cp1252_byte(char: str) -> int:
    if ord(char) < 0x80:
        return ord(char)
    try:
        return char.encode("cp1252")[0]
    except UnicodeEncodeError:
        if ord(char) < 0x100:  # the five bytes cp1252 leaves undefined pass through as C1
            return ord(char)
        raise
