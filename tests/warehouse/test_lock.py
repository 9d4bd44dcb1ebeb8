"""warehouse/lock.py: one writer per warehouse folder."""

from __future__ import annotations

import os

import pytest

from warehouse.lock import WarehouseBusy, run_lock


def test_a_second_holder_is_refused_then_admitted_after_release(tmp_path):
    with run_lock(tmp_path):
        lock_file = tmp_path / ".newsclaims.lock"
        assert lock_file.read_text(encoding="utf-8") == str(os.getpid())
        # flock locks belong to an open file, so a second open in this process conflicts too.
        with pytest.raises(WarehouseBusy, match=f"pid {os.getpid()}"), run_lock(tmp_path):
            pass
    with run_lock(tmp_path):
        pass  # released: the next run gets in
    assert lock_file.read_text(encoding="utf-8") == ""


def test_the_lock_is_released_when_the_block_raises(tmp_path):
    with pytest.raises(RuntimeError, match="crash"), run_lock(tmp_path):
        raise RuntimeError("crash inside the run")
    with run_lock(tmp_path):
        pass


def test_the_folder_is_created(tmp_path):
    with run_lock(tmp_path / "new" / "warehouse"):
        assert (tmp_path / "new" / "warehouse" / ".newsclaims.lock").exists()
