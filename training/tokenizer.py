"""Byte-level BPE tokenizer shared by training (Python) and the app (src/corrector/runtime/tokenizer.ts).

Every string is first turned into UTF-8 bytes, so the 256 byte tokens alone can spell anything
("byte fallback"): decode(encode(s)) == s for any str that is valid Unicode. Merges learned on the
training corpus then join frequent byte sequences into pieces.

The algorithm is deliberately small so that the TypeScript twin gives identical ids:
  1. pre-tokenize the bytes into chunks (an optional single leading space + a run of one byte class),
  2. inside each chunk, repeatedly merge the adjacent pair with the lowest merge rank, all its
     non-overlapping occurrences left to right, until no ranked pair remains.

Ids: the special tokens first, then the 256 bytes (BYTE_OFFSET + byte), then one id per merge.

    /usr/bin/python3 -m training.tokenizer train CORPUS.txt|.jsonl OUT/tokenizer.json --vocab-size 4096
"""

from __future__ import annotations

import argparse
import heapq
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterable

FORMAT_NAME = "neko-byte-bpe"
FORMAT_VERSION = 1
SPECIAL_TOKENS = ("<pad>", "<bos>", "<eos>", "<unk>", "<sep>")
BYTE_OFFSET = len(SPECIAL_TOKENS)
MAX_VOCAB_SIZE = 8192

# Byte classes of the pre-tokenizer. Bytes >= 0x80 count as letters so that a word with accents,
# or a run of CJK characters, stays one chunk.
LETTER, DIGIT, SPACE, OTHER = 0, 1, 2, 3


def _byte_class(byte: int) -> int:
    if byte >= 0x80 or 0x41 <= byte <= 0x5A or 0x61 <= byte <= 0x7A:
        return LETTER
    if 0x30 <= byte <= 0x39:
        return DIGIT
    if byte in (0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D):
        return SPACE
    return OTHER


_CLASS_OF_BYTE = [_byte_class(b) for b in range(256)]


def pretokenize(data: bytes) -> list[bytes]:
    """Splits bytes into chunks; a single space before a non-space run joins that run."""
    chunks: list[bytes] = []
    length = len(data)
    start = 0
    while start < length:
        end = start
        if data[start] == 0x20 and start + 1 < length and _CLASS_OF_BYTE[data[start + 1]] != SPACE:
            end = start + 1
        run_class = _CLASS_OF_BYTE[data[end]]
        end += 1
        while end < length and _CLASS_OF_BYTE[data[end]] == run_class:
            # Leave the last space of a white-space run to the word that follows it.
            if (
                run_class == SPACE
                and data[end] == 0x20
                and end + 1 < length
                and _CLASS_OF_BYTE[data[end + 1]] != SPACE
            ):
                break
            end += 1
        chunks.append(data[start:end])
        start = end
    return chunks


def _merge_pair(symbols: list[int], pair: tuple[int, int], new_id: int) -> list[int]:
    merged: list[int] = []
    i = 0
    while i < len(symbols):
        if i + 1 < len(symbols) and symbols[i] == pair[0] and symbols[i + 1] == pair[1]:
            merged.append(new_id)
            i += 2
        else:
            merged.append(symbols[i])
            i += 1
    return merged


