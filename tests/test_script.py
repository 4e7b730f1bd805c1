"""Script detection: the quick check that spares most simplified reports a t2s conversion must
never call a text unchanged that t2s changes."""
import os
import subprocess
from pathlib import Path

import pytest

import graph.script as script
from graph.script import _CJK_RUN, _PHRASES_ONLY, _unchanged, detect_script, t2s

TEXTS = [
    "某县公安局开展夏季治安打击整治行动，全覆盖排查风险隐患。",  # 覆 alone: t2s leaves it
    "县委政法委召开会议，沈阳市来人交流。",  # 沈 as a surname
    "对群众来信逐件答覆，做到件件有回音。",  # a phrase t2s changes (答覆 → 答复), no character alone
    "反，覆",  # the phrase across a comma: detect_script samples the characters joined
    "这次工作一目瞭然。",
    "縣公安局開展夏季治安打擊整治行動。",  # traditional
    "市民说：這裡很好。其余都是简体字写的句子，整段话很长很长很长很长很长很长。",
    "2023 年 5 月 1 日",
    "",
]


def _plain(text: str) -> bool:
    sample = "".join(_CJK_RUN.findall(text, 0, 20000))
    return t2s(sample) == sample


@pytest.mark.parametrize("text", TEXTS)
def test_quick_check_only_passes_what_t2s_leaves_alone(text):
    assert _plain(text) or not _unchanged(text, 20000)


def test_quick_check_finds_phrases_and_characters():
    assert _unchanged("全覆盖排查风险隐患", 20000)
    assert not _unchanged("逐件答覆", 20000)
    assert not _unchanged("反，覆", 20000)
    assert not _unchanged("縣公安局", 20000)
    assert not _unchanged("縣公安局", 2)  # only text[:end] counts: 縣 is in it
    assert _unchanged("公安局縣", 3)


def test_detect_script_the_same_with_and_without_the_quick_check(monkeypatch):
    texts = TEXTS + ["縣" * 2 + "县" * 100, "縣" * 3 + "县" * 10, "答覆" * 3 + "县" * 10]
    monkeypatch.setattr(script, "QUICK_AFTER", 10**9)
    plain = [detect_script(t) for t in texts]
    monkeypatch.setattr(script, "QUICK_AFTER", 0)
    assert [detect_script(t) for t in texts] == plain
    assert plain[5] == "zh-Hant" and plain[0] == "zh-Hans"


def _dump(tool: Path, share: Path, name: str, tmp_path: Path) -> list[tuple[str, str]]:
    out = tmp_path / f"{name}.txt"
    subprocess.run([str(tool), "-i", str(share / f"{name}.ocd2"), "-o", str(out), "-f", "ocd2", "-t", "text"],
                   check=True, capture_output=True, env={**os.environ, "LD_LIBRARY_PATH": str(tool.parent.parent / "lib64")})
    rows = []
    for line in out.read_text(encoding="utf-8").splitlines():
        key, values = line.split("\t")
        rows.append((key, values.split(" ")[0]))  # OpenCC converts to the first value
    return rows


def test_phrases_only_lists_every_entry_no_character_of_which_t2s_changes_alone(tmp_path):
    """Every entry of the installed t2s dictionaries that changes a text must hold a character
    t2s changes alone, or be one of _PHRASES_ONLY (else the quick check would miss it)."""
    import opencc

    clib = Path(opencc.__file__).parent / "clib"
    tool, share = clib / "bin" / "opencc_dict", clib / "share" / "opencc"
    if not tool.exists() or not (share / "t2s.json").exists():
        pytest.skip("this OpenCC has no opencc_dict tool to read its dictionaries with")
    chars = [chr(c) for c in range(0x4E00, 0xA000)]
    alone = {c for c, v in zip(chars, t2s("\n".join(chars)).split("\n")) if v != c}
    missing = []
    for name in ("TSPhrases", "TSCharactersExt", "TSCharacters"):
        for key, value in _dump(tool, share, name, tmp_path):
            if (value != key and all("\u4e00" <= c <= "\u9fff" for c in key)
                    and not alone.intersection(key) and key not in _PHRASES_ONLY):
                missing.append(key)
    assert not missing
