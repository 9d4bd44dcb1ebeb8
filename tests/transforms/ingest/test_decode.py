"""decode_bytes: every way a raw file can fail to be text, and the encodings it must get right."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from transforms.ingest.decode import Decoded, decode_bytes

LIMIT = 5_000_000
SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def test_seed_is_utf8_and_keeps_curly_quotes() -> None:
    data = (SEEDS / "000_7fe958b42b5138ad.txt").read_bytes()
    decoded = decode_bytes(data, max_bytes=LIMIT)
    assert decoded.reason is None and decoded.encoding == "utf-8"
    assert "Ukraine’s Defense Minister Rustem Umerov" in decoded.text


def test_turkish_diacritics_survive_utf8() -> None:
    data = (SEEDS / "004_ad8bc4a68c4da5d8.txt").read_bytes()
    assert "sumptuous Çırağan Palace" in decode_bytes(data, max_bytes=LIMIT).text


def test_bom_is_stripped_and_recorded() -> None:
    decoded = decode_bytes(codecs.BOM_UTF8 + b"Kyiv said.", max_bytes=LIMIT)
    assert decoded == Decoded("Kyiv said.", "utf-8-sig", None)


def test_oversized_comes_first_even_for_binary() -> None:
    decoded = decode_bytes(b"\x00" * 12, max_bytes=10)
    assert decoded == Decoded(None, None, "oversized: 12 bytes > limit 10")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b" \n\t\r\n ", "whitespace only"),
        (b"PK\x03\x04\x00\x00binary", "binary content (NUL bytes)"),
        (bytes(range(1, 9)) * 20 + b"text", "binary content (160 control bytes in the first 164)"),
    ],
)
def test_not_an_article(data: bytes, reason: str) -> None:
    decoded = decode_bytes(data, max_bytes=LIMIT)
    assert decoded.text is None and decoded.reason == reason


def test_truncated_utf8_is_not_sent_to_a_legacy_codec() -> None:
    # A file cut inside "—" would read as "Ã¢â‚¬" mojibake in cp1252.
    data = "Talks ended — ".encode() + "—".encode()[:2]
    decoded = decode_bytes(data, max_bytes=LIMIT)
    assert decoded.text is None
    assert decoded.reason.startswith("undecodable (truncated UTF-8")


def test_mixed_utf8_and_latin1_is_quarantined() -> None:
    data = "Çırağan Palace cost ".encode() + b"\xa3" + b"5m"
    decoded = decode_bytes(data, max_bytes=LIMIT)
    assert decoded.text is None and decoded.reason.startswith("undecodable (mixed encodings")


def test_cp1252_pound_sign_and_quotes() -> None:
    # charset-normalizer alone calls these bytes cp1250, where 0xA3 is "Ł", not "£".
    text = "Mutu, a £15.8m signing, said “no” — Señor Muñoz paid €5."
    decoded = decode_bytes(text.encode("cp1252"), max_bytes=LIMIT)
    assert decoded == Decoded(text, "cp1252", None)


def test_non_western_text_goes_to_the_detector() -> None:
    text = "Переговоры в Стамбуле завершились через час без прорыва, сообщили делегации."
    decoded = decode_bytes(text.encode("cp1251"), max_bytes=LIMIT)
    assert decoded.text == text and decoded.encoding == "cp1251"


def test_utf16_with_bom_is_text_not_binary() -> None:
    decoded = decode_bytes("Kyiv said.".encode("utf-16"), max_bytes=LIMIT)
    assert decoded == Decoded("Kyiv said.", "utf-16", None)


def _double_encode(text: str) -> bytes:
    """UTF-8 bytes read as cp1252 (undefined bytes kept as C1) and written again as UTF-8."""
    undefined = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
    chars = (chr(b) if b in undefined else bytes([b]).decode("cp1252") for b in text.encode())
    return "".join(chars).encode()


def test_double_encoded_utf8_is_repaired() -> None:
    text = "Zelensky called it a “brilliant operation” at the Çırağan Palace — £5m."
    assert "â€œ" in _double_encode(text).decode()
    decoded = decode_bytes(_double_encode(text), max_bytes=LIMIT)
    assert decoded == Decoded(text, "utf-8 (double-encoded, repaired)", None)


def test_genuine_text_is_never_repaired() -> None:
    # "Ã©" next to a real "é" cannot round-trip, so the text is kept exactly as written.
    text = "The sign read “Ã©” where café was meant."
    assert decode_bytes(text.encode(), max_bytes=LIMIT) == Decoded(text, "utf-8", None)


PROSE = "Kyiv said 40 delegates met in Geneva — the “talks” were résumé-free.\n" * 8


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_32_without_bom_are_decoded(codec: str) -> None:
    # Issue 15: these were quarantined as "binary content (NUL bytes)".
    assert decode_bytes(PROSE.encode(codec), max_bytes=LIMIT) == Decoded(PROSE, codec, None)


def test_utf16_without_bom_that_does_not_decode_is_named() -> None:
    cut = PROSE.encode("utf-16-le")[:-1]  # an odd number of bytes: the last unit is cut
    decoded = decode_bytes(cut, max_bytes=LIMIT)
    assert decoded.text is None
    assert decoded.reason == (
        f"UTF-16 without BOM (not clean UTF-16-LE: truncated data at byte {len(cut) - 1})"
    )


def test_utf16_without_bom_full_of_controls_is_no_text() -> None:
    decoded = decode_bytes(("a\x01b\x02" * 40).encode("utf-16-le"), max_bytes=LIMIT)
    assert decoded.text is None and decoded.reason.startswith("UTF-16 without BOM (")


def test_nul_bytes_at_every_position_stay_binary() -> None:
    data = bytes(range(256)) * 4
    assert decode_bytes(data, max_bytes=LIMIT).reason == "binary content (NUL bytes)"
