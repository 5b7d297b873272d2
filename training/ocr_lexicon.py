"""The OCR lexical pass: a noisy-channel word corrector that runs after the neural model on OCR text.

On real tesseract output the neural corrector fixes whole words but its wrong guesses are whole wrong
words (model card). This pass makes only small, character-level repairs that an OCR engine's errors
explain: each word of the line may become a known word within a small weighted edit distance (the
channel: tesseract's own confusions, counted on the real train output, cost less), or split in two
("ofthe"); a beam search over the line picks the words that maximize

    ln P_lm(words) - channel_weight * (edit cost + known_word_penalty if the source word is a known word
                                       + the recognizer-confidence shift where the line's words carry one)

with P_lm a word trigram model (interpolated Kneser-Ney, stored as ARPA) of the training corpus, mixed
with a general English bigram model (training/general_lm.py) at `general_lm_weight`.

    /usr/bin/python3 -m training.ocr_lexicon build --out assets/models/ocr-lexicon
    /usr/bin/python3 -m training.ocr_lexicon fixture assets/models/ocr-lexicon training/data/out/dev.jsonl \
        test/fixtures/ocr-lexicon/parity.json

The TypeScript twin is src/corrector/passes/ocr-lexicon.ts; `fixture` writes the lines and this module's
corrections for its parity test.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import math
import os
import random
import re
import unicodedata
from collections import Counter, defaultdict
from contextlib import contextmanager
from pathlib import Path
from typing import Dict, Iterable, Iterator, List, Optional, Sequence, TextIO, Tuple

from .data.metrics import edit_distance, normalize

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "training" / "data" / "work" / "full" / "corpus.jsonl"
CALIBRATION = ROOT / "training" / "data" / "calibration" / "ocr.json"
NPM_DIR = ROOT / "training" / "data" / "work" / "npm"

# A word of the line: letters and digits with inner apostrophes, or a lone "|" or "!" (tesseract's "I").
WORD = re.compile(r"[A-Za-z0-9]+(?:['\u2019][A-Za-z]+)*|(?<!\S)[|!](?!\S)")
LEXICON_WORD = re.compile(r"[a-z]+(?:'[a-z]+)*")
CONFUSABLE = re.compile(r"[a-z']+")
UNKNOWN_LOG10 = "<unk>"
# A word tied to a number by "-" or "/" is part of a reference code ("NW-4471", "COVID-19", "A/3"):
# its letters are not a word of the language, so the pass keeps them as printed.
CODE_BEFORE = re.compile(r"[-/][0-9]")
CODE_AFTER = re.compile(r"[0-9][-/]")

# Chosen on the dev split (OCR lines, after the model's edits of confidence >= model_min_confidence);
# known_word_penalty (2.0 there) and lexicon_min_confidence on the out-of-domain dev scans.
DEFAULT_SETTINGS = {
    "channel_weight": 5.0,
    "known_word_penalty": 1.5,
    "split_cost": 0.8,
    "split_min_count": 20,
    "pipe_cost": 0.1,
    "candidates": 15,
    "far_min_length": 6,
    "far_shortlist": 200,
    "far_edits_per_letter": 0.4,
    "far_candidates": 5,
    "far_discount": 0.5,
    "beam": 8,
    # 0.7 on the in-domain dev split; on the out-of-domain dev scans even the model's edits of 0.95 and
    # more made CER worse, and the lexical pass's own below 0.6 did (training/README.md,
    # "Out-of-domain evaluation"): so the model's edits are not applied to scans (1.0), and the lexical
    # pass proposes only edits it is at least 0.7 sure of (0.6 with the 816 confusions counted on
    # 14,203 lines; 0.7 with the 1,395 counted on 32,089, which OOD dev preferred; the app applies
    # this, the Python reference corrector does not).
    "model_min_confidence": 1.0,
    "lexicon_min_confidence": 0.7,
    # The share of the general English model (training/general_lm.py, `general-lm.arpa.gz`) in the
    # word model the pass scores with; 0 leaves the corpus model alone. 0.3 on the out-of-domain dev
    # scans (0.15 / 0.3 / 0.5 within 0.1 points of CER of each other).
    "general_lm_weight": 0.3,
    # The recognizer's word confidence (hOCR x_wconf) moves the cost of changing a word by
    # weight * (confidence - midpoint). On the out-of-domain dev scans, this pass alone: weight 1 with
    # midpoint 0.4 / 0.6 / 0.7 / 0.8 gave CER -11.6 / -12.1 / -12.0 / -12.2% against -10.9% without,
    # weight 0.5 and 2 (midpoint 0.6) -11.8 / -11.3%, 1.5 (0.7) -11.6%; the app with weight 1 and
    # midpoint 0.6 / 0.7 / 0.8: -13.1 / -13.0 / -13.3% against -11.9%.
    "recognizer_confidence_weight": 1.0,
    "recognizer_confidence_midpoint": 0.8,
    # A line whose sentence may run on from the line before (runs_on) is read from that line's last
    # words, or as a new sentence at this cost in ln-probability (absent: every line starts one). On
    # the out-of-domain dev scans, the pass alone: CER -16.5% as separate lines, -16.8% from the line
    # before alone ("Dear Mrs" after an address became "Deer Mes"), -16.8% / -16.8% / -16.6% with a
    # new sentence at 2 / 1 / 0; the business letters -27.3% / -27.1% / -27.5% at none / alone / 2.
    "new_sentence_cost": 2.0,
}


# ---------------------------------------------------------------------------------------------------
# Building: the trigram model, the lexicon and the channel


def corpus_sentences(path: Path = CORPUS) -> Iterator[List[str]]:
    if not path.exists():
        raise SystemExit(f"{path}: missing; run `python3 -m training.data.build --stages corpus` first")
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record.get("split") == "train":
                yield normalize(record["text"]).split()


class KneserNeyCounts:
    """Interpolated Kneser-Ney trigram statistics (discount d for every order)."""

    def __init__(self, sentences: Iterable[List[str]], discount: float = 0.75):
        self.discount = discount
        self.trigrams: Counter = Counter()
        for sentence in sentences:
            padded = ["<s>", "<s>"] + sentence + ["</s>"]
            for i in range(2, len(padded)):
                self.trigrams[(padded[i - 2], padded[i - 1], padded[i])] += 1
        self.bigram_continuations: Counter = Counter()  # distinct left words of (b, c)
        self.trigram_context_total: Counter = Counter()
        self.trigram_context_types: Counter = Counter()
        for (a, b, c), count in self.trigrams.items():
            self.bigram_continuations[(b, c)] += 1
            self.trigram_context_total[(a, b)] += count
            self.trigram_context_types[(a, b)] += 1
        self.unigram_continuations: Counter = Counter()
        self.bigram_context_total: Counter = Counter()
        self.bigram_context_types: Counter = Counter()
        for (b, c), count in self.bigram_continuations.items():
            self.unigram_continuations[c] += 1
            self.bigram_context_total[b] += count
            self.bigram_context_types[b] += 1
        # A small floor for words never seen, as if 200,000 more types had 0.01 continuations each.
        self.unigram_denominator = sum(self.unigram_continuations.values()) + 0.01 * 200_000

    def unigram(self, word: str) -> float:
        return (self.unigram_continuations.get(word, 0) + 0.01) / self.unigram_denominator

    def bigram_backoff(self, b: str) -> float:
        total = self.bigram_context_total.get(b, 0)
        return self.discount * self.bigram_context_types[b] / total if total else 1.0

    def bigram(self, b: str, c: str) -> float:
        total = self.bigram_context_total.get(b, 0)
        if not total:
            return self.unigram(c)
        seen = max(self.bigram_continuations.get((b, c), 0) - self.discount, 0) / total
        return seen + self.bigram_backoff(b) * self.unigram(c)

    def trigram_backoff(self, a: str, b: str) -> float:
        total = self.trigram_context_total.get((a, b), 0)
        return self.discount * self.trigram_context_types[(a, b)] / total if total else 1.0

    def trigram(self, a: str, b: str, c: str) -> float:
        total = self.trigram_context_total.get((a, b), 0)
        if not total:
            return self.bigram(b, c)
        seen = max(self.trigrams.get((a, b, c), 0) - self.discount, 0) / total
        return seen + self.trigram_backoff(a, b) * self.bigram(b, c)


@contextmanager
def gzip_text_writer(path: Path) -> Iterator[TextIO]:
    """Gzip without a time stamp or file name in its header, so that a rebuild is byte-identical; written
    beside the target and renamed over it, so that a reader never sees half a file."""
    partial = path.with_name(path.name + ".partial")
    with open(partial, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as packed:
        with io.TextIOWrapper(packed, encoding="utf-8", newline="\n") as text:
            yield text
    os.replace(partial, path)


def write_arpa(counts: KneserNeyCounts, path: Path, min_trigram: int, min_bigram: int) -> Tuple[int, int, int]:
    """ARPA backoff form of the interpolated model. Kept n-grams carry their interpolated probability;
    a context's backoff weight is its interpolation weight, so an n-gram never seen in training scores
    exactly as in the interpolated model, and only the pruned rare ones lose their discounted count."""
    trigrams = [(g, n) for g, n in counts.trigrams.items() if n >= min_trigram]
    contexts = {(a, b) for (a, b, _), _ in trigrams}
    bigrams = sorted(
        g for g, n in counts.bigram_continuations.items() if n >= min_bigram or g in contexts
    )
    history_words = {b for b, _ in bigrams}
    unigrams = sorted(counts.unigram_continuations) + ["<s>", UNKNOWN_LOG10]
    log10 = math.log10
    with gzip_text_writer(path) as out:
        out.write(f"\\data\\\nngram 1={len(unigrams)}\nngram 2={len(bigrams)}\nngram 3={len(trigrams)}\n\n")
        out.write("\\1-grams:\n")
        for word in unigrams:
            probability = -99.0 if word == "<s>" else log10(counts.unigram("" if word == UNKNOWN_LOG10 else word))
            backoff = f"\t{log10(counts.bigram_backoff(word)):.5f}" if word in history_words else ""
            out.write(f"{probability:.5f}\t{word}{backoff}\n")
        out.write("\n\\2-grams:\n")
        for b, c in bigrams:
            backoff = f"\t{log10(counts.trigram_backoff(b, c)):.5f}" if (b, c) in contexts else ""
            out.write(f"{log10(counts.bigram(b, c)):.5f}\t{b} {c}{backoff}\n")
        out.write("\n\\3-grams:\n")
        for (a, b, c), _ in sorted(trigrams):
            out.write(f"{log10(counts.trigram(a, b, c)):.5f}\t{a} {b} {c}\n")
        out.write("\n\\end\\\n")
    return len(unigrams), len(bigrams), len(trigrams)


def channel_confusions(calibration_path: Path = CALIBRATION, min_count: int = 2) -> List[Tuple[str, str, float]]:
    """(OCR text, intended text, cost) for tesseract's substitutions of up to two characters seen at
    least `min_count` times in the real train output; the more often seen, the cheaper (0.3 to 1). Only
    pairs of lower-case letters and apostrophes: the pass compares lower-cased words without digits."""
    calibration = json.loads(calibration_path.read_text(encoding="utf-8"))
    confusions = []
    for intended, outputs in calibration["substitutions"].items():
        for ocr, count in outputs.items():
            if count >= min_count and len(intended) <= 2 and len(ocr) <= 2 and CONFUSABLE.fullmatch(ocr + intended):
                cost = max(0.3, 1.0 - 0.1 * math.log(count + 1))
                confusions.append((ocr, intended, round(cost, 4)))
    return sorted(confusions)


def cmudict_words() -> set[str]:
    paths = sorted(NPM_DIR.glob("*cmudict*/package/data/dict.txt"))
    if not paths:
        raise SystemExit(f"CMUdict not found under {NPM_DIR}; run `python3 -m training.data.build --stages corpus`")
    words = set()
    with open(paths[0], encoding="latin-1") as handle:
        for line in handle:
            if line.startswith(";;;"):
                continue
            word = re.sub(r"\(\d+\)$", "", line.split(" ", 1)[0].lower())
            if LEXICON_WORD.fullmatch(word):
                words.add(word)
    return words


def build(
    out_dir: Path,
    sentences: Sequence[List[str]],
    dictionary_words: set[str],
    confusions: List[Tuple[str, str, float]],
    min_trigram: int = 2,
    min_bigram: int = 2,
    settings: Optional[dict] = None,
) -> str:
    """Writes the asset directory: lm.arpa.gz from `sentences` (normalized words); candidates.txt.gz,
    the corpus words seen at least twice (what a word may be corrected to); known-words.txt.gz, those
    and `dictionary_words` (words that are costlier to change); channel.json, the confusions and
    DEFAULT_SETTINGS."""
    out_dir.mkdir(parents=True, exist_ok=True)
    word_counts: Counter = Counter()
    for sentence in sentences:
        word_counts.update(sentence)
    counts = KneserNeyCounts(sentences)
    sizes = write_arpa(counts, out_dir / "lm.arpa.gz", min_trigram, min_bigram)
    candidates = sorted(
        ((w, n) for w, n in word_counts.items() if n >= 2 and LEXICON_WORD.fullmatch(w)), key=lambda x: (-x[1], x[0])
    )
    with gzip_text_writer(out_dir / "candidates.txt.gz") as out:
        out.writelines(f"{w}\t{n}\n" for w, n in candidates)
    known = sorted(dictionary_words | {w for w, _ in candidates})
    with gzip_text_writer(out_dir / "known-words.txt.gz") as out:
        out.writelines(f"{w}\n" for w in known)
    channel = {"confusions": confusions, **(settings or DEFAULT_SETTINGS)}
    (out_dir / "channel.json").write_text(json.dumps(channel, indent=1) + "\n", encoding="utf-8")
    return (
        f"{out_dir}: ARPA {sizes[0]} unigrams, {sizes[1]} bigrams, {sizes[2]} trigrams; "
        f"{len(candidates)} candidate words; {len(known)} known words; {len(confusions)} confusions"
    )


# ---------------------------------------------------------------------------------------------------
# Correcting (the reference implementation the TypeScript twin must match)


class ArpaModel:
    """A trigram backoff model read from ARPA; scores in natural log."""

    def __init__(self, path: Path):
        self.probability: Dict[str, float] = {}
        self.backoff: Dict[str, float] = {}
        ln10 = math.log(10)
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            order = 0
            for line in handle:
                line = line.rstrip("\n")
                if line.startswith("\\") and line.endswith("-grams:"):
                    order = int(line[1])
                    continue
                if not order or not line or line.startswith("\\"):
                    continue
                fields = line.split("\t")
                self.probability[fields[1]] = float(fields[0]) * ln10
                if len(fields) > 2:
                    self.backoff[fields[1]] = float(fields[2]) * ln10
        self.unknown = self.probability[UNKNOWN_LOG10]

    def log_probability(self, a: str, b: str, c: str) -> float:
        trigram = self.probability.get(f"{a} {b} {c}")
        if trigram is not None:
            return trigram
        bigram = self.probability.get(f"{b} {c}")
        if bigram is not None:
            return self.backoff.get(f"{a} {b}", 0.0) + bigram
        return self.backoff.get(f"{a} {b}", 0.0) + self.backoff.get(b, 0.0) + self.probability.get(c, self.unknown)


def deletions(word: str, depth: int) -> set[str]:
    found, frontier = {word}, {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


def letter_bigrams(word: str) -> set[str]:
    """The word's letter pairs, with ^ and $ marking its ends."""
    marked = f"^{word}$"
    return {marked[i : i + 2] for i in range(len(marked) - 1)}


