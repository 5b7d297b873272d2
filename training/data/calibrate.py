"""Confusion statistics counted on real recognizer output; the synthetic generators sample from them.

The tables are small JSON files in training/data/calibration/ (committed). Before any real output
exists the generators fall back to DEFAULT_ASR / DEFAULT_OCR, rough figures measured before any real output existed.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any, Dict, Iterable, List, Mapping

from .metrics import align, edit_distance
from .verbalize import verbalize

CALIBRATION_DIR = Path(__file__).resolve().parent / "calibration"
TOP_PAIRS = 4000

DEFAULT_ASR: Dict[str, Any] = {
    "source": "default (no real output counted yet)",
    "rates": {"sub": 0.14, "del": 0.05, "ins": 0.03},
    "segment_wer": [0.0] * 10 + [0.05 * k for k in range(1, 13) for _ in range(6)],
    "substitutions": {},
    "deletions": {"the": 5, "a": 4, "and": 4, "of": 3, "to": 3, "in": 3, "is": 2, "that": 2},
    "insertions": {"the": 5, "a": 4, "and": 4, "in": 3, "of": 2, "to": 2, "uh": 1, "it": 1},
    "nbest": {"count": {"5": 90, "4": 5, "3": 3, "2": 1, "1": 1}, "edits_from_best": [1, 1, 2, 2, 3]},
}
DEFAULT_OCR: Dict[str, Any] = {
    "source": "default (no real output counted yet)",
    "segment_cer": [0.02 + 0.01 * k for k in range(19)],
    "op_share": {"sub": 0.55, "del": 0.2, "ins": 0.25},
    "substitutions": {},
    "deletions": {" ": 5, ".": 3, ",": 3, "'": 2, "i": 1, "l": 1, "t": 1},
    "insertions": {" ": 5, ".": 2, "'": 2, ",": 2, "i": 1, "l": 1, "-": 1},
}


def _top(counter: Mapping[str, int], limit: int) -> Dict[str, int]:
    return dict(Counter(counter).most_common(limit))


def asr_statistics(records: Iterable[Mapping[str, Any]]) -> Dict[str, Any]:
    """Word-level confusions between the spoken form of the reference and the recognizer's output."""
    substitutions: Dict[str, Counter[str]] = {}
    deletions: Counter[str] = Counter()
    insertions: Counter[str] = Counter()
    operations: Counter[str] = Counter()
    segment_wer: List[float] = []
    count_of_hypotheses: Counter[str] = Counter()
    edits_from_best: List[int] = []
    reference_words = 0
    for record in records:
        spoken = verbalize(record["reference"]).split()
        best = record["hypotheses"][0].split()
        reference_words += len(spoken)
        errors = 0
        for operation, ref_word, hyp_word in align(spoken, best):
            operations[operation] += 1
            if operation == "sub":
                substitutions.setdefault(str(ref_word), Counter())[str(hyp_word)] += 1
            elif operation == "del":
                deletions[str(ref_word)] += 1
            elif operation == "ins":
                insertions[str(hyp_word)] += 1
            errors += operation != "ok"
        segment_wer.append(round(errors / max(len(spoken), 1), 3))
        count_of_hypotheses[str(len(record["hypotheses"]))] += 1
        edits_from_best.extend(edit_distance(best, h.split()) for h in record["hypotheses"][1:])
    if reference_words == 0:
        raise ValueError("no real ASR records to calibrate on")
    pairs = sorted(
        ((ref, hyp, n) for ref, hyps in substitutions.items() for hyp, n in hyps.items()),
        key=lambda item: -item[2],
    )[:TOP_PAIRS]
    table: Dict[str, Dict[str, int]] = {}
    for ref, hyp, n in pairs:
        table.setdefault(ref, {})[hyp] = n
    return {
        "source": f"{len(segment_wer)} real pocketsphinx segments",
        "rates": {op: operations[op] / reference_words for op in ("sub", "del", "ins")},
        "segment_wer": sorted(segment_wer),
        "substitutions": table,
        "deletions": _top(deletions, 300),
        "insertions": _top(insertions, 300),
        "nbest": {"count": dict(count_of_hypotheses), "edits_from_best": sorted(edits_from_best)},
    }


def ocr_statistics(records: Iterable[Mapping[str, Any]]) -> Dict[str, Any]:
    """Character confusions (substitutions of up to 2 characters by up to 2) on real OCR lines."""
    substitutions: Dict[str, Counter[str]] = {}
    deletions: Counter[str] = Counter()
    insertions: Counter[str] = Counter()
    operations: Counter[str] = Counter()
    segment_cer: List[float] = []
    for record in records:
        reference, hypothesis = record["reference"], record["hypotheses"][0]
        steps = align(list(reference), list(hypothesis))
        errors = 0
        index = 0
        while index < len(steps):
            operation, ref_char, hyp_char = steps[index]
            if operation == "ok":
                index += 1
                continue
            # Merge a run of adjacent edits (e.g. "rn" → "m" is sub + del) into one confusion.
            run = [steps[index]]
            while index + len(run) < len(steps) and steps[index + len(run)][0] != "ok":
                run.append(steps[index + len(run)])
            index += len(run)
            errors += len(run)
            source = "".join(r or "" for _, r, _ in run)
            target = "".join(h or "" for _, _, h in run)
            if not source:
                insertions[target] += 1
                operations["ins"] += 1
            elif not target:
                deletions[source] += 1
                operations["del"] += 1
            elif len(source) <= 3 and len(target) <= 3:
                substitutions.setdefault(source, Counter())[target] += 1
                operations["sub"] += 1
        segment_cer.append(round(errors / max(len(reference), 1), 3))
    total = sum(operations.values())
    if not segment_cer:
        raise ValueError("no real OCR records to calibrate on")
    return {
        "source": f"{len(segment_cer)} real tesseract lines",
        "segment_cer": sorted(segment_cer),
        "op_share": {op: operations[op] / max(total, 1) for op in ("sub", "del", "ins")},
        "substitutions": {
            source: _top(targets, 20)
            for source, targets in sorted(substitutions.items(), key=lambda kv: -sum(kv[1].values()))[
                :TOP_PAIRS
            ]
        },
        "deletions": _top(deletions, 200),
        "insertions": _top(insertions, 200),
    }


def save(table: Mapping[str, Any], name: str, directory: Path = CALIBRATION_DIR) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{name}.json"
    temporary = path.with_suffix(".json.tmp")
    temporary.write_text(json.dumps(table, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    temporary.replace(path)
    return path


def load(name: str, directory: Path = CALIBRATION_DIR) -> Dict[str, Any]:
    path = directory / f"{name}.json"
    if path.exists():
        loaded: Dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return loaded
    return dict(DEFAULT_ASR if name == "asr" else DEFAULT_OCR)
