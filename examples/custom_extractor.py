"""End to end: a custom extractor next to the built-in ones.

Run:  python examples/custom_extractor.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "custom_extractor" / "src"))

from diplonlp_hashtags import HashtagExtractor

import diplonlp

TEXT = "تهران – وزیران خارجه ایران و آذربایجان روز دوشنبه در تهران دیدار کردند. #ایران #آذربایجان"

pipeline = diplonlp.Pipeline([*diplonlp.builtin_extractors(), HashtagExtractor()])
article = pipeline.parse(TEXT)
print(json.dumps(article.to_dict()["hashtags"], ensure_ascii=False, indent=2))
for mention in article.extras["hashtags"]:
    assert TEXT[mention.start : mention.end] == mention.text
