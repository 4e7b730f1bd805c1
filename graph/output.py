"""Writing one file a user named, so that nothing of theirs is lost or half-written."""
from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from .errors import GovkgError


@contextmanager
def output_file(out: str | Path) -> Iterator[BinaryIO]:
    """A binary file to write ``out`` with. A regular file (or a new one) is written aside and
    renamed over ``out`` when complete, keeping an existing file's mode; anything else a user
    can name (a link, /dev/stdout, a named pipe, a file with several hard links) is opened and
    written into, never replaced."""
    out = Path(out)
    try:
        st = os.lstat(out)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise GovkgError(f"{out}: {exc.strerror}") from exc
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise GovkgError(f"{out}: is a folder; give a file name")
    if st is not None and (not stat.S_ISREG(st.st_mode) or st.st_nlink > 1):  # (a hard link stays one)
        if os.path.isdir(out):
            raise GovkgError(f"{out}: links to a folder; give a file name")
        with open(out, "wb") as f:
            yield f
        return
    if st is not None:
        mode = stat.S_IMODE(st.st_mode)
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask  # mkstemp makes the file private; an export is not
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, out)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
