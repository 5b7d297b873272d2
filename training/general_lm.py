"""The general English word model that the OCR lexical pass mixes with its corpus model.

The lexicon's own trigram model (`lm.arpa.gz`) is estimated on this project's corpus: speeches,
e-mail, the Brown corpus, WordNet. Out of domain it is a weak judge (perplexity 1,146 on the OOD dev
scans' words that both models know). CMU Sphinx's generic US English model, which Debian ships in
`pocketsphinx-en-us` (BSD-2-Clause), was estimated on far more text and scores the same words at 866
(learners' sentences 272 → 86, meetings 718 → 253). It comes as a binary trie; Debian's
`sphinx_lm_convert` turns it into ARPA text but stops on an assertion (its writer finds 6 of the
2,051,547 bigrams the header declares missing), so `training/tools/sphinx_lm_to_arpa.sh` builds the
converter from Debian's source with the assertion turned into a warning.

This module keeps the model's unigrams and its most informative bigrams (the whole model, trigrams
and all, gave the pass alone OOD dev CER -11.0% against -10.9% with these, for 2.7 M more n-grams),
renormalizes the backoff weights for what was pruned, and writes a bigram ARPA file:

    bash training/tools/sphinx_lm_to_arpa.sh /tmp/en-us.arpa
    /usr/bin/python3 -m training.general_lm /tmp/en-us.arpa assets/models/ocr-lexicon/general-lm.arpa.gz

A bigram is ranked by its share of the model's relative entropy (Stolcke's pruning criterion, without
the backoff weight's own change): P(h) P(w|h) (log P(w|h) - log(bo(h) P(w))). The model has no <unk>;
the file gives unseen words the corpus model's <unk> probability, so that the mixture neither favours
nor penalizes a word for being missing from this model alone.
"""

from __future__ import annotations

import argparse
import gzip
import heapq
import math
from collections import defaultdict
from pathlib import Path
from typing import Dict, Optional, Sequence, Tuple

ROOT = Path(__file__).resolve().parent.parent
LEXICON = ROOT / "assets" / "models" / "ocr-lexicon"
UNKNOWN = "<unk>"
SENTENCE_START = "<s>"
# P(<s>) as a history: a sentence starts about once in twenty words (the model gives <s> no unigram
# probability of its own, as it is never predicted).
SENTENCE_START_SHARE = 0.05
# ARPA's "log10 zero", for a history whose bigrams carry all its probability.
LOG10_FLOOR = -99.0

Bigram = Tuple[str, str]


def read_bigram_model(path: Path) -> Tuple[Dict[str, float], Dict[str, float], Dict[Bigram, float]]:
    """Unigram log10 probabilities and backoffs, and bigram log10 probabilities, of an ARPA file whose
    n-gram words are separated by tabs (as sphinx_lm_convert writes them) or spaces; higher orders
    are skipped."""
    unigrams: Dict[str, float] = {}
    backoffs: Dict[str, float] = {}
    bigrams: Dict[Bigram, float] = {}
    order = 0
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if line.startswith("\\") and line.endswith("-grams:"):
                order = int(line[1])
                continue
            if not order or not line or line.startswith("\\") or order > 2:
                continue
            fields = line.replace("\t", " ").split()
            if len(fields) not in (order + 1, order + 2):
                raise ValueError(f"{path}, line {number}: expected {order} word(s) and a probability")
            probability, words = float(fields[0]), fields[1 : order + 1]
            if order == 1:
                unigrams[words[0]] = probability
                backoffs[words[0]] = float(fields[2]) if len(fields) > 2 else 0.0
            else:
                bigrams[(words[0], words[1])] = probability
    return unigrams, backoffs, bigrams


def history_probability(word: str, unigrams: Dict[str, float]) -> float:
    return SENTENCE_START_SHARE if word == SENTENCE_START else 10 ** unigrams.get(word, LOG10_FLOOR)


def pruning_score(
    bigram: Bigram, log10_probability: float, unigrams: Dict[str, float], backoffs: Dict[str, float]
) -> float:
    history, word = bigram
    backed_off = backoffs.get(history, 0.0) + unigrams.get(word, LOG10_FLOOR)
    return history_probability(history, unigrams) * 10**log10_probability * (log10_probability - backed_off)


