from __future__ import annotations

import datetime as dt
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from attrs import field, frozen

import diplonlp
from diplonlp import BaseExtractor, Document, Mention, NumberMention, Pipeline, defaults
from diplonlp.defaults import builtin_extractors, load_plugins
from diplonlp.errors import (
    DuplicateExtractorError,
    MissingRequirementError,
    PipelineError,
    PluginError,
)

EXAMPLE_SRC = Path(__file__).parents[1] / "examples" / "custom_extractor" / "src"


@frozen
class WordMention(Mention):
    word: str = field(kw_only=True)


class Words(BaseExtractor):
    """Finds the given word (matching on normalised text)."""

    name = "test.words.v1"
    produces = "words"

    def __init__(self, word: str) -> None:
        self.word = word

    def extract(self, doc: Document) -> Iterator[WordMention]:
        start = doc.norm.find(self.word)
        while start >= 0:
            yield doc.mention(WordMention, start, start + len(self.word), word=self.word)
            start = doc.norm.find(self.word, start + 1)


class CountWords(BaseExtractor):
    """Reads the mentions of an earlier extractor."""

    name = "test.count.v1"
    produces = "numbers"
    requires = ("words",)

    def extract(self, doc: Document) -> Iterator[NumberMention]:
        found = doc.get("words")
        if found:
            first = found[0]
            yield NumberMention(first.start, first.end, text=first.text, value=len(found))


def test_extractor_protocol_needs_no_base_class() -> None:
    class Plain:
        name = "plain.v1"
        produces = "plain"
        requires: tuple[str, ...] = ()

        def extract(self, doc: Document) -> list[Mention]:
            return [doc.mention(Mention, 0, 1)]

    article = Pipeline([Plain()]).parse("سلام")
    assert article.extras["plain"][0].text == "س"


def test_custom_extractor_reports_original_offsets() -> None:
    text = "دیدار رئیس\u200cجمهور و رئيس جمهور"
    article = Pipeline([Words("رییسجمهور")]).parse(text, language="fa")
    found = article.extras["words"]
    assert [m.text for m in found] == ["رئیس\u200cجمهور"]
    assert all(text[m.start : m.end] == m.text for m in found)


def test_later_extractor_reads_earlier_results() -> None:
    text = "تهران تهران تهران"
    article = Pipeline([Words("تهران"), CountWords()]).parse(text)
    assert article.numbers[0].value == 3
    assert article.to_dict()["words"][0]["word"] == "تهران"


def test_requirements_checked_when_built() -> None:
    with pytest.raises(MissingRequirementError, match="E102"):
        Pipeline([CountWords(), Words("x")])


def test_duplicate_names_refused() -> None:
    with pytest.raises(DuplicateExtractorError, match="E101"):
        Pipeline([Words("a"), Words("b")])


def test_non_extractors_refused() -> None:
    with pytest.raises(PipelineError, match="E103"):
        Pipeline([object()])  # type: ignore[list-item]
    with pytest.raises(PipelineError, match="E103"):
        Pipeline([Words])  # type: ignore[list-item]


def test_bad_mentions_refused() -> None:
    class Liar(BaseExtractor):
        name = "liar.v1"
        produces = "lies"

        def extract(self, doc: Document) -> list[Mention]:
            return [Mention(0, 2, text="no")]

    with pytest.raises(PipelineError, match="E104"):
        Pipeline([Liar()]).parse("سلام")


def test_scratch_dimensions_stay_out_of_the_article() -> None:
    class Scratch(Words):
        name = "scratch.v1"
        produces = "_scratch"

    article = Pipeline([Scratch("سلام")]).parse("سلام")
    assert "_scratch" not in article.to_dict()
    assert not article.extras


def test_document_carries_language_and_reference_date() -> None:
    seen: list[Document] = []

    class Spy(BaseExtractor):
        name = "spy.v1"
        produces = "spy"

        def extract(self, doc: Document) -> list[Mention]:
            seen.append(doc)
            return []

    Pipeline([Spy()]).parse("في عام 2017", reference_date=dt.datetime(2023, 8, 26, 10, 0))
    assert seen[0].language == "ar"
    assert seen[0].reference_date == dt.date(2023, 8, 26)
    assert seen[0].norm == "في عام 2017"


def test_default_pipeline_and_parse_article_agree() -> None:
    text = "امامعلی رحمان رئیس جمهور تاجیکستان"
    assert diplonlp.parse_article(text) == Pipeline(builtin_extractors()).parse(text)


def _install_fake_distribution(tmp_path: Path, target: str) -> None:
    dist = tmp_path / "diplonlp_hashtags-0.1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: diplonlp-hashtags\nVersion: 0.1.0\n", encoding="utf-8"
    )
    (dist / "entry_points.txt").write_text(
        f"[diplonlp.extractors]\nhashtags = {target}\n", encoding="utf-8"
    )


@pytest.fixture
def plugin_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.syspath_prepend(str(EXAMPLE_SRC))
    defaults._default_pipeline.cache_clear()
    yield tmp_path
    defaults._default_pipeline.cache_clear()
    sys.modules.pop("diplonlp_hashtags", None)
    sys.modules.pop("broken_plugin", None)


def test_entry_point_extractor_joins_the_default_pipeline(plugin_path: Path) -> None:
    _install_fake_distribution(plugin_path, "diplonlp_hashtags:HashtagExtractor")
    pipe = diplonlp.default_pipeline(plugins=True)
    assert pipe.names[-1] == "hashtags.v1"
    text = "دیدار در تهران #ایران"
    tags = pipe.parse(text).to_dict()["hashtags"]
    assert tags == [{"text": "#ایران", "start": 15, "end": 21, "tag": "ایران"}]
    assert "hashtags.v1" not in diplonlp.default_pipeline().names
    assert "hashtags" not in diplonlp.parse_article(text).extras  # plugins only when asked


def test_broken_entry_point_gives_a_clear_error(plugin_path: Path) -> None:
    (plugin_path / "broken_plugin.py").write_text(
        textwrap.dedent("""
        raise RuntimeError("boom")
        """),
        encoding="utf-8",
    )
    _install_fake_distribution(plugin_path, "broken_plugin:Thing")
    with pytest.raises(PluginError, match=r"E201.*hashtags.*boom"):
        load_plugins()


def test_entry_point_that_is_not_an_extractor(plugin_path: Path) -> None:
    (plugin_path / "broken_plugin.py").write_text("THING = 42\n", encoding="utf-8")
    _install_fake_distribution(plugin_path, "broken_plugin:THING")
    with pytest.raises(PluginError, match="E202"):
        load_plugins()
