"""Stage 5a: synthetic ASR N-best lists calibrated on real pocketsphinx errors.

The reference is written text; the hypotheses are its spoken form (verbalize.py) with word
substitutions (observed confusions first, then CMUdict homophones and one-phone neighbours),
deletions of short words, insertions, splits and merges, as recognizers make them. The other
hypotheses differ from the best by a few local edits, like real N-best lists.
"""

from __future__ import annotations

import random
from typing import Any, Dict, List, Mapping, Optional, Sequence, Set

from .phonetic import PhoneticNeighbours
from .verbalize import verbalize


class AsrErrorModel:
    def __init__(
        self,
        calibration: Mapping[str, Any],
        neighbours: PhoneticNeighbours,
        vocabulary: Set[str],
    ) -> None:
        self.calibration = calibration
        self.neighbours = neighbours
        self.vocabulary = vocabulary
        rates = calibration["rates"]
        total = rates["sub"] + rates["del"] + rates["ins"]
        self.operation_share = {op: rates[op] / total for op in ("sub", "del", "ins")}
        self.deletion_words = dict(calibration["deletions"])
        self.insertion_words = list(calibration["insertions"])
        self.insertion_weights = list(calibration["insertions"].values())

    def _substitute(self, word: str, rng: random.Random) -> str:
        observed = self.calibration["substitutions"].get(word)
        if observed and rng.random() < 0.6:
            return str(rng.choices(list(observed), list(observed.values()))[0])
        roll = rng.random()
        if roll < 0.1 and len(word) >= 6:
            split = self._split(word)
            if split:
                return split
        candidates = self.neighbours.homophones(word) if roll < 0.4 else []
        candidates = candidates or self.neighbours.neighbours(word)
        if candidates:
            return rng.choice(candidates)
        return rng.choice(self.insertion_words) if self.insertion_words else word

    def _split(self, word: str) -> Optional[str]:
        for cut in range(2, len(word) - 1):
            left, right = word[:cut], word[cut:]
            if len(left) >= 2 and len(right) >= 2 and left in self.vocabulary and right in self.vocabulary:
                return f"{left} {right}"
        return None

    def _delete_weight(self, word: str) -> float:
        return 1.0 + self.deletion_words.get(word, 0) + (2.0 if len(word) <= 3 else 0.0)

    def corrupt(self, words: Sequence[str], error_rate: float, rng: random.Random) -> List[str]:
        """One hypothesis with about error_rate word errors per spoken word."""
        output = list(words)
        wanted = sum(rng.random() < error_rate for _ in words)
        for _ in range(wanted):
            if not output:
                break
            operation = rng.choices(
                ["sub", "del", "ins", "merge"],
                [self.operation_share["sub"], self.operation_share["del"], self.operation_share["ins"], 0.03],
            )[0]
            if operation == "sub":
                position = rng.randrange(len(output))
                output[position] = self._substitute(output[position], rng)
            elif operation == "del" and len(output) > 1:
                weights = [self._delete_weight(w) for w in output]
                del output[rng.choices(range(len(output)), weights)[0]]
            elif operation == "ins" and self.insertion_words:
                word = rng.choices(self.insertion_words, self.insertion_weights)[0]
                output.insert(rng.randrange(len(output) + 1), word)
            elif operation == "merge" and len(output) > 1:
                position = rng.randrange(len(output) - 1)
                merged = output[position] + output[position + 1]
                if merged in self.vocabulary:
                    output[position : position + 2] = [merged]
        return " ".join(output).split()

    def nbest(self, reference: str, rng: random.Random, error_rate: Optional[float] = None) -> List[str]:
        """Up to 5 distinct hypotheses, best first, for a written reference."""
        spoken = verbalize(reference).split()
        if error_rate is None:
            error_rate = rng.choice(self.calibration["segment_wer"])
        best = self.corrupt(spoken, error_rate, rng)
        if not best:
            best = spoken[:1]
        count_table: Dict[str, int] = self.calibration["nbest"]["count"]
        wanted = int(rng.choices(list(count_table), list(count_table.values()))[0])
        edit_counts: List[int] = self.calibration["nbest"]["edits_from_best"] or [1]
        hypotheses = [" ".join(best)]
        for _ in range(wanted * 6):
            if len(hypotheses) >= wanted:
                break
            variant = self._variant(best, spoken, rng, max(1, rng.choice(edit_counts)))
            text = " ".join(variant)
            if text and text not in hypotheses:
                hypotheses.append(text)
        return hypotheses

    def _variant(
        self, best: List[str], spoken: List[str], rng: random.Random, edits: int
    ) -> List[str]:
        variant = list(best)
        # Real alternatives differ from the best in one region of the utterance, not all over it.
        centre = rng.randrange(max(len(variant), 1))
        for _ in range(min(edits, 8)):
            if not variant:
                break
            roll = rng.random()
            spread = rng.randint(-edits, edits)
            position = min(max(centre + spread, 0), len(variant) - 1)
            if roll < 0.25 and position < len(spoken) and variant[position] != spoken[position]:
                variant[position] = spoken[position]
            elif roll < 0.7:
                variant[position] = self._substitute(variant[position], rng)
            elif roll < 0.85 and len(variant) > 1:
                del variant[position]
            elif self.insertion_words:
                variant.insert(position, rng.choices(self.insertion_words, self.insertion_weights)[0])
        return " ".join(variant).split()
