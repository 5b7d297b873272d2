"""Out-of-domain evaluation sets: real recognizer output on text that is in no split of the corpus.

    python3 -m training.data.ood                  # → training/data/out/ood-*.jsonl, then:
    npm run neko -- eval training/data/out/ood-business-asr.jsonl

The test split shares its sources with training (other documents of the same State of the Union
addresses, e-mails and generated business text), so it shows how the corrector does on text like what
it learned from. These sets show how it does on text it has not seen the like of, through the same real
pipelines as the training data (stage 2 and 3 of build.py):

  business  ood-business.txt, 60 sentences written for this check (meetings, letters, invoices,
            reports); each spoken with 3 voice settings, plus the 30 first as correct transcripts
            (do-no-harm), and the whole text rendered as 4 scans
  licences  the licence texts Debian installs in /usr/share/common-licenses (legal prose; read there,
            not stored here): sentences spoken once, paragraphs rendered once
  dev,test  the out-of-domain dev and test sets every model change is decided (dev) and reported (test)
            on; texts written for them (ood/, one author a file) and nothing else shared with training:
            meeting and call talk spoken by a voice, speeds, noise and rooms training never heard
            (ood_speech.py); letters, invoices, reports and notices scanned as whole pages in faces
            and degradations training never saw (ood_scans.py); learners' sentences with their minimal
            corrections. Each file also holds correct input (origin "clean") for do-no-harm.

A scan's noise is ImageMagick's own random draw, so OCR sets differ a little from build to build.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, Dict, Iterable, List, Sequence, Tuple

from . import asr_real, jsonl, ocr_real, ood_scans, ood_speech

DATA_DIR = Path(__file__).resolve().parent
BUSINESS_TEXT = DATA_DIR / "ood-business.txt"
LICENCE_DIR = Path("/usr/share/common-licenses")
LICENCES = ("GPL-3", "Apache-2.0", "MPL-2.0", "GFDL-1.3")
VOICES_PER_SENTENCE = 3
SCANS_OF_BUSINESS_TEXT = 4
LINES_PER_PAGE = 8
WRITTEN_DIR = DATA_DIR / "ood"
PROBES_DIR = DATA_DIR / "probes"
# Every n-th written utterance, scanned line and corrected sentence also goes in as correct input.
CLEAN_EVERY = 3


def business_sentences(path: Path = BUSINESS_TEXT) -> List[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def licence_paragraphs(text: str) -> List[str]:
    """Prose paragraphs of a licence: no headings, rules or tables."""
    paragraphs = (re.sub(r"\s+", " ", block).strip() for block in re.split(r"\n\s*\n", text))
    return [p for p in paragraphs if len(p) > 200 and not re.search(r"[_=]{3,}", p)]


def licence_sentences(text: str) -> List[str]:
    """Sentences of 8-22 words, the length of a spoken segment, without URLs or markup; a sentence never
    runs across a blank line (a heading above it)."""
    sentences = [
        sentence.strip()
        for block in re.split(r"\n\s*\n", text)
        for sentence in re.split(r"(?<=[.;:])\s+", re.sub(r"\s+", " ", block))
    ]
    return [s for s in sentences if 8 <= len(s.split()) <= 22 and not re.search(r"[_=<>]{2,}|http", s)]


def pages_of(name: str, text: str, copies: int) -> List[Dict[str, Any]]:
    lines = ocr_real.wrap_lines(text)
    return [
        {"id": f"{name}-{copy}-{start}", "lines": lines[start : start + LINES_PER_PAGE]}
        for copy in range(copies)
        for start in range(0, len(lines), LINES_PER_PAGE)
    ]


def real_record(record_id: str, result: Dict[str, Any], task: str) -> Dict[str, Any]:
    """An N-best record of what a real recognizer made of `result["reference"]`."""
    keys = ("hypotheses", "reference", "meta")
    return {"id": record_id, "task": task, "origin": "real", **{key: result[key] for key in keys}}


def asr_records(segments: Sequence[Dict[str, str]], jobs: int) -> List[Dict[str, Any]]:
    with ProcessPoolExecutor(jobs) as pool:
        results = list(pool.map(asr_real.recognize_segment, segments))
    return [real_record(r["segment"], r, "asr") for r in results]


def ocr_records(pages: Sequence[Dict[str, Any]], jobs: int) -> List[Dict[str, Any]]:
    with ProcessPoolExecutor(jobs) as pool:
        results = list(pool.map(ocr_real.recognize_page, pages))
    return [real_record(f"{r['segment']}:{r['line']}", r, "ocr") for page in results for r in page]


def clean_records(sentences: Iterable[str], task: str) -> List[Dict[str, Any]]:
    """Correct text in, for do-no-harm: a transcript as a good recognizer would print it."""
    return [
        {"id": f"{task}-clean-{index}", "hypotheses": [s], "reference": s, "task": task, "origin": "clean"}
        for index, s in enumerate(sentences)
    ]


def build_business(out_dir: Path, jobs: int) -> List[Tuple[str, int]]:
    sentences = business_sentences()
    segments = [
        {"id": f"business-{index}-{voice}", "text": sentence}
        for index, sentence in enumerate(sentences)
        for voice in range(VOICES_PER_SENTENCE)
    ]
    asr = asr_records(segments, jobs) + clean_records(sentences[:30], "asr")
    ocr = ocr_records(pages_of("business", " ".join(sentences), SCANS_OF_BUSINESS_TEXT), jobs)
    jsonl.write(out_dir / "ood-business-asr.jsonl", asr)
    jsonl.write(out_dir / "ood-business-ocr.jsonl", ocr)
    return [("ood-business-asr.jsonl", len(asr)), ("ood-business-ocr.jsonl", len(ocr))]


def build_licences(out_dir: Path, jobs: int) -> List[Tuple[str, int]]:
    missing = [name for name in LICENCES if not (LICENCE_DIR / name).exists()]
    if missing:
        print(f"skipping the licence sets: {LICENCE_DIR} lacks {', '.join(missing)}", file=sys.stderr)
        return []
    texts = {name: (LICENCE_DIR / name).read_text(encoding="utf-8") for name in LICENCES}
    sentences = [(name, s) for name, text in texts.items() for s in licence_sentences(text)]
    paragraphs = [(name, p) for name, text in texts.items() for p in licence_paragraphs(text)]
    rng = random.Random(11)
    rng.shuffle(sentences)
    rng.shuffle(paragraphs)
    segments = [{"id": f"licence-{name}-{i}", "text": s} for i, (name, s) in enumerate(sentences[:200])]
    pages = [
        {"id": f"licence-{name}-{i}", "lines": ocr_real.wrap_lines(p)[:6]} for i, (name, p) in enumerate(paragraphs[:160])
    ]
    asr, ocr = asr_records(segments, jobs), ocr_records(pages, jobs)
    jsonl.write(out_dir / "ood-licences-asr.jsonl", asr)
    jsonl.write(out_dir / "ood-licences-ocr.jsonl", ocr)
    return [("ood-licences-asr.jsonl", len(asr)), ("ood-licences-ocr.jsonl", len(ocr))]


def written_utterances(split: str) -> List[Dict[str, str]]:
    """ood/asr-<split>.tsv: `conversation<TAB>domain<TAB>utterance`; ids `<conversation>-<n>`, so that
    the bootstrap of `neko eval --baseline` draws a conversation's utterances together."""
    rows = [line.split("\t") for line in (WRITTEN_DIR / f"asr-{split}.tsv").read_text(encoding="utf-8").splitlines() if line]
    counts: Dict[str, int] = {}
    utterances = []
    for conversation, domain, text in rows:
        counts[conversation] = counts.get(conversation, 0) + 1
        utterances.append({"id": f"{conversation}-{counts[conversation]}", "domain": domain, "text": text})
    return utterances