def renormalized_backoffs(unigrams: Dict[str, float], kept: Dict[Bigram, float]) -> Dict[str, float]:
    """Each history's backoff weight for the bigrams kept: the probability they leave, spread over the
    words they do not cover in proportion to their unigram probabilities."""
    covered, covered_unigram = defaultdict(float), defaultdict(float)
    for (history, word), probability in kept.items():
        covered[history] += 10**probability
        covered_unigram[history] += 10 ** unigrams.get(word, LOG10_FLOOR)
    backoffs = {}
    for word in unigrams:
        if word not in covered:
            backoffs[word] = 0.0
            continue
        left, left_unigram = 1.0 - covered[word], 1.0 - covered_unigram[word]
        if left <= 0 or left_unigram <= 0:
            backoffs[word] = LOG10_FLOOR
        else:
            backoffs[word] = math.log10(left) - math.log10(left_unigram)
    return backoffs


def pruned(
    unigrams: Dict[str, float], backoffs: Dict[str, float], bigrams: Dict[Bigram, float], keep: int
) -> Tuple[Dict[str, float], Dict[Bigram, float]]:
    """The `keep` bigrams of the highest pruning score (ties: the earlier bigram in sorted order) and the
    unigram backoffs renormalized for them."""
    ranked = heapq.nsmallest(
        keep,
        bigrams.items(),
        key=lambda item: (-pruning_score(item[0], item[1], unigrams, backoffs), item[0]),
    )
    kept = dict(ranked)
    return renormalized_backoffs(unigrams, kept), kept


def corpus_unknown_log10(lexicon: Path = LEXICON) -> float:
    with gzip.open(lexicon / "lm.arpa.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 2 and fields[1] == UNKNOWN:
                return float(fields[0])
    raise ValueError(f"{lexicon / 'lm.arpa.gz'} has no {UNKNOWN} unigram")


def write_bigram_arpa(
    path: Path,
    unigrams: Dict[str, float],
    backoffs: Dict[str, float],
    bigrams: Dict[Bigram, float],
    unknown_log10: float,
) -> None:
    """Writes the model as the lexicon's ARPA files are written: tab-separated fields, space-separated
    words, sorted, gzip without a timestamp (so that a rebuild is byte-identical)."""
    words = dict(unigrams)
    words.setdefault(UNKNOWN, unknown_log10)
    lines: list[str] = ["\\data\\", f"ngram 1={len(words)}", f"ngram 2={len(bigrams)}", "", "\\1-grams:"]
    for word in sorted(words):
        lines.append(f"{words[word]:.4f}\t{word}\t{backoffs.get(word, 0.0):.4f}")
    lines += ["", "\\2-grams:"]
    lines += [f"{bigrams[bigram]:.4f}\t{bigram[0]} {bigram[1]}" for bigram in sorted(bigrams)]
    lines += ["", "\\end\\", ""]
    temporary = path.with_name(path.name + ".tmp")
    with open(temporary, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as handle:
        handle.write("\n".join(lines).encode("utf-8"))
    temporary.replace(path)


def main(argv: Optional[Sequence[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("arpa", type=Path, help="the general model as ARPA text (sphinx_lm_to_arpa.sh)")
    parser.add_argument("out", type=Path)
    parser.add_argument("--bigrams", type=int, default=1_000_000, help="bigrams kept (default 1,000,000)")
    parser.add_argument("--lexicon", type=Path, default=LEXICON, help="whose lm.arpa.gz gives <unk>")
    args = parser.parse_args(argv)
    unigrams, backoffs, bigrams = read_bigram_model(args.arpa)
    new_backoffs, kept = pruned(unigrams, backoffs, bigrams, args.bigrams)
    write_bigram_arpa(args.out, unigrams, new_backoffs, kept, corpus_unknown_log10(args.lexicon))
    print(f"{args.out}: {len(unigrams)} unigrams, {len(kept)} of {len(bigrams)} bigrams")


if __name__ == "__main__":
    main()
