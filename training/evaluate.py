"""Evaluates a trained corrector on held-out real recognizer output (the metrics of README.md, "N-best JSONL and metrics").

    nice /usr/bin/python3 -m training.evaluate --checkpoint training/runs/cpu/best.pt \\
        --tokenizer training/runs/cpu/tokenizer.json training/data/out/test.jsonl --out report.json

Per task, on the segments with errors to fix (origin other than "clean"): WER and CER (normalized),
case- and punctuation-sensitive WER, for the recognizer's best hypothesis, the N-best oracle (the
hypothesis with the fewest word errors) and the correction (greedy decoding in PyTorch), with the
relative change against the best hypothesis. On the clean subset (correct text in): do-no-harm, the
share of words the corrector changes (case- and punctuation-sensitive, and normalized).

With `--ocr-lexicon assets/models/ocr-lexicon`, OCR segments are corrected as the app corrects them:
the model's edits of at least the lexicon's `model_min_confidence`, then the lexical pass
(ocr_lexicon.py).
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from pathlib import Path

import torch

from .data.metrics import edit_distance, normalize
from .dataset import read_records
from .decoding import greedy_decode
from .gating import confident_correction, token_spans
from .model import Corrector, ModelDimensions
from .ocr_lexicon import OcrLexicon
from .tokenizer import Tokenizer, build_source


def raw_words(text: str) -> list[str]:
    return text.split()


class ErrorCounter:
    """Sums edits and reference lengths, so that rates are corpus-level, not averages of segments."""

    def __init__(self) -> None:
        self.edits: dict[str, int] = defaultdict(int)
        self.lengths: dict[str, int] = defaultdict(int)

    def add(self, reference: str, hypothesis: str) -> None:
        reference_words, hypothesis_words = normalize(reference).split(), normalize(hypothesis).split()
        self.edits["wer"] += edit_distance(reference_words, hypothesis_words)
        self.lengths["wer"] += len(reference_words)
        self.edits["cer"] += edit_distance(normalize(reference), normalize(hypothesis))
        self.lengths["cer"] += len(normalize(reference))
        self.edits["wer_cased"] += edit_distance(raw_words(reference), raw_words(hypothesis))
        self.lengths["wer_cased"] += len(raw_words(reference))

    def rates(self) -> dict[str, float]:
        return {name: self.edits[name] / max(1, self.lengths[name]) for name in ("wer", "cer", "wer_cased")}


def oracle_hypothesis(reference: str, hypotheses: list[str]) -> str:
    reference_words = normalize(reference).split()
    return min(hypotheses, key=lambda h: edit_distance(reference_words, normalize(h).split()))


def load_checkpoint(checkpoint_path: str, tokenizer_path: str) -> tuple[Corrector, Tokenizer, dict]:
    checkpoint = torch.load(checkpoint_path, map_location="cpu", weights_only=False)
    model = Corrector(ModelDimensions(**checkpoint["dims"]))
    model.load_state_dict(checkpoint["model"])
    return model.eval(), Tokenizer.load(tokenizer_path), checkpoint["config"]


def correct_all(
    model: Corrector,
    tokenizer: Tokenizer,
    records: list[dict],
    config: dict,
    batch_size: int,
    min_confidence: float = 0.0,
    ocr_lines: bool = False,
) -> list[str]:
    """Greedy corrections in input order; batches are sorted by source length to limit padding.

    With `min_confidence` > 0, edits whose confidence is below it are left out; with `ocr_lines`, edits
    that only end a scan's line with a period; on ASR records, replacements unlike what they replace
    (gating.py), as the app does."""
    sources = [
        build_source(tokenizer, r["hypotheses"], config["nbest_max"], config["max_source_tokens"]) for r in records
    ]
    order = sorted(range(len(records)), key=lambda i: len(sources[i]))
    corrections: list[str] = [""] * len(records)
    for start in range(0, len(order), batch_size):
        indices = order[start : start + batch_size]
        width = max(len(sources[i]) for i in indices)
        input_ids = torch.full((len(indices), width), tokenizer.pad_id, dtype=torch.long)
        attention_mask = torch.zeros((len(indices), width), dtype=torch.long)
        for row, index in enumerate(indices):
            input_ids[row, : len(sources[index])] = torch.tensor(sources[index])
            attention_mask[row, : len(sources[index])] = 1
        longest_input = max(len(tokenizer.encode(records[i]["hypotheses"][0])) for i in indices)
        max_length = min(config["max_target_tokens"], 2 * longest_input + 10)
        device = next(model.parameters()).device
        input_ids, attention_mask = input_ids.to(device), attention_mask.to(device)
        outputs = greedy_decode(
            model, input_ids, attention_mask, tokenizer.bos_id, tokenizer.eos_id, max_length
        )
        for index, (ids, probabilities) in zip(indices, outputs):
            asr = records[index].get("task") == "asr"
            if min_confidence <= 0 and not ocr_lines and not asr:
                corrections[index] = tokenizer.decode(ids)
                continue
            text, spans = token_spans(tokenizer, ids)
            source = records[index]["hypotheses"][0]
            corrections[index] = confident_correction(
                source, text, spans, probabilities, min_confidence, ocr_line=ocr_lines, asr_segment=asr
            )
    return corrections


def evaluate(records: list[dict], corrections: list[str]) -> dict:
    report: dict = {"tasks": {}, "do_no_harm": {}}
    by_task: dict[str, list[int]] = defaultdict(list)
    for index, record in enumerate(records):
        by_task[record["task"]].append(index)
    for task, indices in sorted(by_task.items()):
        noisy = [i for i in indices if records[i].get("origin") != "clean"]
        clean = [i for i in indices if records[i].get("origin") == "clean"]
        if noisy:
            best, oracle, corrected = ErrorCounter(), ErrorCounter(), ErrorCounter()
            for i in noisy:
                reference, hypotheses = records[i]["reference"], records[i]["hypotheses"]
                best.add(reference, hypotheses[0])
                oracle.add(reference, oracle_hypothesis(reference, hypotheses))
                corrected.add(reference, corrections[i])
            best_rates, corrected_rates = best.rates(), corrected.rates()
            report["tasks"][task] = {
                "segments": len(noisy),
                "best": best_rates,
                "oracle": oracle.rates(),
                "corrected": corrected_rates,
                "relative_change": {
                    name: (corrected_rates[name] - best_rates[name]) / best_rates[name] if best_rates[name] else None
                    for name in best_rates
                },
            }
        if clean:
            changed = sum(edit_distance(raw_words(records[i]["hypotheses"][0]), raw_words(corrections[i])) for i in clean)
            changed_normalized = sum(
                edit_distance(normalize(records[i]["hypotheses"][0]).split(), normalize(corrections[i]).split())
                for i in clean
            )
            words = sum(len(raw_words(records[i]["hypotheses"][0])) for i in clean)
            report["do_no_harm"][task] = {
                "segments": len(clean),
                "words_changed": changed / max(1, words),
                "words_changed_normalized": changed_normalized / max(1, words),
                "segments_unchanged": sum(corrections[i] == records[i]["hypotheses"][0] for i in clean) / len(clean),
            }
    return report


def print_report(report: dict) -> None:
    print(f"{'task':<5} {'n':>5}  {'metric':<9} {'1-best':>7} {'oracle':>7} {'corrected':>9} {'change':>8}")
    for task, figures in report["tasks"].items():
        for metric in ("wer", "cer", "wer_cased"):
            change = figures["relative_change"][metric]
            print(
                f"{task:<5} {figures['segments']:>5}  {metric:<9} {figures['best'][metric]:>7.2%} "
                f"{figures['oracle'][metric]:>7.2%} {figures['corrected'][metric]:>9.2%} "
                f"{'' if change is None else f'{change:+.1%}':>8}"
            )
    for task, figures in report["do_no_harm"].items():
        print(
            f"do-no-harm {task}: {figures['words_changed']:.2%} of words changed "
            f"({figures['words_changed_normalized']:.2%} normalized), "
            f"{figures['segments_unchanged']:.1%} of {figures['segments']} clean segments untouched"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("test_file")
    parser.add_argument("--checkpoint", required=True)
    parser.add_argument("--tokenizer", required=True)
    parser.add_argument("--batch-size", type=int, default=48)
    parser.add_argument("--limit", type=int, default=0, help="evaluate only the first N records per task")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--device", default="cpu", help="cpu, or cuda where PyTorch has a GPU")
    parser.add_argument(
        "--min-confidence",
        type=float,
        default=0.0,
        help="leave out edits whose confidence is below this (0-1), as `neko correct --min-confidence` does",
    )
    parser.add_argument(
        "--ocr-lexicon",
        help="model directory of the OCR lexical pass (assets/models/ocr-lexicon): OCR segments get the "
        "model's confident edits, then the lexical pass, as in the app",
    )
    parser.add_argument("--out", help="write the report (and the corrections) as JSON")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    model, tokenizer, config = load_checkpoint(args.checkpoint, args.tokenizer)
    model.to(torch.device(args.device))
    records = read_records(Path(args.test_file))
    if args.limit:
        seen: dict[str, int] = defaultdict(int)
        kept = []
        for record in records:
            seen[record["task"]] += 1
            if seen[record["task"]] <= args.limit:
                kept.append(record)
        records = kept
    started = time.time()
    lexicon = OcrLexicon(Path(args.ocr_lexicon)) if args.ocr_lexicon else None
    lexical = [lexicon is not None and record["task"] == "ocr" for record in records]
    ocr_gate = max(args.min_confidence, lexicon.settings["model_min_confidence"]) if lexicon else 0.0
    corrections: list[str] = [""] * len(records)
    for takes_lexicon, gate in ((False, args.min_confidence), (True, ocr_gate)):
        indices = [i for i, flag in enumerate(lexical) if flag == takes_lexicon]
        if takes_lexicon and gate >= 1:
            # As the app (usesModelEdits in src/corrector/passes/ocr-refine.ts): at a gate of 1 the
            # model's edits of OCR lines are never taken, so they are not decoded.
            texts = [records[i]["hypotheses"][0] for i in indices]
        else:
            texts = correct_all(
                model, tokenizer, [records[i] for i in indices], config, args.batch_size, gate, ocr_lines=takes_lexicon
            )
        for i, text in zip(indices, texts):
            corrections[i] = text
    if lexicon:
        # As the app reads a file's scan lines: in order, each after the one before where its sentence
        # runs on (a line of another task starts afresh).
        runs: list[list[int]] = []
        for i, flag in enumerate(lexical):
            if flag:
                if runs and runs[-1][-1] == i - 1:
                    runs[-1].append(i)
                else:
                    runs.append([i])
        for run in runs:
            for i, (text, _) in zip(run, lexicon.read_lines([(corrections[i], None) for i in run])):
                corrections[i] = text
    report = evaluate(records, corrections)
    report["seconds"] = time.time() - started
    report["test_file"] = args.test_file
    report["checkpoint"] = args.checkpoint
    report["min_confidence"] = args.min_confidence
    report["ocr_lexicon"] = args.ocr_lexicon
    print_report(report)
    if args.out:
        corrections_by_id = [{"id": r["id"], "text": c} for r, c in zip(records, corrections)]
        Path(args.out).write_text(json.dumps({**report, "corrections": corrections_by_id}, indent=1) + "\n")


if __name__ == "__main__":
    main()