def written_documents(split: str, path: Path | None = None) -> List[Dict[str, str]]:
    """ood/ocr-<split>.txt (or `path`): documents, each after a `=== <id> | <kind>` line."""
    text = (path or WRITTEN_DIR / f"ocr-{split}.txt").read_text(encoding="utf-8")
    parts = re.split(r"^=== (.*)$", text, flags=re.M)[1:]
    documents = []
    for header, body in zip(parts[0::2], parts[1::2]):
        document_id, kind = (field.strip() for field in header.split("|", 1))
        documents.append({"id": document_id, "kind": kind, "text": body.strip()})
    return documents


def learner_sentences(split: str) -> List[Dict[str, str]]:
    """ood/text-<split>.tsv: `id<TAB>error types<TAB>learner's sentence<TAB>minimal correction`."""
    rows = [line.split("\t") for line in (WRITTEN_DIR / f"text-{split}.tsv").read_text(encoding="utf-8").splitlines() if line]
    # "dev-s001" → "dev_s001": each sentence stands alone in `neko eval`'s groups (clean_copies).
    return [{"id": i.replace("-", "_"), "errors": e, "text": text, "reference": reference} for i, e, text, reference in rows]


def clean_copies(records: Sequence[Dict[str, Any]], task: str, split: str) -> List[Dict[str, Any]]:
    """Every CLEAN_EVERY-th reference as correct input, for do-no-harm. Ids without "-": `neko eval`
    draws lines that share an id up to the last "-" together, and these stand alone."""
    return [
        {"id": f"{split}_clean_{task}_{index}", "hypotheses": [r["reference"]], "reference": r["reference"], "task": task, "origin": "clean"}
        for index, r in enumerate(records[::CLEAN_EVERY])
    ]


