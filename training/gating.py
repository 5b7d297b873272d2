"""Confidence-gated corrections, as the app's "accept all above a threshold" and `neko correct
--min-confidence` apply them (src/document/operations.ts `confidentText`).

The correction is aligned with the source word by word (exact words, Levenshtein); adjacent changed
words form one edit, as src/align/edits.ts groups them. An edit's confidence is the lowest probability
among the output tokens that overlap its words, or, for a deletion, the probability of the first token
after it. Edits below the threshold are left out: their source words stay.

For a scan's lines (`ocr_line=True`) an edit that only appends sentence punctuation to the last word of
a line without any is left out too: a line is a piece of running text, and on correct lines the model
added such periods ("Sales Manager."). src/corrector/passes/ocr-refine.ts `appendsSentenceEnd` is the twin.

For ASR segments (`asr_segment=True`) the model's rewrites of words into other words are left out too,
however sure, and so are the words it inserts and the deletions it is unsure of: out of domain its
rewrites were wrong far more often than right, while its written form (digits, case, punctuation) is
what a transcript wants. src/corrector/passes/asr-guard.ts is the twin.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from .data.metrics import align, normalize
from .tokenizer import Tokenizer

WORD = re.compile(r"\S+")


def token_spans(tokenizer: Tokenizer, ids: list[int]) -> tuple[str, list[tuple[int, int]]]:
    """The decoded text and each token's [start, end) character span in it."""
    spans, text = [], ""
    for end in range(1, len(ids) + 1):
        longer = tokenizer.decode(ids[:end])
        spans.append((len(text), len(longer)))
        text = longer
    return text, spans


SENTENCE_END = re.compile(r"[.!?]+")


def appends_sentence_end(source: str, before: list[str], after: list[str], at_end: bool) -> bool:
    """Whether the edit `before` → `after` (words) only puts sentence punctuation after a line's last word."""
    line = source.rstrip()
    if not at_end or not line or line[-1] in ".!?":
        return False
    before_text, after_text = " ".join(before), " ".join(after)
    if not before:
        return SENTENCE_END.fullmatch(after_text) is not None
    return after_text.startswith(before_text) and SENTENCE_END.fullmatch(after_text[len(before_text) :]) is not None


def marks_only(word: str) -> bool:
    return not any(ch.isalnum() for ch in word)


# What a number counts, said in words, and how a number in digits may write it instead: a currency
# or percent as its sign, a unit of measure as its short form (asr-guard.ts).
UNITS = [
    (re.compile(r"\beuros?\b", re.I), re.compile(r"€")),
    (re.compile(r"\bdollars?\b", re.I), re.compile(r"\$")),
    (re.compile(r"\bpounds?\b", re.I), re.compile(r"£")),
    (re.compile(r"\byen\b", re.I), re.compile(r"¥")),
    (re.compile(r"\bper\s*cent\b", re.I), re.compile(r"%")),
    (re.compile(r"\bmilligrams?\b", re.I), re.compile(r"\bmg\b", re.I)),
    (re.compile(r"\bmicrograms?\b", re.I), re.compile(r"(?:\bmcg|µg)\b", re.I)),
    (re.compile(r"\b(?:kilo)?grams?\b", re.I), re.compile(r"\bk?g\b", re.I)),
    (re.compile(r"\bmillilit(?:re|er)s?\b", re.I), re.compile(r"\bml\b", re.I)),
    (re.compile(r"\b(?:milli|centi|kilo)?met(?:re|er)s?\b", re.I), re.compile(r"\b(?:mm|cm|km|m)\b", re.I)),
    (re.compile(r"\blit(?:re|er)s?\b", re.I), re.compile(r"\bl\b", re.I)),
]


def drops_unit(before: str, after: str) -> bool:
    """A number written in digits that loses what it counted ("four thousand euros" → "4,000",
    "five milligrams" → "5 million dollars")."""
    return any(said.search(before) and not said.search(after) and not written.search(after) for said, written in UNITS)


# The words that say a number (src/corrector/decoding/spoken-numbers.ts reads them).
NUMBER_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand "
    "million billion first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth "
    "fortieth fiftieth sixtieth seventieth eightieth ninetieth".split()
)


def says_a_number(words: list[str]) -> bool:
    """Whether the words say a number, in digits or in words."""
    text = " ".join(words)
    return any(ch.isdigit() for ch in text) or any(word.lower() in NUMBER_WORDS for word in re.findall(r"[^\W\d_]+", text))


def rewrites_words(before: list[str], after: list[str]) -> bool:
    """Words replaced by other words: not by digits for a number said (unless the number loses its
    currency or percent), not only in case or punctuation (asr-guard.ts). Digits where no number was
    said ("invoice" → "€70.0") are the model's training templates."""
    if not before or not after:
        return False
    # Two words of marks in a row ("- - - -Wor") are the model looping, never a transcript's words.
    if any(marks_only(a) and marks_only(b) for a, b in zip(after, after[1:])):
        return True
    if any(ch.isdigit() for word in after for ch in word):
        return not says_a_number(before) or drops_unit(" ".join(before), " ".join(after))
    return normalize(" ".join(before)) != normalize(" ".join(after))


