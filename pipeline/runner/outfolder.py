"""The output folder of a run: checked before any work, marked as unnotes
output (so a later run over a parent folder does not read it back as notes),
and locked, so that two runs never write into it at once.

The lock is `OUT/.unnotes.lock`, holding the holder's pid, host and start
time. It is held with flock(2): the kernel releases it when the holder dies,
so a lock left by a killed run is simply taken over. Where the file system
has no flock, the pid in the file decides: a lock whose process is gone is
taken over."""

from __future__ import annotations

import errno
import json
import os
import socket
import time
from contextlib import contextmanager
from pathlib import Path

from pipeline.core.atomic import atomic_write_text

MARKER = ".unnotes-output"
LOCK = ".unnotes.lock"
MARKER_TEXT = ("This folder holds the output of an unnotes run. unnotes does not read a folder "
               "holding this file as notes.\n")


class OutputFolderError(Exception):
    """The output folder cannot be used; the message is one line for the user."""


def prepare_output(out: Path, what: str = "--out") -> None:
    """Create `out` if needed and prove it writable by writing its marker
    file, before any work is done."""
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise OutputFolderError(f"{what} {out} is a file, not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise OutputFolderError(f"{what} {out}: a part of the path is a file, not a folder") from None
    except OSError as e:
        raise OutputFolderError(f"cannot create {what} folder {out}: {e.strerror}") from None
    try:
        atomic_write_text(out / MARKER, MARKER_TEXT)
    except OSError as e:
        raise OutputFolderError(f"cannot write to {what} folder {out}: {e.strerror}") from None


def check_writable(folder: Path, what: str) -> None:
    """Create `folder` if needed and write (then remove) a probe file in it."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise OutputFolderError(f"{what} {folder} is a file, not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".unnotes-probe-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except (FileExistsError, NotADirectoryError):
        raise OutputFolderError(f"{what} {folder}: a part of the path is a file, not a folder") from None
    except OSError as e:
        raise OutputFolderError(f"cannot write to {what} folder {folder}: {e.strerror}") from None


def _holder(text: str) -> dict:
    try:
        data = json.loads(text)
        return data if isinstance(data, dict) else {}
    except ValueError:
        return {}


def describe_holder(holder: dict) -> str:
    if not holder.get("pid"):
        return "a run that is just starting"
    started = holder.get("started")
    when = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(started)) if isinstance(started, (int, float)) else "?"
    return f"pid {holder['pid']} on {holder.get('host', '?')}, started {when}"


def _alive(holder: dict) -> bool:
    pid = holder.get("pid")
    if not isinstance(pid, int) or holder.get("host") not in (None, socket.gethostname()):
        return bool(pid)   # another host's process cannot be checked: assume it runs
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _read(fd: int) -> str:
    os.lseek(fd, 0, os.SEEK_SET)
    return os.read(fd, 4096).decode("utf-8", "replace")


@contextmanager
def output_lock(out: Path):
    """Hold OUT/.unnotes.lock for the duration; OutputFolderError naming the
    holder when another live run has it."""
    import fcntl

    path = Path(out) / LOCK
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as e:
            raise OutputFolderError(f"cannot write to --out folder {out}: {e.strerror}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(_read(fd))
            os.close(fd)
            raise OutputFolderError(f"{out} is in use by another unnotes run ({describe_holder(holder)}); "
                                    "wait for it to finish or choose another --out") from None
        except OSError as e:
            if e.errno not in (errno.ENOLCK, errno.EOPNOTSUPP, errno.EINVAL):
                os.close(fd)
                raise
            holder = _holder(_read(fd))   # no flock here: trust the pid in the file
            if holder.get("pid") not in (None, os.getpid()) and _alive(holder):
                os.close(fd)
                raise OutputFolderError(f"{out} is in use by another unnotes run ({describe_holder(holder)}); "
                                        "wait for it to finish or choose another --out") from None
        try:   # the previous holder may have removed the file between our open and lock
            same = os.stat(path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)
    try:
        record = {"pid": os.getpid(), "host": socket.gethostname(), "started": time.time()}
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, json.dumps(record).encode())
        yield record
    finally:
        try:
            path.unlink()
        except OSError:
            pass
        os.close(fd)