def search_depth(word: str) -> int:
    return 2 if len(word) > 4 else 1


class Channel:
    def __init__(self, settings: dict):
        self.settings = settings
        self.costs: Dict[Tuple[str, str], float] = {(o, i): c for o, i, c in settings["confusions"]}

    def distance(self, source: str, target: str) -> float:
        """Weighted Levenshtein distance from the OCR word to a candidate, with two-character
        confusions (rn -> m) as single steps."""
        n, m = len(source), len(target)
        d = [[0.0] * (m + 1) for _ in range(n + 1)]
        for i in range(1, n + 1):
            d[i][0] = float(i)
        for j in range(1, m + 1):
            d[0][j] = float(j)
        for i in range(1, n + 1):
            for j in range(1, m + 1):
                s, t = source[i - 1], target[j - 1]
                substitution = 0.0 if s == t else self.costs.get((s, t), 1.0)
                best = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + substitution)
                for a, b in ((1, 2), (2, 1), (2, 2)):
                    if i >= a and j >= b:
                        cost = self.costs.get((source[i - a : i], target[j - b : j]))
                        if cost is not None:
                            best = min(best, d[i - a][j - b] + cost)
                d[i][j] = best
        return d[n][m]


class Lexicon:
    def __init__(self, model_dir: Path):
        self.counts: Dict[str, int] = {}
        with gzip.open(model_dir / "candidates.txt.gz", "rt", encoding="utf-8") as handle:
            for line in handle:
                word, count = line.rstrip("\n").split("\t")
                self.counts[word] = int(count)
        with gzip.open(model_dir / "known-words.txt.gz", "rt", encoding="utf-8") as handle:
            self.known = {line.rstrip("\n") for line in handle}
        self.index: Dict[str, List[str]] = defaultdict(list)
        for word in self.counts:
            for deleted in deletions(word, search_depth(word)):
                self.index[deleted].append(word)
        self.bigram_index: Dict[str, List[str]] = defaultdict(list)
        for word in self.counts:
            if len(word) >= 5:
                for bigram in letter_bigrams(word):
                    self.bigram_index[bigram].append(word)

    def candidates(self, word: str, channel: Channel, limit: int) -> List[Tuple[str, float]]:
        """Candidate words within the channel's reach, cheapest first (then the more frequent)."""
        reach = 2.0 if len(word) > 4 else 1.0
        found = set()
        for deleted in deletions(word, search_depth(word)):
            found.update(self.index.get(deleted, ()))
        scored = []
        for candidate in found:
            if candidate == word:
                continue
            cost = channel.distance(word, candidate)
            if cost <= reach:
                scored.append((cost, -self.counts[candidate], candidate))
        scored.sort()
        return [(candidate, cost) for cost, _, candidate in scored[:limit]]

    def far_candidates(self, word: str, channel: Channel, settings: dict, exclude: set[str]) -> List[Tuple[str, float]]:
        """Candidates beyond the deletion search, for a long word tesseract garbled: the words sharing
        the most letter bigrams with it (a shortlist), then those within `far_edits_per_letter` edits
        per letter, cheapest first."""
        shared: Counter = Counter()
        for bigram in letter_bigrams(word):
            for candidate in self.bigram_index.get(bigram, ()):
                shared[candidate] += 1
        shortlist = sorted(shared, key=lambda candidate: (-shared[candidate], candidate))[: settings["far_shortlist"]]
        scored = []
        for candidate in shortlist:
            if abs(len(candidate) - len(word)) > 3 or candidate in exclude:
                continue
            cost = channel.distance(word, candidate)
            if cost <= settings["far_edits_per_letter"] * len(word):
                scored.append((cost, -self.counts[candidate], candidate))
        scored.sort()
        return [(candidate, cost) for cost, _, candidate in scored[: settings["far_candidates"]]]


