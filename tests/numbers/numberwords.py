"""Writes integers as Persian and Arabic number words (test helper, not a feature)."""

from __future__ import annotations

FA_UNITS = ["", "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه"]
FA_TEENS = ["ده", "یازده", "دوازده", "سیزده", "چهارده", "پانزده", "شانزده", "هفده", "هجده", "نوزده"]
FA_TENS = ["", "", "بیست", "سی", "چهل", "پنجاه", "شصت", "هفتاد", "هشتاد", "نود"]
FA_HUNDREDS = ["", "صد", "دویست", "سیصد", "چهارصد", "پانصد", "ششصد", "هفتصد", "هشتصد", "نهصد"]
FA_SCALES = [(10**12, "تریلیون"), (10**9, "میلیارد"), (10**6, "میلیون"), (10**3, "هزار")]

AR_UNITS = ["", "واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة"]
AR_TENS = ["", "عشرة", "عشرون", "ثلاثون", "أربعون", "خمسون", "ستون", "سبعون", "ثمانون", "تسعون"]
AR_HUNDREDS = ["", "مائة", "مئتان", "ثلاثمائة", "أربعمائة", "خمسمائة", "ستمائة", "سبعمائة",
               "ثمانمائة", "تسعمائة"]
AR_SCALES = [  # value, singular, dual, plural
    (10**12, "تريليون", "تريليونان", "تريليونات"),
    (10**9, "مليار", "ملياران", "مليارات"),
    (10**6, "مليون", "مليونان", "ملايين"),
    (10**3, "ألف", "ألفان", "آلاف"),
]


def _fa_below_1000(n: int) -> list[str]:
    parts = []
    if n >= 100:
        parts.append(FA_HUNDREDS[n // 100])
        n %= 100
    if 10 <= n < 20:
        parts.append(FA_TEENS[n - 10])
    else:
        if n >= 20:
            parts.append(FA_TENS[n // 10])
        if n % 10:
            parts.append(FA_UNITS[n % 10])
    return parts


def persian(n: int) -> str:
    if n == 0:
        return "صفر"
    parts: list[str] = []
    for value, word in FA_SCALES:
        count, n = divmod(n, value)
        if count:
            if count == 1 and value == 1000:
                parts.append(word)
            else:
                parts.append(" و ".join(_fa_below_1000(count)) + " " + word)
    if n:
        parts.extend(_fa_below_1000(n))
    return " و ".join(parts)


def _ar_below_1000(n: int) -> list[str]:
    parts = []
    if n >= 100:
        parts.append(AR_HUNDREDS[n // 100])
        n %= 100
    if n == 0:
        return parts
    if n <= 10:
        parts.append(AR_UNITS[n] if n < 10 else AR_TENS[1])
    elif n == 11:
        parts.append("أحد عشر")
    elif n == 12:
        parts.append("اثنا عشر")
    elif n < 20:
        parts.append(AR_UNITS[n - 10] + " عشر")
    elif n % 10:
        parts.append(AR_UNITS[n % 10] + " و" + AR_TENS[n // 10])
    else:
        parts.append(AR_TENS[n // 10])
    return parts


def arabic(n: int) -> str:
    if n == 0:
        return "صفر"
    parts: list[str] = []
    for value, single, dual, plural in AR_SCALES:
        count, n = divmod(n, value)
        if not count:
            continue
        if count == 1:
            parts.append(single)
        elif count == 2:
            parts.append(dual)
        elif count <= 10:
            parts.append(" و".join(_ar_below_1000(count)) + " " + plural)
        else:
            parts.append(" و".join(_ar_below_1000(count)) + " " + single)
    if n:
        parts.extend(_ar_below_1000(n))
    return " و".join(parts)
