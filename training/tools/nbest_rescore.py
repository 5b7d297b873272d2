"""Is N-best rescoring with a word n-gram LM worth building into the app? (one-off experiment)

Why: on out-of-domain ASR (pocketsphinx 5-best lists of texts and voices not used in training) the
corrector barely moves WER below the recognizer's 1-best, while the 5-best oracle is about 9% better.
This tool measures how much of that gap plain rescoring recovers: for every line it picks one of the N
hypotheses (optionally the app's output as one more candidate) by

    score = LM log-prob  +  a * (-rank)  +  b * words  [+ c * agreement]  [+ d * is_model_output]

with the word trigram LM of the OCR lexical pass (assets/models/ocr-lexicon/lm.arpa.gz, natural log,
sentence boundaries, words as training/data/metrics.normalize makes them). "agreement" is minus the
expected word edit distance of the candidate to the other hypotheses under the rank prior (MBR, a
ROVER-like vote that selects whole hypotheses); "ROVER" builds a new string by weighted word voting in
slots aligned to a pivot hypothesis. a, b, c, d are tuned on OOD dev by a small grid. WER is computed
exactly as `neko eval` does (src/align/metrics.ts normalization, Levenshtein word errors, all lines of
the file, the 146 already-correct lines included), and the 95% interval against the app's output is the
paired bootstrap of src/align/bootstrap.ts (2,000 draws, seed 1, a conversation's lines drawn together).

Run from the repository root (about a minute on a busy CPU):

    /usr/bin/python3 -m training.tools.nbest_rescore                      # OOD dev table, weights chosen on dev
    /usr/bin/python3 -m training.tools.nbest_rescore --test               # + OOD test for the chosen setting
    /usr/bin/python3 -m training.tools.nbest_rescore --write-reordered /tmp/ood-dev-rescored.jsonl
    npm run neko -- eval /tmp/ood-dev-rescored.jsonl --infer-task         # the app's figures on it

The app's per-line output is made with `npm run neko -- correct FILE -o OUT` (the tool runs it itself
unless --app-dev / --app-test name such files). --write-reordered writes the dev file with each line's
chosen hypothesis moved first, so `neko eval`'s 1-best column checks this tool's WER and its corrected
column is the model run on the rescored list.

The LM was estimated by `training/ocr_lexicon.py build` from the train split of the training corpus
(State of the Union, SpamAssassin, generated business text, Brown, WordNet examples); the OOD texts
(training/data/ood/) are not among its sources, and the tool prints its perplexity on in-domain and
OOD references as a check. Findings (OOD dev, 2 cores): alone, the LM picks worse hypotheses than the
recognizer's order; with a strong rank prior it moves WER by under 1%; word voting never beats the
1-best (hypotheses 2-5 share errors the 1-best lacks); the only gain, about -0.5 WER points against the
app, comes from using the LM to accept or reject the app's output against the 1-best.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from training.data.metrics import normalize as lm_normalize
from training.ocr_lexicon import ArpaModel

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "training" / "data" / "out"
LM_PATH = ROOT / "assets" / "models" / "ocr-lexicon" / "lm.arpa.gz"

# The grid (small on purpose: 582 dev lines). The first dev run had 8 and -1 as the edges of a and b;
# the grid was widened once to 20 and -6.
GRID_A = [0.0, 1.0, 2.0, 4.0, 6.0, 8.0, 10.0, 12.0, 15.0, 20.0]  # rank prior: a geometric prior, ratio e^-a
GRID_B = [-6.0, -4.0, -3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 4.0]  # per-word bonus (negative: a per-word cost)
GRID_C = [1.0, 2.0, 4.0, 8.0]  # agreement (MBR) weight
GRID_D = [-6.0, -4.0, -3.0, -2.0, -1.0, 0.0, 2.0]  # bonus of the app's output as a candidate
GRID_VOTE_A = [0.0, 0.25, 0.5, 1.0, 2.0]  # rank prior of the voters (ROVER / MBR)


# ---------------------------------------------------------------------------------------------------
# WER as `neko eval` computes it (src/align/metrics.ts)


def _letter_or_digit(ch: str) -> bool:
    return bool(ch) and unicodedata.category(ch)[0] in "LN"


def metric_words(text: str) -> List[str]:
    """normalizeForMetrics: lower case, ’ as ', every \\p{P} a space except an apostrophe inside a word."""
    text = text.lower().replace("\u2019", "'")
    out = []
    for i, ch in enumerate(text):
        if unicodedata.category(ch).startswith("P"):
            inside = ch == "'" and i > 0 and _letter_or_digit(text[i - 1]) and _letter_or_digit(text[i + 1 : i + 2])
            out.append(ch if inside else " ")
        else:
            out.append(ch)
    return "".join(out).split()


