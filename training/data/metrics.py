"""Normalization, edit alignment and error rates shared by every stage (README.md, "N-best JSONL and metrics")."""

from __future__ import annotations

import re
from typing import List, Optional, Sequence, Tuple

_APOSTROPHE_INSIDE_WORD = re.compile(r"(?<=\w)'(?=\w)")
_NON_WORD = re.compile(r"[^\w\s\u0001]")

# An alignment step: (operation, reference item, hypothesis item); operation is one of
# "ok", "sub", "del" (reference item missing from the hypothesis) or "ins".
AlignmentStep = Tuple[str, Optional[str], Optional[str]]


def normalize(text: str) -> str:
    """Lower case, punctuation removed except apostrophes inside words, white space collapsed."""
    text = text.lower().replace("\u2019", "'")
    text = _APOSTROPHE_INSIDE_WORD.sub("\u0001", text)
    text = _NON_WORD.sub(" ", text).replace("_", " ")
    return " ".join(text.replace("\u0001", "'").split())


def align(reference: Sequence[str], hypothesis: Sequence[str]) -> List[AlignmentStep]:
    """Levenshtein alignment with a backtrace that prefers substitutions over insert/delete pairs."""
    rows, cols = len(reference) + 1, len(hypothesis) + 1
    cost = [[0] * cols for _ in range(rows)]
    for i in range(rows):
        cost[i][0] = i
    for j in range(cols):
        cost[0][j] = j
    for i in range(1, rows):
        ref_item = reference[i - 1]
        row, above = cost[i], cost[i - 1]
        for j in range(1, cols):
            diagonal = above[j - 1] + (0 if ref_item == hypothesis[j - 1] else 1)
            row[j] = min(diagonal, above[j] + 1, row[j - 1] + 1)
    steps: List[AlignmentStep] = []
    i, j = len(reference), len(hypothesis)
    while i > 0 or j > 0:
        if i > 0 and j > 0:
            same = reference[i - 1] == hypothesis[j - 1]
            if cost[i][j] == cost[i - 1][j - 1] + (0 if same else 1):
                steps.append(("ok" if same else "sub", reference[i - 1], hypothesis[j - 1]))
                i, j = i - 1, j - 1
                continue
        if i > 0 and cost[i][j] == cost[i - 1][j] + 1:
            steps.append(("del", reference[i - 1], None))
            i -= 1
        else:
            steps.append(("ins", None, hypothesis[j - 1]))
            j -= 1
    steps.reverse()
    return steps


def edit_distance(reference: Sequence[str], hypothesis: Sequence[str]) -> int:
    previous = list(range(len(hypothesis) + 1))
    for i, ref_item in enumerate(reference, 1):
        current = [i] + [0] * len(hypothesis)
        for j, hyp_item in enumerate(hypothesis, 1):
            current[j] = min(
                previous[j - 1] + (ref_item != hyp_item), previous[j] + 1, current[j - 1] + 1
            )
        previous = current
    return previous[-1]


def word_errors(reference: str, hypothesis: str) -> Tuple[int, int]:
    """(word edits, reference words) on normalized text."""
    ref_words = normalize(reference).split()
    return edit_distance(ref_words, normalize(hypothesis).split()), len(ref_words)


def char_errors(reference: str, hypothesis: str, normalized: bool = True) -> Tuple[int, int]:
    """(character edits, reference characters); raw mode keeps case and punctuation."""
    if normalized:
        ref, hyp = normalize(reference), normalize(hypothesis)
    else:
        ref, hyp = " ".join(reference.split()), " ".join(hypothesis.split())
    return edit_distance(ref, hyp), len(ref)


def wer(reference: str, hypothesis: str) -> float:
    errors, words = word_errors(reference, hypothesis)
    return errors / max(words, 1)


def cer(reference: str, hypothesis: str, normalized: bool = True) -> float:
    errors, chars = char_errors(reference, hypothesis, normalized)
    return errors / max(chars, 1)
