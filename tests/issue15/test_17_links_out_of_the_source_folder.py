"""Issue 15, item 17: symbolic links to files outside the source folder (→ /etc/passwd) were
built into the graph and a view page. Now they are skipped, each named with where it leads,
unless the user asks (--follow-links)."""
from __future__ import annotations

from pathlib import Path

from i15_build import govkg


def _linked_folder(tmp_path: Path) -> Path:
    outside = tmp_path / "private"
    (outside / "notes").mkdir(parents=True)
    (outside / "diary.txt").write_text("凤凰县公安局开展“私密”专项行动。", encoding="utf-8")
    (outside / "notes" / "n.txt").write_text("湄潭县人民法院推行“隐秘”工作机制。", encoding="utf-8")
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("慈利县公安局开展“清风”专项行动。", encoding="utf-8")
    (src / "link_to_diary.txt").symlink_to(outside / "diary.txt")
    (src / "linked_notes").symlink_to(outside / "notes", target_is_directory=True)
    (src / "same_folder.txt").symlink_to(src / "a.txt")  # stays inside: built (and found to be a.txt's text)
    return src


def test_item17_links_out_of_the_source_folder_are_not_followed(tmp_path):
    """A link to a file outside the source folder (→ /etc/passwd) was built into the graph and a view page."""
    from graph import build

    result = build(_linked_folder(tmp_path), tmp_path / "out")
    everything = (tmp_path / "out" / "graph.trig").read_text(encoding="utf-8") + "".join(
        p.read_text(encoding="utf-8") for p in (tmp_path / "out" / "views").rglob("*.html"))
    assert "私密" not in everything and "隐秘" not in everything and "清风" in everything
    skipped = {Path(f.path).name: f.reason for f in result.failures}
    assert "link_to_diary.txt" in skipped and "not followed (--follow-links follows it)" in skipped["link_to_diary.txt"]
    assert str(tmp_path / "private" / "diary.txt") in skipped["link_to_diary.txt"]
    assert "same text as" in skipped["same_folder.txt"]  # a link inside the folder is followed
    summary = (tmp_path / "out" / "summary.md").read_text(encoding="utf-8")
    assert "link_to_diary.txt" in summary


def test_item17_follow_links_follows_them(tmp_path):
    from graph import build

    result = build(_linked_folder(tmp_path), tmp_path / "out", view=False, follow_links=True)
    trig = (tmp_path / "out" / "graph.trig").read_text(encoding="utf-8")
    assert "私密" in trig and not any("not followed" in f.reason for f in result.failures)
    run = govkg("build", _linked_folder(tmp_path / "again"), "-o", tmp_path / "o2", "-q", "--no-view", "--follow-links")
    assert run.returncode == 0 and "not followed" not in run.stderr and "私密" in (tmp_path / "o2" / "graph.trig").read_text(encoding="utf-8")