def recognized(work: Any, items: Sequence[Dict[str, Any]], cache: Path, jobs: int, label: str) -> List[Any]:
    """`work` over every item, in order; each result is appended to `cache` as it comes, so that an
    interrupted build goes on where it stopped."""
    done = {entry["id"]: entry["result"] for entry in jsonl.read_cache(cache)}
    todo = [item for item in items if item["id"] not in done]
    if todo:
        print(f"{label}: {len(done)} cached, recognizing {len(todo)}", flush=True)
        with ProcessPoolExecutor(jobs) as pool:
            for count, (item, result) in enumerate(zip(todo, pool.map(work, todo)), 1):
                jsonl.append(cache, {"id": item["id"], "result": result})
                done[item["id"]] = result
                if count % 50 == 0:
                    print(f"{label}: {count}/{len(todo)}", flush=True)
    return [done[item["id"]] for item in items]


def build_written(split: str, out_dir: Path, jobs: int) -> List[Tuple[str, int]]:
    utterances = written_utterances(split)
    cache_dir = DATA_DIR / "work" / "ood"
    spoken = recognized(ood_speech.recognize_utterance, utterances, cache_dir / f"{split}-asr.jsonl", jobs, f"{split} speech")
    documents = written_documents(split)
    scanned = recognized(ood_scans.recognize_document, documents, cache_dir / f"{split}-ocr.jsonl", jobs, f"{split} scans")
    asr = [real_record(r["segment"], r, "asr") for r in spoken]
    for record, utterance in zip(asr, utterances):
        record["meta"]["domain"] = utterance["domain"]
    ocr = scan_records(scanned)
    text = [
        {"id": s["id"], "hypotheses": [s["text"]], "reference": s["reference"], "task": "text", "origin": "learner", "meta": {"errors": s["errors"]}}
        for s in learner_sentences(split)
    ]
    files = {
        "asr": asr + clean_copies(asr, "asr", split),
        "ocr": ocr + clean_copies(ocr, "ocr", split),
        "text": text + clean_copies([s for s in text if s["meta"]["errors"] != "none"], "text", split),
    }
    for task, records in files.items():
        jsonl.write(out_dir / f"ood-{split}-{task}.jsonl", records)
    return [(f"ood-{split}-{task}.jsonl", len(records)) for task, records in files.items()]


def scan_records(scanned: Iterable[List[Dict[str, Any]]]) -> List[Dict[str, Any]]:
    return [
        {**real_record(f"{r['segment']}-{r['line']}", r, "ocr"), "word_confidences": r["word_confidences"]}
        for page in scanned
        for r in page
    ]


def build_fresh_scans(out_dir: Path, jobs: int) -> List[Tuple[str, int]]:
    """probes/fresh-ocr.txt, scanned as the OOD scans are, into probes/ (not `out_dir`: the set is
    committed). Written after the lexical pass's last tuning and never used to tune it: a check of
    what the pass does on documents nobody looked at."""
    documents = written_documents("fresh", PROBES_DIR / "fresh-ocr.txt")
    scanned = recognized(ood_scans.recognize_document, documents, DATA_DIR / "work" / "ood" / "fresh-ocr.jsonl", jobs, "fresh scans")
    records = scan_records(scanned)
    records += clean_copies(records, "ocr", "fresh")
    jsonl.write(PROBES_DIR / "fresh-ocr.jsonl", records)
    return [("../probes/fresh-ocr.jsonl", len(records))]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=str(DATA_DIR / "out"), help="directory for the ood-*.jsonl files")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    parser.add_argument("--sets", default="dev,test,business,licences", help="which sets: dev, test, business, licences, fresh-scans")
    args = parser.parse_args(argv)
    ocr_real.check_fonts()
    ood_scans.check_fonts()
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    builders = {
        "dev": lambda out, jobs: build_written("dev", out, jobs),
        "test": lambda out, jobs: build_written("test", out, jobs),
        "business": build_business,
        "licences": build_licences,
        "fresh-scans": build_fresh_scans,
    }
    for name in args.sets.split(","):
        if name not in builders:
            raise SystemExit(f"unknown set {name!r}: choose from {', '.join(builders)}")
        for file_name, count in builders[name](out_dir, args.jobs):
            print(f"{out_dir / file_name}: {count} records", flush=True)


if __name__ == "__main__":
    main()
