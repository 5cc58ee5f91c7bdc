"""hazm integration (``pip install "diplonlp[hazm]"``).

hazm is Persian's best-known NLP toolkit. It is never imported by the core
(hazm pins an old NumPy and takes about a second to import); this module
imports it when an extractor here is built.

:class:`HazmSentenceExtractor` adds a ``sentences`` dimension: hazm's
sentence tokenizer run over the original text, each sentence a
:class:`SentenceMention` with offsets into that text and its tokens (hazm's
word tokenizer) and, optionally, their lemmas::

    from diplonlp import Pipeline, builtin_extractors
    from diplonlp.contrib.hazm import HazmSentenceExtractor

    pipe = Pipeline([*builtin_extractors(), HazmSentenceExtractor(lemmas=True)])
    for s in pipe.parse(text).extras["sentences"]:
        print(s.start, s.end, s.tokens, s.lemmas)

Sentences are only produced for Persian documents; Arabic ones get none.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from attrs import field, frozen

from diplonlp.model import Mention
from diplonlp.pipeline import BaseExtractor, Document

INSTALL_HINT = 'the hazm integration needs hazm: pip install "diplonlp[hazm]"'


def _import_hazm() -> Any:
    try:
        import hazm
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(INSTALL_HINT) from exc
    return hazm


@frozen
class SentenceMention(Mention):
    """One sentence, with hazm's tokens (and lemmas when asked for)."""

    tokens: tuple[str, ...] = field(kw_only=True, default=())
    lemmas: tuple[str, ...] | None = field(kw_only=True, default=None)


class HazmSentenceExtractor(BaseExtractor):
    """``sentences`` for Persian text, by hazm's tokenizers."""

    name = "hazm.sentences.v1"
    produces = "sentences"
    requires = ()

    def __init__(self, *, lemmas: bool = False) -> None:
        hazm = _import_hazm()
        self._sent_tokenize = hazm.sent_tokenize
        self._word_tokenize = hazm.word_tokenize
        self._lemmatizer = hazm.Lemmatizer() if lemmas else None

    def extract(self, doc: Document) -> Iterator[SentenceMention]:
        if doc.language != "fa":
            return
        text = doc.text
        cursor = 0
        for sentence in self._sent_tokenize(text):
            sentence = sentence.strip()
            if not sentence:
                continue
            start = text.find(sentence, cursor)
            if start < 0:  # hazm changed the sentence: align on its first word
                first = sentence.split()[0]
                start = text.find(first, cursor)
                if start < 0:
                    continue
                end = text.find("\n", start)
                end = len(text) if end < 0 else end
            else:
                end = start + len(sentence)
            cursor = end
            tokens = tuple(self._word_tokenize(text[start:end]))
            lemmas = (
                tuple(self._lemmatizer.lemmatize(t) for t in tokens)
                if self._lemmatizer is not None
                else None
            )
            yield SentenceMention(start, end, text=text[start:end], tokens=tokens, lemmas=lemmas)


__all__ = ["HazmSentenceExtractor", "SentenceMention"]
