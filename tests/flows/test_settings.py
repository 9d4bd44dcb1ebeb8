"""Settings are checked where they are read: each bad value names its variable and what it
accepts, before anything is parsed (issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.cli import main
from flows.settings import Settings, SettingsError


@pytest.mark.parametrize("value", ["nan", "-1", "0.6", "inf", "abc", ""])
def test_bad_tolerance_names_the_variable(monkeypatch, value):
    monkeypatch.setenv("NEWSCLAIMS_TOLERANCE", value)
    with pytest.raises(
        SettingsError, match=r"NEWSCLAIMS_TOLERANCE must be a finite number in \[0, 0.5\]"
    ):
        Settings()


@pytest.mark.parametrize("value", ["0", "0.5"])
def test_tolerance_bounds_are_accepted(monkeypatch, value):
    monkeypatch.setenv("NEWSCLAIMS_TOLERANCE", value)
    assert Settings().tolerance == float(value)


@pytest.mark.parametrize("value", ["abc", "0", "-5", "1.5"])
def test_bad_max_bytes_names_the_variable(monkeypatch, value):
    monkeypatch.setenv("NEWSCLAIMS_MAX_BYTES", value)
    with pytest.raises(SettingsError, match="NEWSCLAIMS_MAX_BYTES must be a positive integer"):
        Settings()


def test_max_bytes_accepts_underscores(monkeypatch):
    monkeypatch.setenv("NEWSCLAIMS_MAX_BYTES", "5_000")
    assert Settings().max_bytes == 5000


def test_named_alias_file_must_exist(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSCLAIMS_ALIASES", str(tmp_path / "missing.csv"))
    with pytest.raises(SettingsError, match="NEWSCLAIMS_ALIASES names no file"):
        Settings()


def test_overrides_are_checked_too():
    with pytest.raises(SettingsError, match="NEWSCLAIMS_TOLERANCE"):
        Settings().with_overrides(tolerance=float("nan"))
    with pytest.raises(SettingsError, match="REMOVED_FILES"):
        Settings().with_overrides(removed_files="archive")


def test_warehouse_must_not_be_a_file(tmp_path):
    target = tmp_path / "wh"
    target.write_text("not a folder")
    with pytest.raises(SettingsError, match="must be a folder"):
        Settings().with_overrides(warehouse_dir=target)


def test_cli_reports_a_bad_setting_in_one_line(monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("NEWSCLAIMS_TOLERANCE", "nan")
    code = main(["run", "--warehouse", str(tmp_path / "wh")])
    err = capsys.readouterr().err
    assert code == 4
    assert err.strip().splitlines() == [
        "newsclaims: invalid setting: NEWSCLAIMS_TOLERANCE must be a finite number in "
        "[0, 0.5], not 'nan'"
    ]
    assert not (tmp_path / "wh").exists()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"alias,canonical\nTrump,Donald Trump\n", "header must be"),
        (b"\xff\xfe\x00\x01binary\x00", "not UTF-8 text"),
    ],
)
def test_malformed_pin_file_fails_before_the_parse(tmp_path: Path, content, reason):
    from flows.tasks import read_pins

    pins = tmp_path / "pins.csv"
    pins.write_bytes(content)
    with pytest.raises(SettingsError, match=reason) as caught:
        read_pins.fn(pins)
    assert str(pins) in str(caught.value)


def test_absent_default_pin_file_means_no_pins(tmp_path: Path):
    from flows.tasks import read_pins

    assert read_pins.fn(tmp_path / "none.csv") is None


@pytest.mark.parametrize("value", ["lots", "512", "-1GB", "1 GBs"])
def test_bad_duckdb_memory_names_the_variable(monkeypatch, value):
    monkeypatch.setenv("NEWSCLAIMS_DUCKDB_MEMORY", value)
    with pytest.raises(SettingsError, match="NEWSCLAIMS_DUCKDB_MEMORY must be a size"):
        Settings()


def test_duckdb_memory_defaults_to_512mb_and_takes_any_duckdb_size(monkeypatch):
    monkeypatch.delenv("NEWSCLAIMS_DUCKDB_MEMORY", raising=False)
    assert Settings().duckdb_memory == "512MB"
    monkeypatch.setenv("NEWSCLAIMS_DUCKDB_MEMORY", "1.5GiB")
    assert Settings().duckdb_memory == "1.5GiB"