class Tokenizer:
    def __init__(self, merges: list[tuple[int, int]]):
        if BYTE_OFFSET + 256 + len(merges) > MAX_VOCAB_SIZE:
            raise ValueError(f"vocabulary of {BYTE_OFFSET + 256 + len(merges)} exceeds {MAX_VOCAB_SIZE}")
        self.merges = merges
        self.rank = {pair: index for index, pair in enumerate(merges)}
        self.special = {name.strip("<>"): index for index, name in enumerate(SPECIAL_TOKENS)}
        self.piece_bytes: list[bytes] = [b""] * BYTE_OFFSET + [bytes([b]) for b in range(256)]
        for left, right in merges:
            self.piece_bytes.append(self.piece_bytes[left] + self.piece_bytes[right])
        self._chunk_cache: dict[bytes, list[int]] = {}

    @property
    def vocab_size(self) -> int:
        return len(self.piece_bytes)

    @property
    def pad_id(self) -> int:
        return self.special["pad"]

    @property
    def bos_id(self) -> int:
        return self.special["bos"]

    @property
    def eos_id(self) -> int:
        return self.special["eos"]

    @property
    def sep_id(self) -> int:
        return self.special["sep"]

    def _encode_chunk(self, chunk: bytes) -> list[int]:
        cached = self._chunk_cache.get(chunk)
        if cached is not None:
            return cached
        symbols = [BYTE_OFFSET + b for b in chunk]
        while len(symbols) > 1:
            best_rank = None
            for pair in zip(symbols, symbols[1:]):
                rank = self.rank.get(pair)
                if rank is not None and (best_rank is None or rank < best_rank):
                    best_rank = rank
            if best_rank is None:
                break
            symbols = _merge_pair(symbols, self.merges[best_rank], BYTE_OFFSET + 256 + best_rank)
        if len(self._chunk_cache) < 200_000:
            self._chunk_cache[chunk] = symbols
        return symbols

    def encode(self, text: str) -> list[int]:
        ids: list[int] = []
        for chunk in pretokenize(text.encode("utf-8")):
            ids.extend(self._encode_chunk(chunk))
        return ids

    def decode(self, ids: Iterable[int]) -> str:
        """Special tokens decode to nothing; invalid UTF-8 (a model can emit it) becomes U+FFFD."""
        data = b"".join(self.piece_bytes[i] for i in ids if i >= BYTE_OFFSET)
        return data.decode("utf-8", errors="replace")

    def to_json(self) -> dict:
        return {
            "type": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "vocab_size": self.vocab_size,
            "special_tokens": {name.strip("<>"): index for index, name in enumerate(SPECIAL_TOKENS)},
            "byte_offset": BYTE_OFFSET,
            "pretokenizer": "space-prefixed byte-class runs (letters incl. bytes >= 0x80, digits, white space, other)",
            "merges": [list(pair) for pair in self.merges],
        }

    def save(self, path: str | Path) -> None:
        path = Path(path)
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_text(json.dumps(self.to_json(), separators=(",", ":")) + "\n", encoding="utf-8")
        temporary.replace(path)

    @classmethod
    def load(cls, path: str | Path) -> "Tokenizer":
        spec = json.loads(Path(path).read_text(encoding="utf-8"))
        if spec.get("type") != FORMAT_NAME or spec.get("version") != FORMAT_VERSION:
            raise ValueError(f"{path}: not a {FORMAT_NAME} v{FORMAT_VERSION} tokenizer")
        return cls([(int(a), int(b)) for a, b in spec["merges"]])


def build_source(tokenizer: Tokenizer, hypotheses: list[str], nbest_max: int, max_source_tokens: int) -> list[int]:
    """Encoder input: ids(h1) <sep> ids(h2) <sep> ... <eos>, as src/corrector/runtime/source.ts builds it.

    Whole hypotheses are kept, best first, while they fit in max_source_tokens (counting <sep> and the
    final <eos>); the best one alone is cut to fit when it is too long. No task token: the router decides.
    """
    budget = max_source_tokens - 1
    if budget < 1:
        raise ValueError("max_source_tokens must leave room for one token and <eos>")
    candidates = list(hypotheses[:nbest_max]) or [""]
    ids = tokenizer.encode(candidates[0])[:budget]
    for hypothesis in candidates[1:]:
        extra = [tokenizer.sep_id, *tokenizer.encode(hypothesis)]
        if len(ids) + len(extra) > budget:
            break
        ids.extend(extra)
    return ids + [tokenizer.eos_id]


