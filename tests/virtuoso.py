"""Start a private Virtuoso (Debian's virtuoso-opensource) on loopback ports for tests."""
from __future__ import annotations

import re
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

SYSTEM_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def available() -> bool:
    return shutil.which("virtuoso-t") is not None and SYSTEM_INI.exists()


def start(folder: Path) -> tuple[subprocess.Popen, str]:
    """Start Virtuoso with its database in ``folder``; returns (process, http base URL)."""
    folder.mkdir(parents=True, exist_ok=True)
    sql_port, http_port = _free_port(), _free_port()
    ini = SYSTEM_INI.read_text(encoding="utf-8", errors="replace")
    ini = ini.replace("/var/lib/virtuoso-opensource-7/db/", f"{folder}/")
    ini = re.sub(r"(\[Parameters\][^\[]*?ServerPort\s*=\s*)\S+", rf"\g<1>127.0.0.1:{sql_port}", ini, flags=re.S)
    ini = re.sub(r"(\[HTTPServer\][^\[]*?ServerPort\s*=\s*)\S+", rf"\g<1>127.0.0.1:{http_port}", ini, flags=re.S)
    (folder / "virtuoso.ini").write_text(ini, encoding="utf-8")
    log = (folder / "out.log").open("w")
    proc = subprocess.Popen(["virtuoso-t", "+foreground", "+configfile", str(folder / "virtuoso.ini")],
                            cwd=folder, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{http_port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"virtuoso exited: {(folder / 'out.log').read_text()[-500:]}")
        try:
            with urllib.request.urlopen(base + "/sparql?query=ASK%7B%7D", timeout=2):
                return proc, base
        except OSError:
            time.sleep(0.5)
    proc.kill()
    raise RuntimeError("virtuoso did not come up within 60 s")


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        proc.kill()
