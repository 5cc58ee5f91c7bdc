"""The CLDR snapshot (data/cldr/names.json) against the installed babel.

The library never reads babel at run time: results do not change when babel
is upgraded. This test regenerates the snapshot with the installed babel: with
the same CLDR version it must be identical (nobody edited it by hand); with
another version the test is skipped with a note to regenerate and review.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
TOOL = ROOT / "tools" / "build_cldr.py"


def test_snapshot_matches_the_installed_babel() -> None:
    pytest.importorskip("babel")
    from babel.core import get_cldr_version

    if not TOOL.exists():
        pytest.skip("tools/ is not here (an installed package)")
    spec = importlib.util.spec_from_file_location("build_cldr", TOOL)
    assert spec is not None
    assert spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    snapshot = json.loads(tool.OUT.read_text(encoding="utf-8"))
    if snapshot["cldr"] != str(get_cldr_version()):
        pytest.skip(f"CLDR {get_cldr_version()} installed, snapshot from CLDR {snapshot['cldr']}: "
                    "run python tools/build_cldr.py and review the difference")
    fresh = tool.build()
    for key in ("currency_codes", "territories", "currencies"):
        assert fresh[key] == snapshot[key], f"{key} drifted: run python tools/build_cldr.py"


def test_the_library_does_not_import_babel() -> None:
    import subprocess
    import sys

    code = ("import sys, diplonlp; diplonlp.parse_article('ریال ایران و دينار الكويت'); "
            "print('babel' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
