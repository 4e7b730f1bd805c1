"""Issue 15, item 20: the README's figures had drifted from what its commands give (push said 6
graphs / 7,459 triples, then 7 / 7,620; a query said 9 rows, then 10; a degree 38, then 37).
scripts/readme_figures.py runs the README's example commands on a build of the seeds and makes
every block marked `<!-- figures: … -->`; this test fails when README.md differs, and says the
one command that brings it up to date."""
from __future__ import annotations

import importlib.util

from i15 import ROOT


def _script():
    spec = importlib.util.spec_from_file_location("readme_figures", ROOT / "scripts" / "readme_figures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_item20_readme_figures_are_what_the_commands_give(seed_build):
    script = _script()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.count("<!-- figures: ") >= 9  # the three questions, the library, the endpoint, exports, push, stats
    diff = script.difference(seed_build.out_dir)
    assert not diff, (f"README.md's figures differ from what its commands give on the seeds; run\n    {script.COMMAND}\n"
                      f"and commit README.md after reviewing the change:\n{diff[:4000]}")


def test_item20_the_check_sees_a_changed_figure(seed_build, tmp_path):
    script = _script()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    wrong = tmp_path / "README.md"
    wrong.write_text(readme.replace("pushed ", "pushed 1", 1), encoding="utf-8")
    assert "-pushed 1" in script.difference(seed_build.out_dir, wrong)
