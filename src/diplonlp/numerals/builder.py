"""Joining number tokens into numbers: the grammar of written cardinals.

The parts of a number come in descending order ("بیست و پنج"; Arabic also
"خمسة وعشرون"), scale words multiply what comes before them, and fractions
may follow a count or a scale ("یک و نیم میلیارد", "مليار ونصف"). Two numbers
joined by "و" where the second is not smaller stay two numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Context, Decimal, localcontext
from typing import Literal

import regex

from diplonlp.model import Language
from diplonlp.numerals.lexicon import SCALE_KINDS, Kind
from diplonlp.numerals.tokens import Token

Form = Literal["digits", "words", "mixed"]
_ZERO = Decimal(0)


def gap_kind(text: str, end: int, start: int, language: Language) -> str | None:
    """How two tokens are joined: "space", "conj" (و) or None (not joined)."""
    gap = text[end:start]
    if len(gap) > 8:
        return None
    stripped = gap.strip()
    if not stripped:
        return "space" if gap else "none"
    if stripped == "و":
        return "conj"
    return None


class Builder:
    """Accumulates the value of one number, token by token."""

    def __init__(self, language: Language) -> None:
        self.language = language
        self.tokens: list[Token] = []
        self.total = _ZERO
        self.current = _ZERO
        self.limit: Decimal | None = None  # an added part must be below this
        self.last_kind: Kind | None = None
        self.last_scale: Decimal | None = None
        self.max_scale: Decimal | None = None
        self.fraction_used = False
        self.arabic_unit_first = False
        #: where the last part joined by "و" after a scale word began (a token index)
        self.conj_at: int | None = None
        #: -1 after "منفی", "سالب"
        self.sign = Decimal(1)
        #: the digits after a decimal point written as a word ("ثلاثة فاصلة خمسة")
        self.decimals: Builder | None = None

    def split_before(self, tok: Token) -> int | None:
        """When ``tok`` (refused) is a scale word equal to the last one and a part
        joined by "و" stands between them ("دو هزار و دو هزار"), the token index
        where a second number begins."""
        if (tok.kind in SCALE_KINDS and self.last_scale is not None
                and tok.value == self.last_scale and self.conj_at is not None):
            return self.conj_at
        return None

    @property
    def value(self) -> Decimal:
        return self.sign * (self.total + self.current + self._decimal_part())

    def _decimal_part(self) -> Decimal:
        """"فاصلة خمسة" is .5, "فاصلة خمسة وعشرون" .25: the words after the point
        make a whole number read as the digits after it."""
        if self.decimals is None or not self.decimals.tokens:
            return _ZERO
        digits = self.decimals.value
        if digits != digits.to_integral_value() or digits < 0:
            return _ZERO
        return digits / (Decimal(10) ** len(str(int(digits))))

    def _apply_scale(self, scale: Decimal) -> None:
        count = self.current if self.current else Decimal(1)
        if self.last_scale is not None and scale > self.last_scale:
            self.total = (self.total + count) * scale if self.current else self.total * scale
        else:
            self.total += count * scale
        self.current = _ZERO
        self.last_scale = scale
        self.max_scale = scale if self.max_scale is None else max(self.max_scale, scale)
        self.limit = scale
        self.arabic_unit_first = False

    def accept(self, tok: Token, join: str) -> bool:
        """Take the token (trying each of its readings); False leaves the state as it was."""
        if self._accept(tok, join):
            return True
        for kind, value, ambiguous, clitic in tok.others:
            alt = Token(tok.start, tok.end, kind, value, tok.raw, clitic, ambiguous)
            if self._accept(alt, join):
                return True
        return False

    def _accept(self, tok: Token, join: str) -> bool:
        kind = tok.kind
        if kind == "negative":
            if self.tokens:
                return False
            self.sign = Decimal(-1)  # "منفی ۲ میلیارد"
            self.tokens.append(tok)
            self.last_kind = kind
            return True
        if self.decimals is not None:
            if kind not in SCALE_KINDS:  # the digits after a written point
                if not self.decimals.accept(tok, "space" if not self.decimals.tokens else join):
                    return False
                self.tokens.append(tok)
                self.last_kind = kind
                return True
            if not self.decimals.tokens:
                return False
            self.current += self._decimal_part()  # "ثلاثة فاصلة خمسة مليار"
            self.decimals = None
        if kind == "point":
            if (not self.tokens or self.last_kind not in ("unit", "teen", "ten", "hundred",
                                                          "digits")
                    or self.fraction_used or tok.clitic):
                return False
            self.decimals = Builder(self.language)
            self.tokens.append(tok)
            self.last_kind = kind
            return True
        if kind == "denominator":
            return False  # an ordinal ("دور سوم") unless a count before made it a ratio
        first = not self.tokens or all(t.kind == "negative" for t in self.tokens)
        conj = join == "conj" or (tok.clitic.startswith("و") and not first)
        after_scale = self.last_kind in SCALE_KINDS
        if not first and join == "none" and kind != "digits" and not tok.clitic:
            return False
        if not first and tok.clitic and not tok.clitic.startswith("و"):
            return False  # بـ / لـ start a new phrase
        if (kind in SCALE_KINDS and self.last_scale is not None and tok.value == self.last_scale
                and self.current > 0 and self.conj_at is not None):
            return False  # "دو هزار و دو هزار", "خمسة آلاف وثلاثة آلاف": two numbers
        if kind == "digits":
            if first:
                self.current = tok.value
                self.limit = Decimal(1)
            elif conj and self.last_kind in SCALE_KINDS and self.last_scale is not None:
                if not (tok.value < self.last_scale) or tok.value < 0:
                    return False
                self.current = tok.value
                self.limit = Decimal(1)
            else:
                return False
        elif kind in ("unit", "teen", "ten", "hundred"):
            v = tok.value
            if first:
                self.current = v
                self.limit = _place(kind)
            elif (
                kind == "hundred" and v == 100 and not conj
                and self.last_kind == "unit" and 0 < self.current < 10
                and (self.total == 0 or (self.last_scale is not None
                                         and self.current * 100 < self.last_scale))
            ):
                # چهار صد, أربعة مئة, Dari دو صد; also after a scale: "هزار و سه صد"
                self.current *= 100
                self.limit = Decimal(100)
                self.limit = Decimal(100)
            elif (
                self.language == "ar" and kind == "ten" and conj and self.last_kind == "unit"
                and 0 < self.current % 10 < 10 and not self.arabic_unit_first
                and (self.limit or 0) <= 1 and self.current < 10 + (self.current // 100) * 100
            ):
                self.current += v  # خمسة وعشرون
                self.arabic_unit_first = True
                self.limit = Decimal(1)
            elif conj and self.limit is not None and v < self.limit and v > 0:
                self.current += v
                self.limit = _place(kind)
            else:
                return False
        elif kind == "teen_tail":
            if self.last_kind == "unit" and not conj and 0 < self.current % 100 < 10:
                self.current += 10  # ثلاثة عشر
                self.limit = Decimal(1)
            else:
                return False
        elif kind == "scale":
            if conj:
                # "یک میلیون و هزار": a new group whose count of one is not written
                if not (
                    self.current == 0 and self.last_kind in SCALE_KINDS
                    and self.last_scale is not None and tok.value < self.last_scale
                ):
                    return False
                self.current = Decimal(1)
            if not first and self.current == 0 and self.last_kind not in SCALE_KINDS:
                return False
            if self.last_scale is not None and self.current == 0 and tok.value <= self.last_scale:
                return False
            if self.last_kind in ("fraction", "ratio") and self.current == 0:
                return False
            self._apply_scale(tok.value)
        elif kind == "plural_scale":
            if conj or self.current <= 0 or first:
                return False
            self._apply_scale(tok.value)
        elif kind == "dual_scale":
            new_group = (
                self.current == 0 and self.last_kind in SCALE_KINDS
                and self.last_scale is not None and tok.value < self.last_scale
            )
            if conj and not new_group:
                return False
            if first or (conj and new_group):
                self.current = Decimal(2)
                self._apply_scale(tok.value)
            elif self.current > 0 and tok.raw.endswith("ا"):
                self._apply_scale(tok.value)  # عشرين ألفا: accusative singular after a count
            else:
                return False
        elif kind in ("fraction", "ratio"):
            if first:
                self.current = tok.value
                self.limit = _ZERO
            elif self.fraction_used or not conj:
                return False
            elif self.last_kind in SCALE_KINDS and self.last_scale is not None:
                self.total += tok.value * self.last_scale  # مليار ونصف
                self.limit = _ZERO
            elif self.current >= 0 and self.current == self.current.to_integral_value():
                self.current += tok.value  # یک و نیم، صفر و سی و هشت صدم
                self.limit = _ZERO
            else:
                return False
            self.fraction_used = True
        else:  # pragma: no cover
            return False
        if conj and after_scale:
            self.conj_at = len(self.tokens)
        self.tokens.append(tok)
        self.last_kind = kind
        return True

    def span(self) -> tuple[int, int, Form, bool] | None:
        """(start, end, form, ambiguous) of the number built so far, or None."""
        toks = list(self.tokens)
        while toks and toks[-1].kind == "point":
            toks.pop()  # "ثلاثة فاصلة": the point is not part of the number
        if not toks or all(t.kind == "negative" for t in toks):
            return None
        forms = {"digits" if t.kind == "digits" else "words" for t in toks}
        form: Form = "mixed" if len(forms) > 1 else ("digits" if "digits" in forms else "words")
        start = toks[0].start if toks[0].kind == "digits" else toks[0].start + len(toks[0].clitic)
        # a lone ambiguous word, or a lone fraction ("نصف الأعضاء"), counts only
        # as part of money or a percentage
        ambiguous = len(toks) == 1 and (toks[0].ambiguous or toks[0].kind == "fraction")
        return start, toks[-1].end, form, ambiguous


def _place(kind: str) -> Decimal:
    return {"unit": Decimal(1), "teen": Decimal(1), "ten": Decimal(10)}.get(kind, Decimal(100))


_PARTS = frozenset({"unit", "teen", "ten", "hundred"})


def with_ratios(toks: Sequence[Token], text: str, language: Language) -> list[Token]:
    """A count right before a denominator is one fraction: "سه چهارم" (0.75),
    "خمسة أثمان" (0.625), "سی و هشت صدم" (0.38): the longest run of number
    words before it that makes a count below the denominator. Not in the name
    of a round ("یک چهارم نهایی", "ربع النهائي")."""
    out: list[Token] = []
    for tok in toks:
        if tok.kind == "denominator" and not tok.clitic and not _FINAL.match(text, tok.end):
            found = _numerator(out, tok, text, language)
            if found is not None:
                k, count = found
                with localcontext(Context(prec=28)):
                    value = count / tok.value
                first = out[k]
                out[k:] = [Token(first.start, tok.end, "ratio", value,
                                 text[first.start : tok.end], first.clitic)]
                continue
        out.append(tok)
    return out


_FINAL = regex.compile(r"\s++(?:ال)?(?:نهایی|نهائي|نهايي)(?![\p{L}])")


def _numerator(out: Sequence[Token], denominator: Token, text: str,
               language: Language) -> tuple[int, Decimal] | None:
    """Where the count before a denominator starts in ``out``, and its value."""
    if not out or text[out[-1].end : denominator.start].strip():
        return None
    best: tuple[int, Decimal] | None = None
    for k in range(len(out) - 1, max(-1, len(out) - 7), -1):
        part = out[k:]
        if part[0].kind not in _PARTS or part[0].clitic.strip("و"):
            break
        builder = Builder(language)
        joined = all(
            t.kind in _PARTS and builder.accept(
                t, "space" if i == 0 else (gap_kind(text, part[i - 1].end, t.start, language)
                                           or "space"))
            for i, t in enumerate(part)
        )
        if joined and 0 < builder.value < denominator.value:
            best = (k, builder.value)
    return best


def with_scale_reading(toks: Sequence[Token], text: str) -> list[Token]:
    """Digits right before a scale word take their decimal reading (1.500 مليار)."""
    out = list(toks)
    for i, tok in enumerate(out[:-1]):
        nxt = out[i + 1]
        if (
            tok.kind == "digits" and tok.alt_before_scale is not None
            and nxt.kind in SCALE_KINDS and not nxt.clitic
            and text[tok.end : nxt.start].strip() == ""
        ):
            out[i] = Token(tok.start, tok.end, "digits", tok.alt_before_scale, tok.raw)
    return out



__all__ = ["Builder", "Form", "gap_kind", "with_ratios", "with_scale_reading"]
