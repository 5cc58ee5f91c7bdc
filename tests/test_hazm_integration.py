"""The hazm integration, with hazm itself when installed and with a stand-in
module that has hazm's interface otherwise (so the alignment logic is always
tested)."""

from __future__ import annotations

import sys
import types

import pytest

import diplonlp
from diplonlp.pipeline import Pipeline

TEXT = (
    "وزیر خارجه ایران روز ۱۲ مرداد ۱۴۰۱ به باکو رفت. او با همتای خود دیدار کرد.\n"
    "دو طرف توافق کردند!"
)


@pytest.fixture
def fake_hazm(monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    import re

    module = types.ModuleType("hazm")

    def sent_tokenize(text: str) -> list[str]:
        return [s for s in re.split(r"(?<=[.!؟?])\s+", text) if s]

    class Lemmatizer:
        def lemmatize(self, word: str) -> str:
            return word.removesuffix("ها")

    module.sent_tokenize = sent_tokenize  # type: ignore[attr-defined]
    module.word_tokenize = lambda s: s.split()  # type: ignore[attr-defined]
    module.Lemmatizer = Lemmatizer  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "hazm", module)
    return module


def test_core_never_imports_hazm() -> None:
    import subprocess

    code = "import sys, diplonlp; diplonlp.parse_article('سلام'); print('hazm' in sys.modules)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "False"


def test_sentences_with_offsets(fake_hazm: types.ModuleType) -> None:
    from diplonlp.contrib.hazm import HazmSentenceExtractor

    pipe = Pipeline([*diplonlp.builtin_extractors(), HazmSentenceExtractor(lemmas=True)])
    article = pipe.parse(TEXT)
    sentences = article.extras["sentences"]
    assert [s.text for s in sentences] == [
        "وزیر خارجه ایران روز ۱۲ مرداد ۱۴۰۱ به باکو رفت.",
        "او با همتای خود دیدار کرد.",
        "دو طرف توافق کردند!",
    ]
    for s in sentences:
        assert TEXT[s.start : s.end] == s.text
        assert s.lemmas is not None
        assert len(s.lemmas) == len(s.tokens)
    assert article.dates[0].value == "2022-08-03"
    assert article.to_dict()["sentences"][1]["tokens"][0] == "او"


def test_no_sentences_for_arabic(fake_hazm: types.ModuleType) -> None:
    from diplonlp.contrib.hazm import HazmSentenceExtractor

    article = Pipeline([HazmSentenceExtractor()]).parse("قال الوزير إن المحادثات مثمرة.")
    assert article.extras["sentences"] == ()


def test_with_real_hazm() -> None:
    pytest.importorskip("hazm")
    from diplonlp.contrib.hazm import HazmSentenceExtractor

    article = Pipeline([HazmSentenceExtractor()]).parse(TEXT)
    assert len(article.extras["sentences"]) >= 2
    for s in article.extras["sentences"]:
        assert TEXT[s.start : s.end] == s.text


def test_version_is_exposed() -> None:
    assert diplonlp.__version__
