"""diplonlp._cache: built language data kept on disk, versioned, safe to lose."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from diplonlp import _cache

STORY = ("تهران - ایرنا - وزیر امور خارجه ایران روز ۱۲ مهر ۱۴۰۲ در دیدار با امامعلی رحمان "
         "رئیس جمهور تاجیکستان گفت ۳۰۰ میلیون دلار سرمایه‌گذاری می‌شود.")
AR = "قال وزير الخارجية الأردني أيمن الصفدي يوم 12 آذار 2023 إن المنحة بلغت 50 مليون دولار."


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DIPLONLP_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("DIPLONLP_CACHE", raising=False)
    return tmp_path / "cache"


def test_built_once_then_read(cache_dir: Path) -> None:
    calls: list[int] = []

    def build() -> dict[str, int]:
        calls.append(1)
        return {"built": len(calls)}

    assert _cache.load_or_build("thing", build) == {"built": 1}
    assert _cache.load_or_build("thing", build) == {"built": 1}
    assert len(calls) == 1
    (entry,) = cache_dir.rglob("thing.pickle")
    assert entry.parent.name == _cache.fingerprint()  # versioned by the fingerprint


def test_a_corrupt_entry_is_built_again(cache_dir: Path) -> None:
    _cache.load_or_build("thing", lambda: 1)
    (entry,) = cache_dir.rglob("thing.pickle")
    entry.write_bytes(b"not a pickle")
    assert _cache.load_or_build("thing", lambda: 2) == 2
    assert _cache.load_or_build("thing", lambda: 3) == 2  # and written again


def test_off_and_unwritable(cache_dir: Path, monkeypatch: pytest.MonkeyPatch,
                            tmp_path: Path) -> None:
    monkeypatch.setenv("DIPLONLP_CACHE", "0")
    assert _cache.load_or_build("thing", lambda: 1) == 1
    assert not cache_dir.exists()
    monkeypatch.delenv("DIPLONLP_CACHE")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("DIPLONLP_CACHE_DIR", str(blocker / "cache"))  # under a file
    assert _cache.load_or_build("thing", lambda: 4) == 4
    assert _cache.load_or_build("thing", lambda: 5) == 5  # nothing kept, no error


def test_clear(cache_dir: Path) -> None:
    _cache.load_or_build("a", lambda: 1)
    _cache.load_or_build("b", lambda: 2)
    assert _cache.clear() == 2
    assert not any(cache_dir.rglob("*.pickle"))
    assert _cache.clear() == 0


def _parse_in_fresh_process(env: dict[str, str]) -> list[object]:
    code = ("import json, diplonlp; print(json.dumps([diplonlp.parse_article(t).to_dict() "
            f"for t in {[STORY, AR]!r}], ensure_ascii=False))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={**os.environ, **env})
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def test_cached_data_gives_the_same_articles(tmp_path: Path) -> None:
    cache = str(tmp_path / "fresh")
    built = _parse_in_fresh_process({"DIPLONLP_CACHE": "0"})
    writing = _parse_in_fresh_process({"DIPLONLP_CACHE_DIR": cache})
    reading = _parse_in_fresh_process({"DIPLONLP_CACHE_DIR": cache})
    assert built == writing == reading
    names = {p.name for p in Path(cache).rglob("*.pickle")}
    assert {"gazetteer.pickle", "grammar-fa.pickle", "grammar-ar.pickle"} <= names
    assert built[0]["leaders"]  # the story does have leaders to compare


def test_a_user_gazetteer_is_never_cached(cache_dir: Path) -> None:
    import diplonlp
    from diplonlp.leaders import LeaderExtractor

    person = {"key": "jane_example", "name": "Jane Example",
              "roles": [{"role": "foreign_minister", "country": "XK"}],
              "names": {"fa": ["جین اگزمپل"]}}
    extractor = LeaderExtractor(gazetteer={"people": [person]}, extend=False)
    pipe = diplonlp.Pipeline([*list(diplonlp.builtin_extractors())[:-1], extractor])
    assert [m.name for m in pipe.parse("جین اگزمپل گفت").leaders] == ["Jane Example"]
    assert not [p for p in cache_dir.rglob("*.pickle") if p.name.startswith("grammar")]


def test_the_cache_command(cache_dir: Path) -> None:
    import io

    from diplonlp.cli import main

    _cache.load_or_build("thing", lambda: 1)
    out = io.StringIO()
    assert main(["cache"], stdout=out) == 0
    assert str(cache_dir) in out.getvalue()
    assert "1 entries" in out.getvalue()
    out = io.StringIO()
    assert main(["cache", "--clear"], stdout=out) == 0
    assert out.getvalue().startswith("removed 1 cached entries")


def test_old_versions_are_pruned(cache_dir: Path) -> None:
    for i in range(5):
        old = cache_dir / f"old{i}"
        old.mkdir(parents=True)
        (old / "x.pickle").write_bytes(b"")
        os.utime(old, (i, i))
    _cache.load_or_build("thing", lambda: 1)
    kept = sorted(d.name for d in cache_dir.iterdir())
    assert kept == sorted(["old4", "old3", _cache.fingerprint()])
