"""Scans for the out-of-domain OCR sets: whole documents as pages, in faces and degradations that no
training page had, read by tesseract's page layout analysis with its word confidences.

Training pages (ocr_real.py) are up to 8 lines of 64 characters in DejaVu, Liberation or FreeFont,
degraded by down-scaling, Gaussian blur and noise, small rotations, fading and JPEG, and read as one
block (`--psm 6`). Here a page is a whole letter, invoice or report: headings, address lines and
paragraphs at a width of its own, in URW, Crosextra or TeX Gyre faces, degraded by motion blur,
impulse (salt-and-pepper) noise, uneven lighting, ink spread and skew, saved losslessly, and read with
automatic page segmentation (`--psm 3`). Each page searches its degradation level for a target
character error rate (2-12%), as training pages do: tesseract is either near-perfect or collapses.
"""

from __future__ import annotations

import csv
import hashlib
import io
import random
import subprocess
import tempfile
from pathlib import Path
from typing import Any, Dict, List, Sequence, Tuple

from . import ocr_real

FONTS = [
    "/usr/share/fonts/opentype/urw-base35/C059-Roman.otf",
    "/usr/share/fonts/opentype/urw-base35/P052-Roman.otf",
    "/usr/share/fonts/opentype/urw-base35/URWBookman-Light.otf",
    "/usr/share/fonts/opentype/urw-base35/URWGothic-Book.otf",
    "/usr/share/fonts/opentype/urw-base35/NimbusSansNarrow-Regular.otf",
    "/usr/share/fonts/opentype/urw-base35/NimbusMonoPS-Regular.otf",
    "/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf",
    "/usr/share/fonts/truetype/crosextra/Caladea-Regular.ttf",
    "/usr/share/texmf/fonts/opentype/public/tex-gyre/texgyreadventor-regular.otf",
    "/usr/share/texmf/fonts/opentype/public/tex-gyre/texgyrebonum-regular.otf",
    "/usr/share/texmf/fonts/opentype/public/tex-gyre/texgyrepagella-regular.otf",
    "/usr/share/texmf/fonts/opentype/public/tex-gyre/texgyreschola-regular.otf",
    "/usr/share/texmf/fonts/opentype/public/tex-gyre/texgyrecursor-regular.otf",
]
FONT_PACKAGES = "fonts-urw-base35 fonts-crosextra-carlito fonts-crosextra-caladea fonts-texgyre"
SEARCH_STEPS = 4


def check_fonts() -> None:
    missing = [font for font in FONTS if not Path(font).exists()]
    if missing:
        raise SystemExit(f"out-of-domain scans need {', '.join(missing)} (apt-get install {FONT_PACKAGES})")


def page_lines(text: str, width: int) -> List[str]:
    """The document's lines as printed: each paragraph wrapped at `width` characters, its own line
    breaks (address blocks, invoice lines) kept, a blank line between paragraphs."""
    lines: List[str] = []
    for paragraph in text.strip().split("\n\n"):
        if lines:
            lines.append("")
        for line in paragraph.splitlines():
            lines.extend(ocr_real.wrap_lines(line, width) or [""])
    return lines


