"""diplonlp: structured data from Persian and Arabic diplomatic news.

Parse one article, get typed mentions that point into the original text::

    import datetime
    import diplonlp

    text = "أعلن وزير الخارجية الأردني أيمن الصفدي يوم الأحد عن منحة بقيمة 600 مليون دولار."
    article = diplonlp.parse_article(text, reference_date=datetime.date(2023, 8, 27))
    article.money[0].amount        # Decimal('600000000')
    article.leaders[0].name        # 'Ayman Safadi'
    diplonlp.render(article)       # an HTML page of the article, mentions highlighted

The public surface is this module's ``__all__``; everything in a module whose
name starts with ``_`` is private.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from diplonlp._version import __version__
from diplonlp.errors import (
    DataError,
    DiplonlpError,
    InvalidOptionError,
    PipelineError,
    PluginError,
)
from diplonlp.model import (
    Article,
    DateMention,
    Language,
    LeaderMention,
    Mention,
    MoneyMention,
    NumberMention,
    OriginalDate,
    PercentageMention,
    Span,
)
from diplonlp.pipeline import BaseExtractor, Document, Extractor, Pipeline

# A plain import, not a lazy one: the module and the function share the name
# ``render``, and a lazy attribute would be replaced by the module the first
# time anything imports ``diplonlp.render``. It loads nothing slow.
from diplonlp.render import render

if TYPE_CHECKING:
    from diplonlp.batch import Parsed, parse_articles
    from diplonlp.defaults import builtin_extractors, default_pipeline, load_plugins
    from diplonlp.language import detect_language
    from diplonlp.normalize import NormalizedText, normalize

_LAZY = {
    "parse_articles": "diplonlp.batch",
    "Parsed": "diplonlp.batch",
    "builtin_extractors": "diplonlp.defaults",
    "default_pipeline": "diplonlp.defaults",
    "load_plugins": "diplonlp.defaults",
    "detect_language": "diplonlp.language",
    "normalize": "diplonlp.normalize",
    "NormalizedText": "diplonlp.normalize",
}


def __getattr__(name: str) -> Any:
    # Names whose modules import `regex` load on first use, keeping
    # `import diplonlp` fast.
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'diplonlp' has no attribute {name!r}")


def parse_article(
    text: str,
    *,
    reference_date: dt.date | None = None,
    language: Language | None = None,
) -> Article:
    """Parse one article into an :class:`Article`.

    ``text`` must be a ``str`` (anything else raises :class:`TypeError`).
    ``reference_date`` anchors relative and year-less dates; without it the
    article's own dateline is used when one is found. ``language`` forces
    ``"fa"`` or ``"ar"``; by default it is detected. Every mention's
    ``start``/``end`` index the original ``text``. Only the built-in
    extractors run; ``default_pipeline(plugins=True).parse(...)`` adds the
    installed plugins.
    """
    from diplonlp.defaults import default_pipeline

    return default_pipeline().parse(text, reference_date=reference_date, language=language)


__all__ = [
    "Article",
    "BaseExtractor",
    "DataError",
    "DateMention",
    "DiplonlpError",
    "Document",
    "Extractor",
    "InvalidOptionError",
    "LeaderMention",
    "Mention",
    "MoneyMention",
    "NormalizedText",
    "NumberMention",
    "OriginalDate",
    "Parsed",
    "PercentageMention",
    "Pipeline",
    "PipelineError",
    "PluginError",
    "Span",
    "__version__",
    "builtin_extractors",
    "default_pipeline",
    "detect_language",
    "load_plugins",
    "normalize",
    "parse_article",
    "parse_articles",
    "render",
]
