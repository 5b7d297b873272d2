"""Fits the OCR lexical pass's edit calibration (channel.json `edit_calibration`) on the OOD dev scans.

Why: the pass's own confidence for an edit, the posterior of the chosen word among the word's options,
is a poor judge of whether taking the edit helps. Gated at 0.7 on the OOD dev scans it gave CER
−13.2%, while taking exactly the edits that lower a line's character errors would give −22.7%: the
candidates are there, the gate throws good ones away and keeps bad ones. A logistic regression on what
the pass knows of each edit (the posterior, whether the scan's word is a known word, its length,
whether it is capitalised, how common the replacement is, the letters the two share, and how often
each occurs in the document) turns that into the probability that the edit lowers the line's
character errors, which the pass then reports as the edit's confidence and the
app gates at `lexicon_min_confidence`.

Each of the pass's edits on the dev scans (lines read with their word confidences, as the app reads
them; acronyms and codes left out, as the app leaves them) is labelled by its own effect: the line's
character errors (training/data/metrics.py, as `neko eval` counts CER) with the edit alone against
without it. Helpful edits are positives, harmful ones negatives weighted by how many characters they
cost or save, edits that change nothing a weak negative (0.2). Newton's method with an L2 penalty of 1
on the weights (not the bias). The figures it prints are 5-fold cross-validated by page, so a page
never judges weights fitted on itself.

    /usr/bin/python3 -m training.tools.fit_lexicon_gate                 # figures only
    /usr/bin/python3 -m training.tools.fit_lexicon_gate --write         # and into channel.json
    /usr/bin/python3 -m training.tools.fit_lexicon_gate --channel-weight 6 --known-word-penalty 0.75

The last fits with other search settings (figures only; with --write they go into channel.json too).
A lone "|" read as "I" costs `pipe_cost` × `channel_weight`: keep that product (0.5) when the weight
changes. It was chosen on the real tesseract lines of training/data/real/ocr.jsonl, as the OOD dev
scans have one such "I" (their other lone "|" are ruling, which the word model keeps either way).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
from pathlib import Path

import numpy as np

from training.data.metrics import char_errors
from training.ocr_lexicon import (
    CALIBRATION_FEATURES as FEATURES,
    OcrLexicon,
    calibration_features,
    document_word_counts,
)

ROOT = Path(__file__).resolve().parents[2]
LEXICON = ROOT / "assets" / "models" / "ocr-lexicon"
DEV = ROOT / "training" / "data" / "out" / "ood-dev-ocr.jsonl"
CHECK = ROOT / "training" / "data" / "out" / "ood-business-ocr.jsonl"
# src/corrector/passes/ocr-refine.ts leaves acronyms, codes and units as printed.
CODE_WORD = re.compile(r"^(?:[A-Z]{2,5}|.*[a-z][A-Z].*)$")
# ... and unit symbols right after a number ("65 Nm"; UNITS there).
UNITS = frozenset(
    "mm cm km nm µm mg kg µg mcg ml mL cl dl Nm Hz kHz MHz GHz Pa kPa MPa hPa psi kW MW GW Wh kWh "
    "MWh mV kV mA mAh Ah dB lb lbs oz ft yd mph kph rpm bpm bps kbps Kbps Mbps Gbps kB KB MB GB TB "
    "Mb Gb px ppm mmol hrs mins secs ms kcal cal sq".split()
)
NUMBER_BEFORE = re.compile(r"\d\s*$")
WEB_ADDRESS_START = re.compile(r"www\.", re.I)


# Settings of the search worth choosing with the gate, as the calibration changes what each trades
# (a grid over them on 2026-12-07: channel weight 4 / 5 / 5.5 / 6 / 7 / 8 and the known-word penalty
# 0.5 / 0.75 / 1 / 1.5 / 2, cross-validated; 6 and 0.75 best, −14.7% → −16.0%).
TUNABLE = ("channel_weight", "known_word_penalty")


def edits_of(lexicon: OcrLexicon, path: Path) -> tuple[list[dict], list[dict]]:
    """The lines of `path`, and each edit of the uncalibrated pass with its features and effect."""
    lines, edits = [], []
    with open(path, encoding="utf-8") as handle:
        records = [json.loads(raw) for raw in handle]
    # Words are counted per page: a model fitted so holds when the app counts a whole file of pages
    # (fitted on the file's counts instead, it lost 1.4 CER points on single pages).
    pages: dict[str, list[str]] = {}
    for record in records:
        pages.setdefault(page_of(record), []).append(record["hypotheses"][0])
    counts = {page: document_word_counts(page_lines) for page, page_lines in pages.items()}
    # In file order, each line with the words of the line before where its sentence runs on, as the
    # app reads a file's scan lines.
    readings = lexicon.read_lines([(r["hypotheses"][0], r.get("word_confidences")) for r in records])
    for line_index, (record, (_, line_edits)) in enumerate(zip(records, readings)):
        line, reference = record["hypotheses"][0], record["reference"]
        lines.append({"line": line, "reference": reference})
        before = char_errors(reference, line)[0]
        for edit in line_edits:
            word = line[edit["start"] : edit["end"]]
            # The "www" that opens a web address too (src/corrector/passes/ocr-refine.ts).
            core = re.sub(r"^\W+|\W+$", "", word)
            if (
                CODE_WORD.match(core)
                or (core in UNITS and NUMBER_BEFORE.search(line[: edit["start"]]))
                or WEB_ADDRESS_START.match(line, edit["start"])
            ):
                continue
            alone = line[: edit["start"]] + edit["text"] + line[edit["end"] :]
            edits.append(
                {
                    "page": page_of(record),
                    "line": line_index,
                    "edit": edit,
                    "features": calibration_features(
                        lexicon.lexicon, word, edit["text"], edit["confidence"], counts[page_of(record)]
                    ),
                    "gain": before - char_errors(reference, alone)[0],
                }
            )
    return lines, edits


def page_of(record: dict) -> str:
    """Lines whose ids differ only after the last "-" are one page."""
    return record["id"].rsplit("-", 1)[0]


def design(edits: list[dict]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    x = np.array([[1.0, *e["features"]] for e in edits])
    gain = np.array([e["gain"] for e in edits], dtype=float)
    return x, (gain > 0).astype(float), np.where(gain != 0, np.abs(gain), 0.2)


def fit(x: np.ndarray, y: np.ndarray, weight: np.ndarray, l2: float = 1.0, steps: int = 50) -> np.ndarray:
    beta = np.zeros(x.shape[1])
    penalty = l2 * np.diag(np.r_[0.0, np.ones(x.shape[1] - 1)])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x @ beta))
        gradient = x.T @ (weight * (p - y)) + penalty @ beta
        hessian = (x.T * (weight * p * (1 - p))) @ x + penalty
        beta -= np.linalg.solve(hessian, gradient)
    return beta


def cer(lines: list[dict], edits: list[dict], take) -> float:
    """Corpus CER of the lines with the edits `take` accepts applied."""
    by_line: dict[int, list[dict]] = {}
    for edit in edits:
        if take(edit):
            by_line.setdefault(edit["line"], []).append(edit["edit"])
    errors = length = 0
    for index, item in enumerate(lines):
        text, cursor = [], 0
        for edit in sorted(by_line.get(index, []), key=lambda e: e["start"]):
            text += [item["line"][cursor : edit["start"]], edit["text"]]
            cursor = edit["end"]
        e, n = char_errors(item["reference"], "".join(text) + item["line"][cursor:])
        errors, length = errors + e, length + n
    return errors / length


def report(name: str, lines: list[dict], edits: list[dict], probability, gate: float) -> None:
    source = cer(lines, edits, lambda e: False)
    change = lambda take: f"{100 * (cer(lines, edits, take) / source - 1):+.2f}%"  # noqa: E731
    print(
        f"{name}: {len(edits)} edits, {sum(e['gain'] > 0 for e in edits)} helpful, "
        f"{sum(e['gain'] < 0 for e in edits)} harmful; CER {100 * source:.2f}%; posterior >= 0.7 "
        f"{change(lambda e: e['edit']['confidence'] >= 0.7)}; calibrated >= {gate} "
        f"{change(lambda e: probability(e) >= gate)}; every helpful edit {change(lambda e: e['gain'] > 0)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gate", type=float, default=0.5, help="the calibrated confidence an edit needs")
    parser.add_argument("--write", action="store_true", help="write the weights into channel.json")
    for setting in TUNABLE:
        parser.add_argument(f"--{setting.replace('_', '-')}", type=float, help=f"another {setting} to fit with")
    args = parser.parse_args()
    lexicon = OcrLexicon(LEXICON)
    lexicon.settings.pop("edit_calibration", None)  # fit on the posteriors themselves
    chosen = {setting: getattr(args, setting) for setting in TUNABLE if getattr(args, setting) is not None}
    lexicon.settings.update(chosen)
    lines, edits = edits_of(lexicon, DEV)
    x, y, weight = design(edits)
    pages = sorted({e["page"] for e in edits})
    random.Random(1).shuffle(pages)
    fold = {page: i % 5 for i, page in enumerate(pages)}
    held_out = np.zeros(len(edits))
    for k in range(5):
        train = np.array([fold[e["page"]] != k for e in edits])
        held_out[~train] = 1 / (1 + np.exp(-x[~train] @ fit(x[train], y[train], weight[train])))
    cross_validated = {id(e): p for e, p in zip(edits, held_out)}
    report("OOD dev, 5-fold by page", lines, edits, lambda e: cross_validated[id(e)], args.gate)
    beta = fit(x, y, weight)
    calibration = {"bias": round(float(beta[0]), 4)}
    calibration.update({name: round(float(b), 4) for name, b in zip(FEATURES, beta[1:])})
    print("edit_calibration:", json.dumps(calibration))
    check_lines, check_edits = edits_of(lexicon, CHECK)
    rounded = np.array([calibration["bias"], *(calibration[name] for name in FEATURES)])
    report(
        f"{CHECK.name} (not fitted on)",
        check_lines,
        check_edits,
        lambda e: 1 / (1 + math.exp(-float(np.r_[1.0, e["features"]] @ rounded))),
        args.gate,
    )
    if args.write:
        path = LEXICON / "channel.json"
        settings = json.loads(path.read_text(encoding="utf-8"))
        settings.update(chosen)
        settings["edit_calibration"] = calibration
        settings["lexicon_min_confidence"] = args.gate
        path.write_text(json.dumps(settings, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
