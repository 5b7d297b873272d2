"""Written form → spoken form, as a speech recognizer prints it: "$418,000 for AWS" becomes
"four hundred eighteen thousand dollars for a w s" (lower case, no punctuation)."""

from __future__ import annotations

import re
from typing import List

ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
SCALES = [(10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (1000, "thousand")]
ORDINAL_WORDS = {
    "one": "first",
    "two": "second",
    "three": "third",
    "five": "fifth",
    "eight": "eighth",
    "nine": "ninth",
    "twelve": "twelfth",
}
CURRENCIES = {"$": ("dollar", "dollars"), "€": ("euro", "euros"), "£": ("pound", "pounds")}
# Acronyms that are said as words rather than spelled out.
SPOKEN_ACRONYMS = {"NASA", "NATO", "GDPR", "FAQ", "HVAC", "OPEC", "UNESCO", "AIDS", "SWAT"}
SPELLED_EXCEPTIONS = {"GDPR": "g d p r", "FAQ": "f a q", "HVAC": "h vac"}
SYMBOLS = {"&": " and ", "%": " percent ", "+": " plus ", "=": " equals ", "@": " at "}


def cardinal(number: int) -> str:
    if number < 0:
        return "minus " + cardinal(-number)
    if number < 20:
        return ONES[number]
    if number < 100:
        tens, ones = divmod(number, 10)
        return TENS[tens] + ("" if ones == 0 else " " + ONES[ones])
    if number < 1000:
        hundreds, rest = divmod(number, 100)
        return ONES[hundreds] + " hundred" + ("" if rest == 0 else " " + cardinal(rest))
    for scale, name in SCALES:
        if number >= scale:
            high, rest = divmod(number, scale)
            return cardinal(high) + " " + name + ("" if rest == 0 else " " + cardinal(rest))
    raise AssertionError("unreachable")


def ordinal(number: int) -> str:
    words = cardinal(number).split()
    last = words[-1]
    if last in ORDINAL_WORDS:
        words[-1] = ORDINAL_WORDS[last]
    elif last.endswith("y"):
        words[-1] = last[:-1] + "ieth"
    else:
        words[-1] = last + "th"
    return " ".join(words)


def year(number: int) -> str:
    """1999 → nineteen ninety nine, 2005 → two thousand five, 2024 → twenty twenty four."""
    high, low = divmod(number, 100)
    if 2000 <= number < 2010:
        return cardinal(number)
    if low == 0:
        return cardinal(high) + " hundred"
    return cardinal(high) + " " + (cardinal(low) if low >= 10 else "oh " + cardinal(low))


def decimal(text: str) -> str:
    whole, _, fraction = text.partition(".")
    words = cardinal(int(whole.replace(",", "") or "0"))
    if fraction:
        words += " point " + " ".join(ONES[int(d)] for d in fraction)
    return words


def money(symbol: str, amount: str, scale: str) -> str:
    singular, plural = CURRENCIES[symbol]
    if scale:
        return f"{decimal(amount)} {scale} {plural}"
    whole, _, cents = amount.replace(",", "").partition(".")
    units = int(whole or "0")
    words = f"{cardinal(units)} {singular if units == 1 else plural}"
    if cents and int(cents):
        cent_count = int(cents.ljust(2, "0")[:2])
        words += f" and {cardinal(cent_count)} {'cent' if cent_count == 1 else 'cents'}"
    return words


def clock(hours: str, minutes: str) -> str:
    hour_words = cardinal(int(hours))
    if minutes == "00":
        return hour_words
    minute = int(minutes)
    return f"{hour_words} {'oh ' if minute < 10 else ''}{cardinal(minute)}"


def acronym(letters: str) -> str:
    if letters in SPELLED_EXCEPTIONS:
        return SPELLED_EXCEPTIONS[letters]
    if letters in SPOKEN_ACRONYMS:
        return letters.lower()
    return " ".join(letters.lower())


_MONEY = re.compile(r"([$€£])(\d[\d,]*(?:\.\d+)?)(?:\s+(million|billion|thousand|trillion))?")
_PERCENT = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(%|per cent\b|percent\b)")
_TIME = re.compile(r"\b(\d{1,2}):(\d{2})\b")
_MERIDIEM = re.compile(r"\b([ap])\.m\.", re.IGNORECASE)
_ORDINAL = re.compile(r"\b(\d+)(st|nd|rd|th)\b")
_YEAR = re.compile(r"\b(1[1-9]\d\d|20\d\d)\b(?!,\d)")
_DECIMAL = re.compile(r"\b\d[\d,]*\.\d+\b")
_INTEGER = re.compile(r"\b\d[\d,]*\b")
_ACRONYM = re.compile(r"\b([A-Z]{2,6})s?\b")
_QUARTER = re.compile(r"\bQ([1-4])\b")
_RANGE = re.compile(r"(\d)\s*-\s*(\d)")


def _integer(match: re.Match[str]) -> str:
    digits = match.group(0).replace(",", "")
    if len(digits) > 15:
        return " ".join(ONES[int(d)] for d in digits)
    return cardinal(int(digits))


def verbalize(text: str) -> str:
    """Spoken form of written text: numbers and symbols as words, lower case, no punctuation."""
    text = _MONEY.sub(lambda m: " " + money(m.group(1), m.group(2), m.group(3) or "") + " ", text)
    text = _PERCENT.sub(lambda m: " " + decimal(m.group(1)) + " percent ", text)
    text = _MERIDIEM.sub(lambda m: f" {m.group(1).lower()} m ", text)
    text = _TIME.sub(lambda m: " " + clock(m.group(1), m.group(2)) + " ", text)
    text = _ORDINAL.sub(lambda m: " " + ordinal(int(m.group(1))) + " ", text)
    text = _QUARTER.sub(lambda m: f" q {cardinal(int(m.group(1)))} ", text)
    text = _RANGE.sub(r"\1 to \2", text)
    text = _YEAR.sub(lambda m: " " + year(int(m.group(1))) + " ", text)
    text = _DECIMAL.sub(lambda m: " " + decimal(m.group(0)) + " ", text)
    text = _INTEGER.sub(lambda m: " " + _integer(m) + " ", text)
    text = _ACRONYM.sub(lambda m: " " + acronym(m.group(1)) + " ", text)
    for symbol, words in SYMBOLS.items():
        text = text.replace(symbol, words)
    return spoken_tokens_only(text)


def spoken_tokens_only(text: str) -> str:
    words: List[str] = []
    for raw in text.lower().replace("\u2019", "'").split():
        word = re.sub(r"[^a-z0-9']+", " ", raw).strip(" '")
        if word:
            words.extend(part.strip("'") for part in word.split() if part.strip("'"))
    return " ".join(words)
