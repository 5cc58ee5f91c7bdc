"""Built language data kept on disk, so that a new process starts in a fraction
of the time it takes to build it.

The gazetteer and the compiled grammars take one to two seconds to build from
the JSON data; each worker process of :func:`diplonlp.parse_articles` would
pay that again. :func:`load_or_build` keeps what a builder returns as a pickle
in the user's cache directory and reads it back in later processes (a compiled
``regex`` pattern pickles with its compiled code).

* Where: ``$DIPLONLP_CACHE_DIR``, else the platform's user cache directory
  (``$XDG_CACHE_HOME/diplonlp`` or ``~/.cache/diplonlp`` on Linux,
  ``~/Library/Caches/diplonlp`` on macOS, ``%LOCALAPPDATA%\\diplonlp\\Cache`` on
  Windows). ``DIPLONLP_CACHE=0`` turns the cache off.
* Versioned: files live under a fingerprint of the package's own files (code
  and data), the Python minor version and the ``regex`` and ``attrs``
  versions, so an upgrade, an edited data file or another interpreter never
  reads a stale entry.
* At most three versions are kept (the most recently used); ``diplonlp cache
  --clear`` deletes them all.
* Safe to delete at any time; a missing, unreadable or corrupt entry is built
  again, and a cache directory that cannot be written is simply not used.
* Only what the package builds from its own data is cached (never a
  user-supplied gazetteer), and only this user's cache directory is read.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
L = TypeVar("L", bound=str)

_OFF = frozenset({"0", "false", "no", "off"})


def cache_root() -> Path | None:
    """The cache directory, or None when caching is off."""
    if os.environ.get("DIPLONLP_CACHE", "").strip().lower() in _OFF:
        return None
    chosen = os.environ.get("DIPLONLP_CACHE_DIR")
    if chosen:
        return Path(chosen)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "diplonlp" / "Cache" if base else None
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "diplonlp"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "diplonlp"


@functools.lru_cache(maxsize=1)
def fingerprint() -> str:
    """A digest of everything a cached entry depends on."""
    import attrs
    import regex

    from diplonlp._version import __version__

    digest = hashlib.blake2b(digest_size=12)
    for part in (__version__, f"{sys.version_info[0]}.{sys.version_info[1]}",
                 regex.__version__, attrs.__version__, str(pickle.HIGHEST_PROTOCOL)):
        digest.update(part.encode() + b"\0")
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".json") and path.is_file():
            digest.update(str(path.relative_to(package)).encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def load_or_build(name: str, build: Callable[[], T]) -> T:
    """``build()``'s value, read from the cache when an entry for ``name``
    exists for this fingerprint, else built and written there."""
    root = cache_root()
    if root is None:
        return build()
    try:
        path = root / fingerprint() / f"{name}.pickle"
    except OSError:  # the package's own files cannot be read: no cache
        return build()
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)  # type: ignore[no-any-return]
    except FileNotFoundError:
        pass
    except Exception:  # a corrupt or foreign entry: build it again
        pass
    value = build()
    try:
        if not path.parent.is_dir():
            path.parent.mkdir(parents=True, exist_ok=True)
            _prune(root, keep=path.parent)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)  # atomic: a reader sees the whole entry or none
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass  # a read-only home, a full disk: the cache is an optimisation
    return value


#: versions kept side by side (several environments may share one cache)
_VERSIONS_KEPT = 3


def _prune(root: Path, keep: Path) -> None:
    """Leave the ``_VERSIONS_KEPT`` most recently used versions, ``keep`` one of them."""
    try:
        others = sorted((d for d in root.iterdir() if d.is_dir() and d != keep),
                        key=lambda d: d.stat().st_mtime, reverse=True)
        for old in others[_VERSIONS_KEPT - 1:]:
            for entry in old.iterdir():
                entry.unlink(missing_ok=True)
            old.rmdir()
    except OSError:
        pass  # another process pruning at the same time, a file in use


def kept_on_disk(name: str) -> Callable[[Callable[[L], T]], Callable[[L], T]]:
    """For a builder of one argument, the language: its result is kept in the
    cache as ``name-<language>`` (put ``functools.lru_cache`` outside it)."""
    def wrap(build: Callable[[L], T]) -> Callable[[L], T]:
        @functools.wraps(build)
        def cached(language: L) -> T:
            return load_or_build(f"{name}-{language}", lambda: build(language))
        return cached
    return wrap


def clear() -> int:
    """Delete every cached entry (all versions); returns the number of files."""
    root = cache_root()
    if root is None or not root.is_dir():
        return 0
    removed = 0
    for path in sorted(root.rglob("*"), reverse=True):
        if path.is_file() and path.suffix in (".pickle", ".tmp"):
            path.unlink(missing_ok=True)
            removed += 1
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return removed


__all__ = ["cache_root", "clear", "fingerprint", "kept_on_disk", "load_or_build"]
