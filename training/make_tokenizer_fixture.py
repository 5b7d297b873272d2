"""Writes the Python-side truth for the TypeScript tokenizer parity test.

    /usr/bin/python3 -m training.make_tokenizer_fixture TOKENIZER.json CORPUS.txt test/fixtures/tokenizer

Copies the tokenizer and writes parity.jsonl.gz: {"text", "ids"} for >= 10,000 strings (corpus
segments, OCR garbage, emoji, CJK and other scripts, combining marks, control characters, long white
space runs, random code points) and {"hypotheses", "nbest_max", "max_source_tokens", "source_ids"}
cases for the source construction. Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import shutil
from pathlib import Path

from .tokenizer import Tokenizer, build_source

OCR_CONFUSIONS = [("m", "rn"), ("l", "1"), ("I", "l"), ("O", "0"), ("e", "c"), ("h", "b"), ("o", "°"), ("fi", "ﬁ")]
EMOJI = ["😀", "👍🏽", "👩‍💻", "🇫🇷", "❤️", "🧑🏿‍🤝‍🧑🏻", "🐈‍⬛", "™", "©", "✔", "☕", "🎉"]
SCRIPTS = [
    "日本語のテキスト",
    "中文文本识别错误",
    "한국어 문장입니다",
    "Русский текст",
    "Ελληνικά γράμματα",
    "العربية نص",
    "עברית",
    "हिन्दी पाठ",
    "ภาษาไทย",
    "Ünïcödé àçcéñts",
]
COMBINING = ["\u0301", "\u0308", "\u0327", "\u0303", "\u20dd", "\u0336", "\u034f", "\u200d", "\ufe0f"]
SPACES = [" ", "\t", "\n", "\r", "\u00a0", "\u3000", "\u2009", "\u200b"]


def random_code_point(rng: random.Random) -> str:
    while True:
        code = rng.choice([rng.randrange(0x20, 0x250), rng.randrange(0x250, 0x3000), rng.randrange(0x3000, 0x110000)])
        if not 0xD800 <= code <= 0xDFFF:
            return chr(code)


def ocr_garbage(text: str, rng: random.Random) -> str:
    for right, wrong in OCR_CONFUSIONS:
        if rng.random() < 0.5:
            text = text.replace(right, wrong)
    characters = list(text)
    for _ in range(rng.randrange(1, 6)):
        position = rng.randrange(len(characters) + 1)
        characters.insert(position, rng.choice(list("~|^`¦§¬°·,.;:'\"-_/\\{}[]()<>*#@")))
    if characters and rng.random() < 0.3:
        del characters[rng.randrange(len(characters))]
    return "".join(characters)


def strings_for_parity(segments: list[str], rng: random.Random) -> list[str]:
    def segment() -> str:
        return rng.choice(segments)

    strings = ["", " ", "  ", "\n", "a", "A", "0", "'", "\x00", "\x7f", "\ufeff", "\U0010ffff", "🙂"]
    strings += [bytes([b]).decode("latin-1") for b in range(256)]
    strings += [segment() for _ in range(3500)]
    strings += [segment().lower().replace(",", "").replace(".", "") for _ in range(800)]
    strings += [ocr_garbage(segment(), rng) for _ in range(1800)]
    for _ in range(900):
        words = segment().split()
        for _ in range(rng.randrange(1, 4)):
            words.insert(rng.randrange(len(words) + 1), "".join(rng.choices(EMOJI, k=rng.randrange(1, 4))))
        strings.append(" ".join(words))
    for _ in range(900):
        pieces = [rng.choice(SCRIPTS) for _ in range(rng.randrange(1, 4))] + [segment()[:40]]
        rng.shuffle(pieces)
        strings.append(rng.choice(["", " ", "、", "。"]).join(pieces))
    for _ in range(600):
        text = segment()[:60]
        characters = [c + (rng.choice(COMBINING) if rng.random() < 0.2 else "") for c in text]
        strings.append("".join(characters))
    for _ in range(600):
        text = segment()[:80]
        characters = [c if rng.random() > 0.08 else chr(rng.randrange(0, 32)) for c in text]
        strings.append("".join(characters))
    for _ in range(600):
        words = segment().split()
        strings.append("".join(w + "".join(rng.choices(SPACES, k=rng.randrange(1, 40))) for w in words))
    for _ in range(800):
        strings.append("".join(random_code_point(rng) for _ in range(rng.randrange(1, 30))))
    strings += ["a" * 500, " " * 300 + "x", "ab" * 300, "1234567890" * 30, "." * 200, "日" * 200]
    return strings


def source_cases(segments: list[str], rng: random.Random) -> list[dict]:
    cases = []
    for _ in range(600):
        best = rng.choice(segments)
        hypotheses = [best] + [ocr_garbage(best, rng) for _ in range(rng.randrange(0, 7))]
        if rng.random() < 0.05:
            hypotheses = []
        cases.append(
            {
                "hypotheses": hypotheses,
                "nbest_max": rng.choice([1, 3, 5]),
                "max_source_tokens": rng.choice([2, 8, 24, 64, 256]),
            }
        )
    return cases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("tokenizer")
    parser.add_argument("corpus", help="text file; each line is cut into sentence-sized segments")
    parser.add_argument("output_dir")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    tokenizer = Tokenizer.load(args.tokenizer)
    segments = []
    for line in Path(args.corpus).read_text(encoding="utf-8").splitlines():
        segments.extend(sentence.strip() + "." for sentence in line.split(". ") if 3 < len(sentence) < 160)
    segments.sort()
    output_dir = Path(args.output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(args.tokenizer, output_dir / "tokenizer.json")

    strings = strings_for_parity(segments, rng)
    records = []
    for text in strings:
        ids = tokenizer.encode(text)
        assert tokenizer.decode(ids) == text, f"round trip failed for {text!r}"
        records.append({"text": text, "ids": ids})
    for case in source_cases(segments, rng):
        case["source_ids"] = build_source(tokenizer, case["hypotheses"], case["nbest_max"], case["max_source_tokens"])
        records.append(case)
    temporary = output_dir / "parity.jsonl.gz.tmp"
    lines = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    with open(temporary, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as out:
        out.write(lines.encode("utf-8"))
    temporary.replace(output_dir / "parity.jsonl.gz")
    print(f"{output_dir}: {len(strings)} strings, {len(records) - len(strings)} source cases")


if __name__ == "__main__":
    main()
