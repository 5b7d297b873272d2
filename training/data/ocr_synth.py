"""Stage 5b: synthetic OCR errors calibrated on real tesseract output.

Character confusions counted on real lines are mixed with the classic ones (rn/m, l/1/I, O/0,
cl/d) so that rare but typical shapes appear too; plus broken and merged words, dropped and extra
spaces, and hyphenation where lines of a paragraph were joined ("recog- nition").
"""

from __future__ import annotations

import random
from typing import Any, Dict, List, Mapping, Optional, Tuple

CLASSIC_CONFUSIONS: Dict[str, List[str]] = {
    "rn": ["m"],
    "m": ["rn", "nn", "in"],
    "cl": ["d"],
    "d": ["cl"],
    "li": ["h"],
    "h": ["li", "b"],
    "w": ["vv"],
    "vv": ["w"],
    "ri": ["n"],
    "in": ["m"],
    "l": ["1", "I", "|", "i"],
    "I": ["l", "1", "|"],
    "1": ["l", "I", "i"],
    "i": ["l", "1", "!"],
    "O": ["0", "Q", "D"],
    "0": ["O", "o"],
    "o": ["0", "c", "a"],
    "e": ["c", "o"],
    "c": ["e", "o"],
    "a": ["o", "e", "s"],
    "S": ["5", "$"],
    "5": ["S"],
    "B": ["8", "E"],
    "8": ["B", "3"],
    "g": ["q", "9"],
    "t": ["f", "l"],
    "f": ["t"],
    "u": ["n", "ii"],
    "n": ["u", "ri"],
    "y": ["v"],
    "v": ["y"],
    ".": [",", ""],
    ",": [".", ""],
    "'": ["`", ""],
    '"': ["''", "\u201c"],
    "fi": ["fl", "ti"],
    "tt": ["ll"],
    "E": ["F"],
}


class OcrErrorModel:
    def __init__(self, calibration: Mapping[str, Any]) -> None:
        self.calibration = calibration
        self.confusions: Dict[str, Tuple[List[str], List[float]]] = {}
        observed: Mapping[str, Mapping[str, int]] = calibration["substitutions"]
        for source in set(CLASSIC_CONFUSIONS) | set(observed):
            targets: Dict[str, float] = {t: 1.0 for t in CLASSIC_CONFUSIONS.get(source, [])}
            for target, count in observed.get(source, {}).items():
                targets[target] = targets.get(target, 0.0) + float(count)
            if targets:
                self.confusions[source] = (list(targets), list(targets.values()))
        self.sources = sorted(self.confusions, key=len, reverse=True)
        share = calibration["op_share"]
        self.operations = ["sub", "del", "ins", "space", "hyphen"]
        self.operation_weights = [share["sub"], share["del"], share["ins"], 0.12, 0.02]
        self.deletions = calibration["deletions"]
        self.insertions = calibration["insertions"]

    def _substitute(self, text: str, rng: random.Random) -> Optional[str]:
        for _ in range(8):
            position = rng.randrange(len(text))
            matches = [s for s in self.sources if text.startswith(s, position)]
            if matches:
                source = rng.choice(matches)
                targets, weights = self.confusions[source]
                target = rng.choices(targets, weights)[0]
                return text[:position] + target + text[position + len(source) :]
        return None

    def _delete(self, text: str, rng: random.Random) -> Optional[str]:
        weighted = [(i, 1.0 + self.deletions.get(c, 0)) for i, c in enumerate(text)]
        position = rng.choices([i for i, _ in weighted], [w for _, w in weighted])[0]
        return text[:position] + text[position + 1 :]

    def _insert(self, text: str, rng: random.Random) -> str:
        inserted = rng.choices(list(self.insertions), list(self.insertions.values()))[0]
        position = rng.randrange(len(text) + 1)
        return text[:position] + inserted + text[position:]

    @staticmethod
    def _space(text: str, rng: random.Random) -> Optional[str]:
        spaces = [i for i, c in enumerate(text) if c == " "]
        if spaces and rng.random() < 0.6:
            position = rng.choice(spaces)
            return text[:position] + text[position + 1 :]
        letters = [i for i in range(1, len(text) - 1) if text[i - 1].isalpha() and text[i].isalpha()]
        if not letters:
            return None
        position = rng.choice(letters)
        return text[:position] + " " + text[position:]

    @staticmethod
    def _hyphenate(text: str, rng: random.Random) -> Optional[str]:
        words = text.split(" ")
        long_words = [i for i, w in enumerate(words) if len(w) >= 7 and w.isalpha()]
        if not long_words:
            return None
        index = rng.choice(long_words)
        cut = rng.randrange(3, len(words[index]) - 2)
        words[index] = words[index][:cut] + "- " + words[index][cut:]
        return " ".join(words)

    def corrupt(self, text: str, rng: random.Random, error_rate: Optional[float] = None) -> str:
        """The text with about error_rate character edits per character."""
        if error_rate is None:
            error_rate = rng.choice(self.calibration["segment_cer"])
        wanted = max(1, round(error_rate * len(text) * rng.uniform(0.7, 1.3)))
        output = text
        for _ in range(wanted):
            if not output:
                break
            operation = rng.choices(self.operations, self.operation_weights)[0]
            if operation == "sub":
                changed = self._substitute(output, rng)
            elif operation == "del":
                changed = self._delete(output, rng)
            elif operation == "ins":
                changed = self._insert(output, rng)
            elif operation == "space":
                changed = self._space(output, rng)
            else:
                changed = self._hyphenate(output, rng)
            output = changed if changed is not None else output
        return output