def train(texts: Iterable[str], vocab_size: int) -> Tokenizer:
    """Learns merges by pair frequency over distinct chunks; ties go to the smallest pair (deterministic)."""
    if not BYTE_OFFSET + 256 <= vocab_size <= MAX_VOCAB_SIZE:
        raise ValueError(f"vocab_size must be in [{BYTE_OFFSET + 256}, {MAX_VOCAB_SIZE}]")
    chunk_counts: Counter[bytes] = Counter()
    for text in texts:
        chunk_counts.update(pretokenize(text.encode("utf-8")))
    words = [[BYTE_OFFSET + b for b in chunk] for chunk in sorted(chunk_counts)]
    frequencies = [chunk_counts[chunk] for chunk in sorted(chunk_counts)]

    pair_counts: defaultdict[tuple[int, int], int] = defaultdict(int)
    pair_words: defaultdict[tuple[int, int], set[int]] = defaultdict(set)
    for index, (word, frequency) in enumerate(zip(words, frequencies)):
        for pair in zip(word, word[1:]):
            pair_counts[pair] += frequency
            pair_words[pair].add(index)
    heap = [(-count, pair) for pair, count in pair_counts.items()]
    heapq.heapify(heap)

    merges: list[tuple[int, int]] = []
    while BYTE_OFFSET + 256 + len(merges) < vocab_size and heap:
        negative_count, pair = heapq.heappop(heap)
        if pair_counts.get(pair, 0) != -negative_count:
            continue  # stale heap entry; the current count was pushed when it changed
        if -negative_count < 2:
            break
        new_id = BYTE_OFFSET + 256 + len(merges)
        merges.append(pair)
        changed: set[tuple[int, int]] = set()
        for index in sorted(pair_words.pop(pair, ())):
            word, frequency = words[index], frequencies[index]
            for old in zip(word, word[1:]):
                pair_counts[old] -= frequency
                changed.add(old)
            word = _merge_pair(word, pair, new_id)
            words[index] = word
            for new in zip(word, word[1:]):
                pair_counts[new] += frequency
                pair_words[new].add(index)
                changed.add(new)
        for changed_pair in changed:
            count = pair_counts.get(changed_pair, 0)
            if count <= 0:
                pair_counts.pop(changed_pair, None)
                pair_words.pop(changed_pair, None)
            elif changed_pair != pair:
                heapq.heappush(heap, (-count, changed_pair))
        pair_counts.pop(pair, None)
    return Tokenizer(merges)


def read_corpus(paths: Iterable[str | Path]) -> Iterable[str]:
    """Plain text (one segment a line) or N-best JSONL (reference and hypotheses)."""
    for path in paths:
        path = Path(path)
        with path.open(encoding="utf-8") as lines:
            for line_number, line in enumerate(lines, 1):
                if path.suffix != ".jsonl":
                    yield line.rstrip("\n")
                    continue
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    raise ValueError(f"{path}:{line_number}: invalid JSON ({error.msg})") from None
                yield record.get("reference") or ""
                yield from record.get("hypotheses", [])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    train_command = commands.add_parser("train", help="learn a tokenizer and write tokenizer.json")
    train_command.add_argument("corpus", nargs="+", help=".txt (one segment a line) or N-best .jsonl files")
    train_command.add_argument("output")
    train_command.add_argument("--vocab-size", type=int, default=4096)
    encode_command = commands.add_parser("encode", help="print the ids of each stdin line")
    encode_command.add_argument("tokenizer")
    args = parser.parse_args(argv)
    if args.command == "train":
        tokenizer = train(read_corpus(args.corpus), args.vocab_size)
        tokenizer.save(args.output)
        print(f"{args.output}: {tokenizer.vocab_size} pieces", file=sys.stderr)
    else:
        tokenizer = Tokenizer.load(args.tokenizer)
        for line in sys.stdin:
            print(" ".join(map(str, tokenizer.encode(line.rstrip("\n")))))


if __name__ == "__main__":
    main()
