"""An example diplonlp extractor: hashtags ("#ایران", "#السعودية") as a new
dimension, ``hashtags``, with the written tag and its normalised form.

It shows the three things every extractor does: declare what it produces and
requires, match on the normalised text, and report original offsets through
``doc.mention``.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex
from attrs import field, frozen

from diplonlp import BaseExtractor, Document, Mention

# \p{L}\p{M}\p{N} after '#': ZWNJ was removed by the normaliser, so
# "#گفت‌وگو" is one tag.
_TAG = regex.compile(r"(?<![\p{L}\p{N}_])#[\p{L}\p{M}\p{N}_]+")


@frozen
class HashtagMention(Mention):
    tag: str = field(kw_only=True)


class HashtagExtractor(BaseExtractor):
    name = "hashtags.v1"
    produces = "hashtags"
    requires = ()

    def extract(self, doc: Document) -> Iterator[HashtagMention]:
        for m in _TAG.finditer(doc.norm):
            yield doc.mention(HashtagMention, m.start(), m.end(), tag=m.group()[1:])
