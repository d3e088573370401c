"""Which files a run reads, and the name each is known by.

Every note found gets one `InputFile`, and so does every link or odd entry a
user would expect to see accounted for (a dangling link, a link out of the
input folders, a folder that cannot be listed): those carry the reason they
are not read in `skipped`, which becomes their documents.csv error.

Rules:
- Folders are walked recursively; hidden folders, the run's own output folder
  and earlier unnotes output folders (they hold the marker file of
  `outfolder.py`) are not entered.
- In folders only .pdf and .txt files are notes; a file named directly is
  taken whatever its type. Only regular files are read (a FIFO or device
  named `x.txt` would block or never end).
- A link to a file or folder inside the inputs is read where it points (a
  link to a file gets its own row, named as a duplicate of its target by the
  batch); a link that leaves the input trees is not followed unless
  `follow_links`; a dangling link and a link loop get a row saying so.
  Folders are entered at most once, so loops end.
- A document is named by its path relative to the input folder it was found
  in (its file name when given directly), shown on one line: bytes that are
  not UTF-8 and control characters are written `\\xNN`. When two inputs give
  the same name, each of those documents is prefixed with its input folder's
  name (then, if that still clashes, with the input as given), so every name
  is unique and the user can find the file again by it.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable

from pipeline.runner.outfolder import MARKER

SUPPORTED_SUFFIXES = {".pdf", ".txt"}

LINK_OUT_OF_INPUTS = "skipped: a link to a {what} outside the input folders (use --follow-links to read it)"
DANGLING_LINK = "skipped: a dangling link (its target {target} does not exist)"
LINK_LOOP = "skipped: a symbolic link loop"
NOT_REGULAR = "skipped: not a regular file ({kind})"
UNLISTABLE = "skipped: cannot list this folder ({reason})"


@dataclass(frozen=True)
class InputFile:
    path: Path
    document: str        # the path relative to the INPUT folder it was found in (see module docstring)
    skipped: str = ""    # why it is listed but not read; empty for a note to read
    root: int = 0        # index of the input (file or folder) it came from
    key: str = ""        # identity: the same file reached twice is listed once


@dataclass
class Discovery:
    files: list[InputFile]
    output_folders: list[Path] = field(default_factory=list)  # earlier unnotes outputs, not entered


def display_name(name: str) -> str:
    """A file name as one readable line: undecodable bytes (which Python keeps
    as surrogate escapes) and control characters shown as `\\xNN`."""
    text = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(c if c.isprintable() else (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")
                   for c in text)


def _is_note_name(name: str) -> bool:
    return Path(name).suffix.lower() in SUPPORTED_SUFFIXES


def _inside(path: str, roots: list[str]) -> bool:
    return any(path == r or path.startswith(r.rstrip(os.sep) + os.sep) for r in roots)


def _file_kind(mode: int) -> str:
    for test, kind in ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISDIR, "a folder")):
        if test(mode):
            return kind
    return "a special file"


class _Walker:
    """One discovery: the input roots, what was seen, what was found."""

    def __init__(self, inputs: list[Path], exclude: Path | None, follow_links: bool):
        self.inputs = inputs
        self.exclude = os.path.realpath(exclude) if exclude else None
        self.follow_links = follow_links
        self.folder_roots = [os.path.realpath(p) for p in inputs if p.is_dir()]
        self.file_roots = {os.path.realpath(p) for p in inputs if not p.is_dir()}
        self.visited: set[tuple[int, int]] = set()
        self.found: list[InputFile] = []
        self.output_folders: list[Path] = []

    def inside_inputs(self, real: str) -> bool:
        return real in self.file_roots or _inside(real, self.folder_roots)

    def add(self, path: Path, rel: str, root: int, key: str, skipped: str = "") -> None:
        self.found.append(InputFile(path, display_name(rel), skipped, root, key))

    def walk(self, folder: Path, rel: str, root: int) -> None:
        stack = [(folder, rel)]
        while stack:
            folder, rel = stack.pop()
            try:
                st = os.stat(folder)
                if (st.st_dev, st.st_ino) in self.visited:
                    continue
                self.visited.add((st.st_dev, st.st_ino))
                with os.scandir(folder) as it:
                    entries = sorted(it, key=lambda e: e.name)
            except OSError as e:
                self.add(folder, rel or "./", root, "dir:" + os.path.realpath(folder),
                         UNLISTABLE.format(reason=e.strerror or type(e).__name__))
                continue
            for entry in entries:
                name = rel + entry.name
                try:
                    if entry.is_symlink():
                        sub = self.link(entry, name, root)
                    elif entry.is_dir(follow_symlinks=False):
                        sub = self.folder(Path(entry.path))
                    else:
                        sub = None
                        if _is_note_name(entry.name):
                            self.file(Path(entry.path), name, root, entry.stat(follow_symlinks=False).st_mode)
                except OSError as e:  # vanished or unreadable while we looked
                    if _is_note_name(entry.name):
                        self.add(Path(entry.path), name, root, "entry:" + entry.path,
                                 f"cannot read file: {e.strerror or type(e).__name__}")
                    continue
                if sub is not None:
                    stack.append((sub, name + "/"))

    def folder(self, path: Path) -> Path | None:
        """The folder to enter, or None to skip it."""
        if path.name.startswith("."):
            return None
        if self.exclude and os.path.realpath(path) == self.exclude:
            return None
        if (path / MARKER).exists():
            self.output_folders.append(path)
            return None
        return path

    def file(self, path: Path, rel: str, root: int, mode: int, key: str | None = None) -> None:
        key = key or "file:" + os.path.realpath(path)
        skipped = "" if stat.S_ISREG(mode) else NOT_REGULAR.format(kind=_file_kind(mode))
        self.add(path, rel, root, key, skipped)

    def link(self, entry: os.DirEntry, rel: str, root: int) -> Path | None:
        path = Path(entry.path)
        key = "link:" + os.path.join(os.path.realpath(os.path.dirname(entry.path)), entry.name)
        try:
            st = os.stat(path)
        except OSError as e:
            if _is_note_name(entry.name) or not Path(entry.name).suffix:
                import errno

                reason = (LINK_LOOP if e.errno == errno.ELOOP
                          else DANGLING_LINK.format(target=display_name(os.readlink(path)))
                          if e.errno == errno.ENOENT else f"skipped: cannot follow this link ({e.strerror})")
                self.add(path, rel, root, key, reason)
            return None
        real = os.path.realpath(path)
        inside = self.inside_inputs(real)
        if stat.S_ISDIR(st.st_mode):
            if inside:
                return None            # its files are listed under their own path
            if not self.follow_links:
                self.add(path, rel + "/", root, key, LINK_OUT_OF_INPUTS.format(what="folder"))
                return None
            return self.folder(path)
        if not _is_note_name(entry.name):
            return None
        if not inside and not self.follow_links:
            self.add(path, rel, root, key, LINK_OUT_OF_INPUTS.format(what="file"))
            return None
        self.file(path, rel, root, st.st_mode, key)
        return None


def discover_inputs(inputs: Iterable[Path], exclude: Path | None = None,
                    follow_links: bool = False) -> Discovery:
    """Every note (and every entry that needs a row) in the given files and
    folders, with unique document names, sorted by name."""
    inputs = [Path(p) for p in inputs]
    walker = _Walker(inputs, exclude, follow_links)
    for index, item in enumerate(inputs):
        if item.is_dir():
            walker.walk(item, "", index)
        else:
            mode = os.stat(item).st_mode
            walker.file(item, item.name, index, mode)
    seen: dict[str, InputFile] = {}
    for f in walker.found:          # the same file reached from two inputs is one document
        seen.setdefault(f.key, f)
    files = _unique_names(list(seen.values()), inputs)
    return Discovery(sorted(files, key=lambda f: f.document), walker.output_folders)


def discover(inputs: Iterable[Path], exclude: Path | None = None, follow_links: bool = False) -> list[InputFile]:
    """The files of `discover_inputs`."""
    return discover_inputs(inputs, exclude, follow_links).files


def _prefixes(item: Path) -> list[str]:
    """Names for an input, shortest first: its folder's name, then the path as given."""
    folder = item if item.is_dir() else item.parent
    absolute = Path(os.path.abspath(folder))
    given = Path(os.path.normpath(folder)).as_posix().lstrip("/")
    options = [absolute.name or "root", given, absolute.as_posix().lstrip("/")]
    return [display_name(p) for p in dict.fromkeys(o for o in options if o and o != ".")]


def _unique_names(files: list[InputFile], inputs: list[Path]) -> list[InputFile]:
    """Prefix clashing names with their input's name until every name is unique."""
    by_name: dict[str, list[InputFile]] = {}
    for f in files:
        by_name.setdefault(f.document, []).append(f)
    taken = {name for name, group in by_name.items() if len(group) == 1}
    out = [group[0] for group in by_name.values() if len(group) == 1]
    for name, group in sorted(by_name.items()):
        if len(group) == 1:
            continue
        prefixes = {id(f): _prefixes(inputs[f.root]) for f in group}
        for level in range(max(len(p) for p in prefixes.values()) + 1):
            names = [f"{prefixes[id(f)][min(level, len(prefixes[id(f)]) - 1)]}/{name}" for f in group]
            if len(set(names)) == len(names) and not taken.intersection(names):
                break
        else:  # the same folder path twice, through different links: number them
            names = [f"{n}#{i}" for i, n in enumerate(names, 1)]
        for f, new in zip(group, names):
            taken.add(new)
            out.append(replace(f, document=new))
    return out