def edit_distance(a: Sequence[str], b: Sequence[str]) -> int:
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, y in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y))
        previous = current
    return previous[-1]


def alignment(pivot: Sequence[str], other: Sequence[str]) -> List[Tuple[Optional[int], Optional[str]]]:
    """Levenshtein alignment of `other` to `pivot`: (pivot index or None for an insertion, word or None)."""
    n, m = len(pivot), len(other)
    cost = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        cost[i][0] = i
    for j in range(m + 1):
        cost[0][j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            cost[i][j] = min(cost[i - 1][j - 1] + (pivot[i - 1] != other[j - 1]), cost[i - 1][j] + 1, cost[i][j - 1] + 1)
    steps: List[Tuple[Optional[int], Optional[str]]] = []
    i, j = n, m
    while i or j:
        if i and j and cost[i][j] == cost[i - 1][j - 1] + (pivot[i - 1] != other[j - 1]):
            steps.append((i - 1, other[j - 1]))
            i, j = i - 1, j - 1
        elif i and cost[i][j] == cost[i - 1][j] + 1:
            steps.append((i - 1, None))
            i -= 1
        else:
            steps.append((None, other[j - 1]))
            j -= 1
    return steps[::-1]


# ---------------------------------------------------------------------------------------------------
# Bootstrap as src/align/bootstrap.ts


def mulberry32(seed: int):
    state = seed & 0xFFFFFFFF

    def imul(x: int, y: int) -> int:
        return (x * y) & 0xFFFFFFFF

    def random() -> float:
        nonlocal state
        state = (state + 0x6D2B79F5) & 0xFFFFFFFF
        mixed = imul(state ^ (state >> 15), state | 1)
        mixed ^= (mixed + imul(mixed ^ (mixed >> 7), mixed | 61)) & 0xFFFFFFFF
        return ((mixed ^ (mixed >> 14)) & 0xFFFFFFFF) / 4294967296

    return random


def group_of(line_id: str) -> str:
    cut = line_id.rfind("-")
    return line_id[:cut] if cut > 0 else line_id


def paired_bootstrap(ids: List[str], errors: List[int], baseline: List[int], lengths: List[int],
                     resamples: int = 2000, seed: int = 1) -> Tuple[float, float, float]:
    groups: Dict[str, List[int]] = {}
    for line_id, e, b, n in zip(ids, errors, baseline, lengths):
        sums = groups.setdefault(group_of(line_id), [0, 0, 0])
        sums[0] += e
        sums[1] += b
        sums[2] += n
    values = list(groups.values())
    total = [sum(v[k] for v in values) for k in range(3)]
    difference = (total[0] - total[1]) / total[2]
    random = mulberry32(seed)
    draws = []
    for _ in range(resamples):
        e = b = n = 0
        for _ in range(len(values)):
            g = values[int(random() * len(values))]
            e, b, n = e + g[0], b + g[1], n + g[2]
        draws.append((e - b) / n if n else 0.0)
    draws.sort()
    pick = lambda f: draws[min(len(draws) - 1, int(f * len(draws)))]  # noqa: E731
    return difference, pick(0.025), pick(0.975)


# ---------------------------------------------------------------------------------------------------
# Candidates and their features


class Line:
    def __init__(self, record: dict, app_text: str, lm: ArpaModel):
        self.id = record["id"]
        self.clean = record.get("origin") == "clean"
        self.reference = metric_words(record["reference"])
        self.hypotheses = list(record["hypotheses"]) or [""]
        self.app = app_text
        # candidates: the N hypotheses (rank 0..N-1), then the app's output (rank None)
        texts = self.hypotheses + [app_text]
        self.texts = texts
        self.words = [metric_words(t) for t in texts]
        self.errors = [edit_distance(self.reference, w) for w in self.words]
        self.lm = [sentence_log_prob(lm, lm_normalize(t).split()) for t in texts]
        self.length = [len(lm_normalize(t).split()) for t in texts]
        n = len(self.hypotheses)
        # pairwise word distances among the hypotheses and from the app's output to them
        self.distance = [[edit_distance(self.words[i], self.words[j]) for j in range(n)] for i in range(n + 1)]
        self.agreement: Dict[Tuple[int, float], float] = {}

    @property
    def n(self) -> int:
        return len(self.hypotheses)


def sentence_log_prob(lm: ArpaModel, words: List[str]) -> float:
    padded = ["<s>", "<s>"] + words + ["</s>"]
    return sum(lm.log_probability(padded[i - 2], padded[i - 1], padded[i]) for i in range(2, len(padded)))


def prior(n: int, a: float) -> List[float]:
    weights = [math.exp(-a * r) for r in range(n)]
    total = sum(weights)
    return [w / total for w in weights]


def agreement(line: Line, index: int, a_vote: float) -> float:
    """Minus the expected word edit distance of candidate `index` to the hypotheses (rank-prior weights)."""
    key = (index, a_vote)
    if key not in line.agreement:
        p = prior(line.n, a_vote)
        line.agreement[key] = -sum(p[j] * line.distance[index][j] for j in range(line.n))
    return line.agreement[key]


def choose(line: Line, a: float, b: float, c: float = 0.0, d: Optional[float] = None,
           a_vote: float = 0.5, lm_weight: float = 1.0) -> int:
    """Index of the best candidate; the app's output (index n) takes part only when d is given."""
    indices = list(range(line.n)) + ([line.n] if d is not None else [])
    best, best_score = 0, -math.inf
    for i in indices:
        score = lm_weight * line.lm[i] + b * line.length[i]
        score += d if i == line.n else -a * i
        if c:
            score += c * agreement(line, i, a_vote)
        if score > best_score + 1e-12:
            best, best_score = i, score
    return best


def rover(line: Line, a_vote: float, pivot: int = 0) -> List[str]:
    """Word voting in slots aligned to the pivot: each pivot word and each gap between words is a slot;
    every hypothesis votes (rank-prior weight) for its word, its deletion, or its inserted words."""
    hyps = [line.words[i] for i in range(line.n)]
    base = hyps[pivot]
    weights = prior(line.n, a_vote)
    slots: List[Dict[Tuple[str, ...], float]] = [dict() for _ in range(2 * len(base) + 1)]
    for h, w in zip(hyps, weights):
        filled = [[] for _ in range(2 * len(base) + 1)]
        position = 0  # the gap slot before pivot word `position`
        for pivot_index, word in alignment(base, h):
            if pivot_index is None:
                filled[2 * position].append(word)
            else:
                filled[2 * pivot_index + 1].append(word)
                position = pivot_index + 1
        for s, words in enumerate(filled):
            key = tuple(x for x in words if x is not None)
            slots[s][key] = slots[s].get(key, 0.0) + w
    out: List[str] = []
    for s, votes in enumerate(slots):
        pivot_value = tuple(base[(s - 1) // 2:(s - 1) // 2 + 1]) if s % 2 else ()
        best = max(votes.items(), key=lambda kv: (kv[1] + (1e-9 if kv[0] == pivot_value else 0.0)))[0]
        out.extend(best)
    return out


# ---------------------------------------------------------------------------------------------------


def load(path: Path, app_path: Path, lm: ArpaModel) -> List[Line]:
    records = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    app = {}
    for line in open(app_path, encoding="utf-8"):
        if line.strip():
            row = json.loads(line)
            app[row["id"]] = row["text"]
    return [Line(r, app[r["id"]], lm) for r in records]


def app_output(path: Path, given: Optional[str]) -> Path:
    if given:
        return Path(given)
    out = Path(tempfile.gettempdir()) / (path.stem + ".app.jsonl")
    if not out.exists():
        print(f"running the app on {path.name} -> {out}", file=sys.stderr)
        subprocess.run(["npm", "run", "-s", "neko", "--", "correct", str(path), "-o", str(out), "-q"],
                       cwd=ROOT, check=True)
    return out


def wer_of(lines: List[Line], picks: Iterable) -> Tuple[float, List[int]]:
    errors = []
    for line, pick in zip(lines, picks):
        errors.append(edit_distance(line.reference, pick) if isinstance(pick, list) else line.errors[pick])
    return sum(errors) / sum(len(l.reference) for l in lines), errors


def words_changed_on_clean(lines: List[Line], picks: Iterable) -> Tuple[int, int]:
    changed = total = 0
    for line, pick in zip(lines, picks):
        if line.clean:
            words = pick if isinstance(pick, list) else line.words[pick]
            changed += edit_distance(line.words[0], words)
            total += len(line.words[0])
    return changed, total


def lm_check(lm: ArpaModel, texts: List[str]) -> Tuple[float, float, float]:
    """(perplexity per word incl. </s>, OOV rate, share of reference trigrams stored in the LM)."""
    logp = tokens = oov = trigrams = seen = 0
    for text in texts:
        words = lm_normalize(text).split()
        logp += sentence_log_prob(lm, words)
        tokens += len(words) + 1
        oov += sum(w not in lm.probability for w in words)
        padded = ["<s>", "<s>"] + words + ["</s>"]
        for i in range(2, len(padded)):
            trigrams += 1
            seen += f"{padded[i-2]} {padded[i-1]} {padded[i]}" in lm.probability
    return math.exp(-logp / tokens), oov / max(1, sum(len(lm_normalize(t).split()) for t in texts)), seen / trigrams


def main(argv: Optional[Sequence[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dev", default=str(DATA / "ood-dev-asr.jsonl"))
    parser.add_argument("--test-file", default=str(DATA / "ood-test-asr.jsonl"))
    parser.add_argument("--app-dev", help="`neko correct` output for --dev (else made here)")
    parser.add_argument("--app-test", help="`neko correct` output for --test-file (else made here)")
    parser.add_argument("--test", action="store_true", help="also report OOD test for the chosen setting")
    parser.add_argument("--write-reordered", help="write --dev with each line's chosen hypothesis first")
    args = parser.parse_args(argv)

    lm = ArpaModel(LM_PATH)
    dev_path = Path(args.dev)
    dev = load(dev_path, app_output(dev_path, args.app_dev), lm)
    reference_length = sum(len(l.reference) for l in dev)

    # The LM's fit to the references (a leak would show as a perplexity near the in-domain one and
    # nearly every trigram stored).
    print("LM check (references, normalized): perplexity, OOV rate, trigrams stored in the LM")
    for name in ["dev.jsonl", dev_path.name]:
        records = [json.loads(x) for x in open(DATA / name if name == "dev.jsonl" else dev_path) if x.strip()]
        if name == "dev.jsonl":
            records = [r for r in records if r.get("task") == "asr"]
        else:
            records = [r for r in records if r.get("origin") != "clean"]
        ppl, oov, stored = lm_check(lm, [r["reference"] for r in records])
        print(f"  {name:24s} {len(records):5d} refs  ppl {ppl:7.1f}  OOV {100*oov:4.1f}%  trigrams stored {100*stored:4.1f}%")
    print()

    one_best = wer_of(dev, [0] * len(dev))[0]
    n_best = lambda l: range(l.n)  # noqa: E731
    fixed = {
        "1-best": lambda l: 0,
        "oracle (best of N)": lambda l: min(n_best(l), key=lambda i: l.errors[i]),
        "app output (neko correct)": lambda l: l.n,
        "oracle (best of N + app output)": lambda l: min(range(l.n + 1), key=lambda i: l.errors[i]),
    }
    # name -> (grid, picker(line, *setting), names of the setting's values)
    tuned = {
        "agreement (MBR select)": (
            [(a,) for a in GRID_VOTE_A], lambda l, a: max(n_best(l), key=lambda i: (agreement(l, i, a), -i)), "a_vote"),
        "ROVER word vote (pivot 1-best)": ([(a,) for a in GRID_VOTE_A], lambda l, a: rover(l, a), "a_vote"),
        "LM + length": ([(b,) for b in GRID_B], lambda l, b: choose(l, 0.0, b), "b"),
        "LM + rank + length": ([(a, b) for a in GRID_A for b in GRID_B], lambda l, a, b: choose(l, a, b), "a b"),
        "LM + rank + length + agreement": (
            [(a, b, c, v) for a in GRID_A for b in GRID_B for c in GRID_C for v in [0.5, 1.0]],
            lambda l, a, b, c, v: choose(l, a, b, c, a_vote=v), "a b c a_vote"),
        "ROVER pivoted on the LM + rank + length choice": (
            [(a, b, v) for a in [4.0, 8.0, 12.0] for b in [-3.0, -1.0] for v in [0.5, 1.0]],
            lambda l, a, b, v: rover(l, v, pivot=choose(l, a, b)), "a b a_vote"),
        "LM + rank + length, app output as a candidate": (
            [(a, b, d) for a in GRID_A for b in GRID_B for d in GRID_D],
            lambda l, a, b, d: choose(l, a, b, d=d), "a b d"),
    }
    rows = []  # (name, picker on one line, setting text)
    for name, pick in fixed.items():
        rows.append((name, pick, ""))
    for name, (grid, pick, names) in tuned.items():
        best = None
        for setting in grid:
            value = wer_of(dev, [pick(l, *setting) for l in dev])[0]
            if best is None or value < best[0] - 1e-12:
                best = (value, setting)
        setting = best[1]
        text = " ".join(f"{k}={v:g}" for k, v in zip(names.split(), setting))
        rows.append((name, (lambda p, s: lambda l: p(l, *s))(pick, setting), text))

    print(f"OOD dev ASR ({dev_path.name}): {len(dev)} lines ({sum(l.clean for l in dev)} already correct), "
          f"{reference_length} reference words; WER as `neko eval` (normalized)")
    print(f"{'system':48s} {'WER':>7s} {'vs 1-best':>9s} {'no-harm':>8s}  vs app output, 95% CI      setting (tuned on dev)")
    app_errors = wer_of(dev, [l.n for l in dev])[1]
    lengths = [len(l.reference) for l in dev]
    ids = [l.id for l in dev]
    results = []
    for name, pick, setting in rows:
        picks = [pick(l) for l in dev]
        value, errors = wer_of(dev, picks)
        changed, total = words_changed_on_clean(dev, picks)
        diff, low, high = paired_bootstrap(ids, errors, app_errors, lengths)
        interval = f"{100*diff:+.2f} ({100*low:+.2f}..{100*high:+.2f}) pts" if name in tuned else ""
        print(f"{name:48s} {100*value:6.2f}% {100*(value/one_best-1):+8.1f}% {100*changed/total:7.2f}%  "
              f"{interval:26s} {setting}")
        results.append((name, value, pick, setting))
    chosen = min((r for r in results if r[0] in tuned), key=lambda r: r[1])
    print(f"\nchosen on dev: {chosen[0]} ({chosen[3]})")

    lm_rank = [r for r in results if r[0] == "LM + rank + length"][0]
    a0, b0 = (float(x.split("=")[1]) for x in lm_rank[3].split())
    print("\nLM + rank + length: dev WER vs 1-best over the grid (rows a, columns b)")
    print("      " + "".join(f"{b:>7.1f}" for b in GRID_B))
    for a in GRID_A:
        cells = [wer_of(dev, [choose(l, a, b) for l in dev])[0] for b in GRID_B]
        print(f"{a:5.1f} " + "".join(f"{100*(v/one_best-1):+6.1f}%" for v in cells))

    if args.write_reordered:
        with open(args.write_reordered, "w", encoding="utf-8") as out, open(dev_path, encoding="utf-8") as src:
            for line, record in zip(dev, (json.loads(x) for x in src if x.strip())):
                k = choose(line, a0, b0)
                hyps = record["hypotheses"]
                record["hypotheses"] = [hyps[k]] + hyps[:k] + hyps[k + 1:] if hyps else hyps
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        print(f"\nwrote {args.write_reordered} (LM + rank + length choice first, a={a0:g} b={b0:g})")

    if args.test:
        test_path = Path(args.test_file)
        test = load(test_path, app_output(test_path, args.app_test), lm)
        t1 = wer_of(test, [0] * len(test))[0]
        print(f"\nOOD test ({test_path.name}, {len(test)} lines), the setting chosen on dev only")
        app_t = wer_of(test, [l.n for l in test])[1]
        for name, pick, setting in [(n, p, "") for n, p in fixed.items()] + [(chosen[0], chosen[2], chosen[3])]:
            value, errors = wer_of(test, [pick(l) for l in test])
            line = f"{name:48s} {100*value:6.2f}% {100*(value/t1-1):+8.1f}%"
            if setting:
                diff, low, high = paired_bootstrap([l.id for l in test], errors, app_t, [len(l.reference) for l in test])
                line += f"  vs app {100*diff:+.2f} ({100*low:+.2f}..{100*high:+.2f}) pts  {setting}"
            print(line)

if __name__ == "__main__":
    main()