MIN_DELETION_CONFIDENCE = 0.7


def is_unsure_deletion(before: list[str], after: list[str], confidence: float) -> bool:
    """Words (not only punctuation) deleted below the ASR gate (asr-guard.ts)."""
    return bool(before) and not after and confidence < MIN_DELETION_CONFIDENCE and normalize(" ".join(before)) != ""


# Below this the model's changes of punctuation a transcript already has are more often wrong than
# right (OOD dev meetings in written form, as 1-best and 5-best: 9 fixed, 22 broken below 0.9, and
# 248 fixed, 2 broken above it). asr-guard.ts is the twin.
MIN_PUNCTUATION_CHANGE_CONFIDENCE = 0.9
PUNCTUATION = re.compile(r"[.,;:!?]")


def is_unsure_punctuation_change(before: list[str], after: list[str], confidence: float) -> bool:
    """The recognizer's own punctuation changed, the words the same, below the gate (asr-guard.ts)."""
    before_text, after_text = " ".join(before), " ".join(after)
    return (
        bool(before)
        and bool(after)
        and confidence < MIN_PUNCTUATION_CHANGE_CONFIDENCE
        and PUNCTUATION.search(before_text) is not None
        and normalize(before_text) == normalize(after_text)
    )


def beyond_ascii(text: str) -> Counter:
    """The letters, marks and signs outside ASCII in the text, counted."""
    return Counter(ch for ch in text if ord(ch) >= 128 and unicodedata.category(ch)[0] in "LPS")


def loses_characters_beyond_ascii(before: str, after: str) -> bool:
    """Fewer of some letter, mark or sign outside ASCII after than before: the model seldom writes
    one, and dropped "Kraków" to "Krak", “The to "The (unwritten-letters.ts is the twin)."""
    if all(ord(ch) < 128 for ch in before):
        return False
    kept = beyond_ascii(after)
    return any(kept[ch] < n for ch, n in beyond_ascii(before).items())


def confident_correction(
    source: str,
    output: str,
    spans: list[tuple[int, int]],
    probabilities: list[float],
    min_confidence: float,
    ocr_line: bool = False,
    asr_segment: bool = False,
) -> str:
    """`output` with the edits below `min_confidence` undone (words joined by single spaces)."""
    if min_confidence <= 0 and not ocr_line and not asr_segment and source.isascii():
        return output
    source_words = source.split()
    output_words = [(m.group(), m.start(), m.end()) for m in WORD.finditer(output)]

    def confidence(start: int, end: int) -> float:
        covering = [p for (a, b), p in zip(spans, probabilities) if a < end and b > start]
        if covering:
            return min(covering)
        following = [p for (a, _), p in zip(spans, probabilities) if a >= end]
        if following:
            return following[0]
        return probabilities[-1] if probabilities else 1.0  # a deletion at the very end: the last token

    result: list[str] = []
    group_source: list[str] = []
    group_output: list[int] = []
    next_output = 0  # the output word the next alignment step reaches (where a deletion sits)

    def close_group(at_end: bool = False) -> None:
        if not group_source and not group_output:
            return
        if group_output:
            start, end = output_words[group_output[0]][1], output_words[group_output[-1]][2]
        else:
            start = end = output_words[next_output][1] if next_output < len(output_words) else len(output)
        replacement = [output_words[k][0] for k in group_output]
        group_confidence = confidence(start, end if group_output else end + 1)
        keep = group_confidence >= min_confidence
        if loses_characters_beyond_ascii(" ".join(group_source), " ".join(replacement)):
            keep = False
        if ocr_line and appends_sentence_end(source, group_source, replacement, at_end):
            keep = False
        if asr_segment and rewrites_words(group_source, replacement):
            keep = False
        # Words the recognizer did not write: the model cannot hear which it missed (asr-guard.ts).
        if asr_segment and not group_source and any(ch.isalnum() for word in replacement for ch in word):
            keep = False
        if asr_segment and is_unsure_deletion(group_source, replacement, group_confidence):
            keep = False
        if asr_segment and is_unsure_punctuation_change(group_source, replacement, group_confidence):
            keep = False
        result.extend(replacement if keep else group_source)
        group_source.clear()
        group_output.clear()

    for op, source_word, _ in align(source_words, [word for word, _, _ in output_words]):
        if op == "ok":
            close_group()
            result.append(source_word)
        elif source_word is not None:
            group_source.append(source_word)
        if op in ("sub", "ins"):
            group_output.append(next_output)
        if op != "del":
            next_output += 1
    close_group(at_end=True)
    return " ".join(result)
