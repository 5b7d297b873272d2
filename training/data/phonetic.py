"""Homophones and near-homophones from CMUdict, for plausible recognizer substitutions."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Dict, Iterable, List, Set, Tuple

Pronunciation = Tuple[str, ...]


def read_cmudict(path: Path) -> Dict[str, List[Pronunciation]]:
    pronunciations: Dict[str, List[Pronunciation]] = defaultdict(list)
    with open(path, encoding="latin-1") as handle:
        for line in handle:
            if not line.strip() or line.startswith(";;;"):
                continue
            word, _, phones = line.strip().partition("  ")
            word = re.sub(r"\(\d+\)$", "", word).lower()
            pronunciations[word].append(tuple(re.sub(r"\d", "", p) for p in phones.split()))
    return pronunciations


class PhoneticNeighbours:
    """Words one phone edit (or zero) away, restricted to a vocabulary a recognizer would print."""

    def __init__(self, pronunciations: Dict[str, List[Pronunciation]], vocabulary: Iterable[str]):
        self._pronunciations = pronunciations
        self._by_key: Dict[Pronunciation, Set[str]] = defaultdict(set)
        for word in vocabulary:
            for pronunciation in pronunciations.get(word, []):
                for key in self._keys(pronunciation):
                    self._by_key[key].add(word)

    @staticmethod
    def _keys(pronunciation: Pronunciation) -> List[Pronunciation]:
        keys = [pronunciation]
        if len(pronunciation) > 1:
            keys.extend(pronunciation[:i] + pronunciation[i + 1 :] for i in range(len(pronunciation)))
        return keys

    def homophones(self, word: str) -> List[str]:
        found: Set[str] = set()
        for pronunciation in self._pronunciations.get(word, []):
            found |= self._by_key.get(pronunciation, set())
        found.discard(word)
        return sorted(found)

    def neighbours(self, word: str) -> List[str]:
        found: Set[str] = set()
        for pronunciation in self._pronunciations.get(word, []):
            for key in self._keys(pronunciation):
                found |= self._by_key.get(key, set())
        found.discard(word)
        return sorted(found)
