"""Shared fixtures: the seed build is made once per test session."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    from graph import build

    out = tmp_path_factory.mktemp("build") / "out"
    result = build(SEEDS, out)
    assert result.ok, result.failures
    return result


@pytest.fixture()
def report_dir(tmp_path):
    """A folder to write report files into."""
    d = tmp_path / "reports"
    d.mkdir()
    yield d
    shutil.rmtree(d, ignore_errors=True)
