"""The notebooks run top to bottom against the seeds (nbclient), into a build of their own."""
from __future__ import annotations

import os

import pytest

from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs(path, tmp_path, monkeypatch):
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), "store notebooks without outputs"
    monkeypatch.setenv("GOVKG_OUT", str(tmp_path / "out"))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
    text = "".join(o.get("text", "") + str(o.get("data", {}).get("text/plain", "")) for c in nb.cells
                   for o in c.get("outputs", []))
    if path.stem.startswith("01"):
        assert "六位一体" in text and "林涛" in text
    if path.stem.startswith("02"):
        assert (tmp_path / "out" / "figures" / "diffusion.png").exists() and "扫黑除恶专项斗争" in text
    if path.stem.startswith("04"):
        assert (tmp_path / "out-diffusion" / "figures" / "adoption_curves.png").exists() and "neighbours_adopted" in text
    if path.stem.startswith("03"):
        assert (tmp_path / "out" / "figures" / "statistics.png").exists() and "调解成功率" in text


def test_the_quickstart_uses_the_python_api_not_a_shell():
    text = (ROOT / "notebooks" / "01_quickstart.ipynb").read_text(encoding="utf-8")
    assert "from graph import" in text and "!govkg" not in text and "subprocess" not in text
    assert os.path.exists(ROOT / "notebooks" / "03_statistics.ipynb")