def render(lines: Sequence[str], font: str, point_size: int, level: float, seed: int, image: Path) -> None:
    """The page as a degraded grey PNG at degradation level 0..1."""
    rng = random.Random(seed)
    # One label a line, stacked: a multi-line label of 20 lines or more trips ImageMagick 6's
    # "width or height exceeds limit" here, whatever its size; a blank label fails too.
    labels: List[str] = []
    for line in lines:
        text = ocr_real._escape_label(line)
        labels += [f"label:{text}"] if text else ["(", "-size", f"1x{point_size}", "xc:white", "+size", ")"]
    darkest = round(100 - 35 * level * rng.uniform(0.5, 1.0))
    command = [
        ocr_real.CONVERT,
        # ImageMagick's noise and spread are random unless seeded.
        "-seed", str(seed),
        "-background", "white", "-fill", "black",
        "-font", font, "-pointsize", str(point_size), *labels, "-append",
        "-bordercolor", "white", "-border", "60",
        "-resize", f"{round(100 - 45 * level)}%",
        "-motion-blur", f"0x{0.3 + 2.2 * level * rng.uniform(0.5, 1.0):.2f}+{rng.randint(0, 179)}",
        "-spread", f"{0.6 * level * rng.uniform(0.0, 1.0):.2f}",
        "-attenuate", f"{0.05 + 0.6 * level * rng.uniform(0.5, 1.0):.3f}", "+noise", "Impulse",
        "(", "+clone", "-sparse-color", "Barycentric",
        f"0,0 gray{darkest} %w,%h white", ")",
        "-compose", "Multiply", "-composite",
        "-rotate", f"{rng.uniform(-2.5, 2.5) * max(level, 0.3):.2f}",
        "-colorspace", "Gray",
        str(image),
    ]  # fmt: skip
    subprocess.run(command, check=True, capture_output=True)


def read_page(image: Path) -> List[Tuple[str, List[int]]]:
    """Tesseract's lines in reading order, each with its words' confidences (0-100, as it gives them)."""
    result = subprocess.run(
        ["tesseract", str(image), "stdout", "-l", "eng", "--psm", "3", "tsv"],
        check=True,
        capture_output=True,
        env=ocr_real.TESSERACT_ENVIRONMENT,
    )
    lines: Dict[Tuple[int, int, int], List[Tuple[str, int]]] = {}
    rows = csv.DictReader(io.StringIO(result.stdout.decode("utf-8", errors="replace")), delimiter="\t", quoting=csv.QUOTE_NONE)
    for row in rows:
        word = (row.get("text") or "").strip()
        if row["level"] != "5" or not word:
            continue
        key = (int(row["block_num"]), int(row["par_num"]), int(row["line_num"]))
        lines.setdefault(key, []).append((word, round(float(row["conf"]))))
    return [(" ".join(w for w, _ in words), [c for _, c in words]) for words in lines.values()]


def recognize_document(document: Dict[str, str]) -> List[Dict[str, Any]]:
    """Scan and read one document ({"id", "text"}); one record per source line that tesseract read
    recognizably (ocr_real.pair_lines), with the word confidences of what it read."""
    rng = random.Random(int(hashlib.sha1(f"ood:{document['id']}".encode()).hexdigest()[:12], 16))
    font = rng.choice(FONTS)
    point_size = rng.choice([20, 22, 24, 26, 30])
    width = rng.choice([48, 56, 64, 72])
    target = rng.uniform(0.02, 0.12)
    lines = page_lines(document["text"], width)
    printed = [line for line in lines if line]
    low, high = 0.0, 1.0
    tried = []
    with tempfile.TemporaryDirectory(prefix="neko-ood-ocr-") as directory:
        image = Path(directory) / "page.png"
        for step in range(SEARCH_STEPS):
            level = (low + high) / 2 if step else rng.uniform(0.3, 0.6)
            render(lines, font, point_size, level, rng.randrange(2**31), image)
            read = read_page(image)
            confidences = {text: conf for text, conf in read}
            pairs = ocr_real.pair_lines(printed, [text for text, _ in read])
            rate = ocr_real.page_error_rate(pairs, len(printed))
            tried.append((abs(rate - target), level, rate, pairs, confidences))
            if rate < target:
                low = level
            else:
                high = level
    _, level, rate, pairs, confidences = min(tried, key=lambda item: item[0])
    return [
        {
            "segment": document["id"],
            "line": index,
            "hypotheses": [output],
            "reference": source,
            "word_confidences": [round(confidence / 100, 2) for confidence in confidences[output]],
            "meta": {
                "font": Path(font).stem,
                "point_size": point_size,
                "width": width,
                "degradation": round(level, 3),
                "page_cer": round(rate, 3),
            },
        }
        for index, (source, output) in enumerate(pairs)
    ]