def match_case(source: str, word: str) -> str:
    if len(source) > 1 and source.isupper():
        return word.upper()
    if source[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


Option = Tuple[str, List[str], float]  # (text written, LM words, channel cost)


def recognizer_confidence(
    line: str, start: int, confidences: Optional[Sequence[Optional[float]]]
) -> Optional[float]:
    """The confidence of the white-space separated word of `line` that holds offset `start`."""
    if not confidences:
        return None
    index = len(line[:start].split()) - (0 if start == 0 or line[start - 1].isspace() else 1)
    return confidences[index] if 0 <= index < len(confidences) else None


# Endings and digraphs British and American spelling write differently, the British way first: the
# lexicon learnt mostly American English, and tesseract does not write a "z" as an "s" or drop the
# "a" of "ae", so a word is never respelt into its other spelling ("itemised", "orthopaedic").
# Twin: src/corrector/passes/british-spelling.ts, which the writing pass shares.
AMERICAN_SPELLINGS = [
    (re.compile(r"our(s|ed|ing|ite|ites|able|ful|fully|less|hood|hoods|er|ers)?$"), r"or\1"),
    (re.compile(r"is(e|es|ed|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"^(pract)ic(e|es|ed|ing)$"), r"\1iz\2"),
    (re.compile(r"ys(e|es|ed|ing)$"), r"yz\1"),
    (re.compile(r"ll(ed|ing|er|ers)$"), r"l\1"),
    (re.compile(r"([^l])l(ment|ments|ful|fully)$"), r"\1ll\2"),
    (re.compile(r"tre(s)?$"), r"ter\1"),
    (re.compile(r"ence$"), "ense"),
    (re.compile(r"ogue(s)?$"), r"og\1"),
    (re.compile(r"mme(s)?$"), r"m\1"),
]


def american_spelling(word: str) -> str:
    """A lower-case word as American spelling would write it."""
    for british, american in AMERICAN_SPELLINGS:
        word = british.sub(american, word, count=1)
    return word.replace("ae", "e").replace("oe", "e")


def in_reference_code(line: str, start: int, end: int) -> bool:
    """Whether the word at [start, end) of `line` is joined to a number by "-" or "/"."""
    return CODE_BEFORE.match(line, end) is not None or CODE_AFTER.match(line, max(0, start - 2), start) is not None


def in_longer_word(line: str, start: int, end: int) -> bool:
    """Whether a letter or mark outside A-Z touches the word at [start, end) of `line`: a piece of a
    longer word ("H" "ô" "pital") that the lexicon, English in A-Z, cannot know; kept as printed."""

    def letter_or_mark(ch: str) -> bool:
        return unicodedata.category(ch)[0] in "LM"

    return (start > 0 and letter_or_mark(line[start - 1])) or (end < len(line) and letter_or_mark(line[end]))


class MixedModel:
    """Two word models interpolated: ln(w_a P_a + w_b P_b), each backing off on its own."""

    def __init__(self, first: ArpaModel, second: ArpaModel, second_weight: float):
        self.models = (first, second)
        self.log_weights = (math.log1p(-second_weight), math.log(second_weight))

    def log_probability(self, a: str, b: str, c: str) -> float:
        x = self.log_weights[0] + self.models[0].log_probability(a, b, c)
        y = self.log_weights[1] + self.models[1].log_probability(a, b, c)
        high, low = (x, y) if x >= y else (y, x)
        return high + math.log1p(math.exp(low - high))


GENERAL_LM = "general-lm.arpa.gz"


def word_model(model_dir: Path, settings: dict) -> ArpaModel | MixedModel:
    corpus = ArpaModel(model_dir / "lm.arpa.gz")
    weight = settings.get("general_lm_weight", 0.0)
    if weight <= 0:
        return corpus
    return MixedModel(corpus, ArpaModel(model_dir / GENERAL_LM), weight)


DOCUMENT_WORD = re.compile(r"[A-Za-z]+")


def document_word_counts(lines: Iterable[str]) -> Dict[str, int]:
    """How often each word (a run of ASCII letters, lower-cased) occurs in a document's lines."""
    counts: Dict[str, int] = {}
    for line in lines:
        for match in DOCUMENT_WORD.finditer(line):
            word = match.group().lower()
            counts[word] = counts.get(word, 0) + 1
    return counts


def calibration_features(
    lexicon: "Lexicon", word: str, replacement: str, posterior: float, document_counts: Dict[str, int]
) -> List[float]:
    """What `edit_calibration` weighs of an edit of `word` into `replacement` (ocr-lexicon.ts
    `calibrationFeatures` is the twin): the posterior's logit; whether the scan's word is a known word;
    its length (up to 15 letters, in tens); whether it is capitalised; how common the replacement's
    first word is (ln(1 + its count)); the letters word and replacement share (1 - edit distance /
    the longer length); how often the scan's word recurs elsewhere in the document (a name read the
    same way twice is likely right) and how often the replacement's first word occurs in it as read
    (ln(1 + count) each)."""
    clamped = min(max(posterior, 1e-6), 1 - 1e-6)
    low = word.lower().replace("\u2019", "'")
    replacement_low = replacement.lower().replace("\u2019", "'")
    first = replacement_low.split(" ")[0]
    longest = max(len(low), len(replacement_low))
    return [
        math.log(clamped / (1 - clamped)),
        1.0 if low in lexicon.known else 0.0,
        min(len(word), 15) / 10,
        1.0 if "A" <= word[:1] <= "Z" else 0.0,
        math.log1p(lexicon.counts.get(first, 0)),
        1 - edit_distance(list(low), list(replacement_low)) / longest,
        math.log1p(max(0, document_counts.get(low, 0) - 1)),
        math.log1p(document_counts.get(first, 0)),
    ]


CALIBRATION_FEATURES = (
    "posterior_logit",
    "known_word",
    "length",
    "capitalized",
    "candidate_count",
    "similarity",
    "word_repeats",
    "replacement_in_document",
)


# What ends a sentence at a line's end: its punctuation, then closing quotes or brackets.
SENTENCE_END = re.compile(r"[.!?:;][\"')\]\u2019\u201d]*\s*$")


def runs_on(line: str) -> bool:
    """Whether the sentence of a scan's line may go on into the next line: the line has words and
    does not end with sentence punctuation. Then the next line is read from this one's last words, or
    as a new sentence at `new_sentence_cost` (a heading, an address line before "Dear Mrs"): a scan's
    line is a piece of running text, and "uniess" at a line's end is "unless" only if the sentence
    goes on. ocr-refine.ts `runsOn` is the twin."""
    return bool(line.strip()) and not SENTENCE_END.search(line)


class OcrLexicon:
    def __init__(self, model_dir: Path):
        self.settings = json.loads((model_dir / "channel.json").read_text(encoding="utf-8"))
        self.lm = word_model(model_dir, self.settings)
        self.lexicon = Lexicon(model_dir)
        self.channel = Channel(self.settings)

    def options(self, word: str, in_code: bool = False) -> List[Option]:
        settings = self.settings
        if word in ("|", "!"):
            return [(word, [], 0.0), ("I", ["i"], settings["pipe_cost"])]
        low = word.lower().replace("\u2019", "'")
        options: List[Option] = [(word, [low], 0.0)]
        if in_code or any(ch.isdigit() for ch in low) or len(low) < 2:
            return options
        american = american_spelling(low)
        # A British spelling of a word the lexicon knows is a word too.
        known = low in self.lexicon.known or (american != low and american in self.lexicon.known)
        penalty = settings["known_word_penalty"] if known else 0.0

        def americanised(candidate: str) -> bool:
            return candidate != low and american_spelling(candidate) == american

        for candidate, cost in self.lexicon.candidates(low, self.channel, settings["candidates"]):
            if americanised(candidate):
                continue
            options.append((match_case(word, candidate), [candidate], cost + penalty))
        for i in range(1, len(low)):
            left, right = low[:i], low[i:]
            if min(self.lexicon.counts.get(left, 0), self.lexicon.counts.get(right, 0)) > settings["split_min_count"]:
                options.append((match_case(word, f"{left} {right}"), [left, right], settings["split_cost"] + penalty))
        if len(low) >= settings["far_min_length"] and low.isalpha() and not known:
            # A long unknown word may be garbled past the deletion search's two edits; a long word has
            # more letters to garble, hence the discount.
            exclude = {words[0] for _, words, _ in options if len(words) == 1}
            for candidate, cost in self.lexicon.far_candidates(low, self.channel, settings, exclude):
                if americanised(candidate):
                    continue
                options.append((match_case(word, candidate), [candidate], max(0.0, cost - settings["far_discount"])))
        return options

    def with_recognizer_confidence(self, options: List[Option], confidence: Optional[float]) -> List[Option]:
        """The options with each change's cost moved by how sure the recognizer was of the word:
        `recognizer_confidence_weight` * (confidence - `recognizer_confidence_midpoint`), floored at 0.
        A word tesseract doubted is cheaper to change, one it was sure of dearer."""
        weight = self.settings.get("recognizer_confidence_weight", 0.0)
        if confidence is None or weight == 0 or len(options) == 1:
            return options
        shift = weight * (confidence - self.settings.get("recognizer_confidence_midpoint", 0.5))
        return [options[0]] + [(text, words, max(0.0, cost + shift)) for text, words, cost in options[1:]]

    def correct(
        self,
        line: str,
        confidences: Optional[Sequence[Optional[float]]] = None,
        document_counts: Optional[Dict[str, int]] = None,
        words_before: Optional[Sequence[str]] = None,
    ) -> Tuple[str, List[dict]]:
        """The corrected line, and its word replacements: {start, end} in `line`, the replacement text
        and its confidence (the posterior of the chosen word among the position's options, with the
        words around it as the best path has them, calibrated where channel.json says how).
        `confidences`: the recognizer's, one per white-space separated word of the line (None where
        unknown). `document_counts`: the words of the document the line belongs to
        (document_word_counts); the line's own when not given. `words_before`: the word model's last
        two words of the line before, where the sentence may run on into this line (read_lines): the
        line is read from them, or as a new sentence at `new_sentence_cost`; without them, or without
        that setting, as a new sentence."""
        text, edits, _ = self.read(line, confidences, document_counts, words_before)
        return text, edits

    def read(
        self,
        line: str,
        confidences: Optional[Sequence[Optional[float]]] = None,
        document_counts: Optional[Dict[str, int]] = None,
        words_before: Optional[Sequence[str]] = None,
    ) -> Tuple[str, List[dict], Tuple[str, str]]:
        """correct's line and edits, and the last two words of the line's best path for the word model,
        "<s>" where it has fewer (the context the next line starts from when the sentence runs on)."""
        spans = [(m.start(), m.end()) for m in WORD.finditer(line)]
        options = [
            self.with_recognizer_confidence(
                self.options(
                    line[start:end], in_code=in_reference_code(line, start, end) or in_longer_word(line, start, end)
                ),
                recognizer_confidence(line, start, confidences),
            )
            for start, end in spans
        ]
        starts = [("<s>", "<s>")]
        new_sentence_cost = self.settings.get("new_sentence_cost")
        if words_before and new_sentence_cost is not None:
            starts = [tuple((["<s>", "<s>"] + list(words_before))[-2:]), ("<s>", "<s>")]
        chosen, before = self.best_path(options, starts)
        if document_counts is None:
            document_counts = document_word_counts([line])
        text, cursor, edits = [], 0, []
        for position, ((start, end), k) in enumerate(zip(spans, chosen)):
            text.append(line[cursor:start])
            text.append(options[position][k][0])
            cursor = end
            if k != 0:
                replacement = options[position][k][0]
                posterior = self.posterior(options, chosen, position, before)
                edits.append(
                    {
                        "start": start,
                        "end": end,
                        "text": replacement,
                        "confidence": self.calibrated(line[start:end], replacement, posterior, document_counts),
                    }
                )
        text.append(line[cursor:])
        # The line's own words only: a line of marks ("-----") or a single word passes on no more.
        last_words = tuple((["<s>", "<s>"] + [w for o, k in zip(options, chosen) for w in o[k][1]])[-2:])
        return "".join(text), edits, last_words

    def read_lines(
        self,
        lines: Sequence[Tuple[str, Optional[Sequence[Optional[float]]]]],
        document_counts: Optional[Dict[str, int]] = None,
    ) -> List[Tuple[str, List[dict]]]:
        """correct for each (line, confidences) of a document in reading order, where a line that
        runs on from the one before (runs_on) may start from that line's last words (ocr-refine.ts
        `ScanLineReadings` is the twin)."""
        results, previous = [], None
        for index, (line, confidences) in enumerate(lines):
            words_before = previous if index > 0 and runs_on(lines[index - 1][0]) else None
            text, edits, previous = self.read(line, confidences, document_counts, words_before)
            results.append((text, edits))
        return results

    def calibrated(self, word: str, replacement: str, posterior: float, document_counts: Dict[str, int]) -> float:
        """The probability that the edit lowers the line's character errors, where channel.json has an
        `edit_calibration` (fitted by training/tools/fit_lexicon_gate.py); else the posterior."""
        calibration = self.settings.get("edit_calibration")
        # A lone "|" or "!" read as "I": the OOD dev scans, where the weights were fitted, have none.
        if not calibration or word in ("|", "!"):
            return posterior
        z = calibration["bias"]
        features = calibration_features(self.lexicon, word, replacement, posterior, document_counts)
        for name, value in zip(CALIBRATION_FEATURES, features):
            z += calibration[name] * value
        return 1 / (1 + math.exp(-z))

    def best_path(
        self, options: List[List[Option]], starts: Sequence[Tuple[str, str]] = (("<s>", "<s>"),)
    ) -> Tuple[List[int], Tuple[str, str]]:
        """The option index per word of the best hypothesis of a beam search with recombination, and
        the context it started from: the first of `starts` free, the second (a new sentence, where the
        line may run on from the line before) at `new_sentence_cost`."""
        weight, beam_width = self.settings["channel_weight"], self.settings["beam"]
        # Each hypothesis: (score, last two LM words, chosen option per word so far, its start).
        beam: List[Tuple[float, Tuple[str, str], List[int], int]] = [
            (0.0 if i == 0 else -self.settings["new_sentence_cost"], start, [], i) for i, start in enumerate(starts)
        ]
        for word_options in options:
            extended = []
            for score, (a, b), chosen, start in beam:
                for k, (_, words, cost) in enumerate(word_options):
                    total, x, y = score - weight * cost, a, b
                    for w in words:
                        total += self.lm.log_probability(x, y, w)
                        x, y = y, w
                    extended.append((total, (x, y), chosen + [k], start))
            extended.sort(key=lambda h: -h[0])  # stable: ties keep the earlier hypothesis
            beam, seen = [], set()
            for hypothesis in extended:
                if hypothesis[1] not in seen:
                    seen.add(hypothesis[1])
                    beam.append(hypothesis)
                    if len(beam) == beam_width:
                        break
        best = max(beam, key=lambda h: h[0] + self.lm.log_probability(h[1][0], h[1][1], "</s>"))
        return best[2], starts[best[3]]

    def posterior(
        self, options: List[List[Option]], chosen: List[int], position: int, start: Tuple[str, str] = ("<s>", "<s>")
    ) -> float:
        before = list(start) + [w for i in range(position) for w in options[i][chosen[i]][1]]
        following = [w for i in range(position + 1, len(options)) for w in options[i][chosen[i]][1]]
        after = following[:2] if len(following) >= 2 else following + ["</s>"]
        scores = []
        for _, words, cost in options[position]:
            history = before[-2:] + words + after
            total = -self.settings["channel_weight"] * cost
            for i in range(2, len(history)):
                total += self.lm.log_probability(history[i - 2], history[i - 1], history[i])
            scores.append(total)
        top = max(scores)
        return math.exp(scores[chosen[position]] - top) / sum(math.exp(score - top) for score in scores)


def write_fixture(model_dir: Path, records_path: Path, out_path: Path, limit: int) -> None:
    corrector = OcrLexicon(model_dir)
    lines = []
    with open(records_path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["task"] == "ocr":
                lines.append(record["hypotheses"][0])
    cases = []
    # The fixture's lines are one document (the TypeScript test counts them the same way).
    counts = document_word_counts(lines[:limit])
    for index, line in enumerate(lines[:limit]):
        # The dev lines carry no word confidences: every other line gets some, seeded by its index.
        case: dict = {"line": line}
        if index % 2:
            draw = random.Random(index)
            case["confidences"] = [round(draw.random(), 2) for _ in line.split()]
        cases.append(case)
    # Read in order as one document, each line after the one before (the TypeScript test too).
    readings = corrector.read_lines([(case["line"], case.get("confidences")) for case in cases], counts)
    for case, (text, edits) in zip(cases, readings):
        case.update(corrected=text, edits=edits)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(json.dumps(cases, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    changed = sum(case["line"] != case["corrected"] for case in cases)
    print(f"{out_path}: {len(cases)} lines, {changed} changed")


def main(argv: Optional[Sequence[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    build_parser = commands.add_parser("build", help="write the trigram model, lexicon and channel")
    build_parser.add_argument("--out", type=Path, default=ROOT / "assets" / "models" / "ocr-lexicon")
    build_parser.add_argument("--min-trigram", type=int, default=2)
    build_parser.add_argument("--min-bigram", type=int, default=2)
    build_parser.add_argument(
        "--channel",
        type=Path,
        help="take the confusions and settings from this channel.json instead of recounting them from "
        "the calibration (to rebuild the language model and lexicon on a new corpus alone)",
    )
    fixture_parser = commands.add_parser("fixture", help="lines and their corrections for the TypeScript parity test")
    fixture_parser.add_argument("model_dir", type=Path)
    fixture_parser.add_argument("records", type=Path)
    fixture_parser.add_argument("out", type=Path)
    fixture_parser.add_argument("--limit", type=int, default=400)
    args = parser.parse_args(argv)
    if args.command == "build":
        sentences = list(corpus_sentences())
        if args.channel:
            settings = json.loads(args.channel.read_text(encoding="utf-8"))
            confusions = [tuple(confusion) for confusion in settings.pop("confusions")]
        else:
            settings, confusions = None, channel_confusions()
        print(build(args.out, sentences, cmudict_words(), confusions, args.min_trigram, args.min_bigram, settings))
    else:
        write_fixture(args.model_dir, args.records, args.out, args.limit)


if __name__ == "__main__":
    main()
