"""Stage 3: real OCR errors. Lines rendered with ImageMagick (fonts, sizes, blur, noise, rotation,
JPEG, fading) → tesseract → recognized lines paired with their source lines.

Tesseract is either near-perfect or collapses as degradation grows, so each page searches its
degradation level (bisection) for a target character error rate drawn from 2-20%.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import random
import subprocess
import tempfile
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

from .metrics import cer

CONVERT = "/usr/bin/convert"  # /usr/local/bin/convert is a stand-in on Debian images (ImageMagick 6 packaging)
FONT_DIR = Path("/usr/share/fonts/truetype")
FONTS = [
    "dejavu/DejaVuSans.ttf",
    "dejavu/DejaVuSerif.ttf",
    "dejavu/DejaVuSansMono.ttf",
    "dejavu/DejaVuSansCondensed.ttf",
    "liberation/LiberationSans-Regular.ttf",
    "liberation/LiberationSerif-Regular.ttf",
    "liberation/LiberationMono-Regular.ttf",
    "liberation/LiberationSerif-Italic.ttf",
    "liberation/LiberationSansNarrow-Regular.ttf",
    "freefont/FreeSans.ttf",
    "freefont/FreeSerif.ttf",
    "freefont/FreeMono.ttf",
    "freefont/FreeSerifBold.ttf",
]
LINE_CHARACTERS = 64
MIN_PAIR_SIMILARITY = 0.55
SEARCH_STEPS = 4
# One tesseract thread per process: the build already runs one page per core.
TESSERACT_ENVIRONMENT = {**os.environ, "OMP_THREAD_LIMIT": "1"}


FONT_PACKAGES = "fonts-dejavu-core fonts-dejavu-extra fonts-liberation fonts-freefont-ttf"


def check_fonts() -> None:
    """Fails before any page is rendered, naming the Debian packages, rather than on the first page
    that draws a missing font."""
    missing = [str(FONT_DIR / font) for font in FONTS if not (FONT_DIR / font).exists()]
    if missing:
        raise SystemExit(f"real OCR needs these fonts: {', '.join(missing)} (apt-get install {FONT_PACKAGES})")


def wrap_lines(text: str, width: int = LINE_CHARACTERS) -> List[str]:
    lines: List[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(current)
    return lines


def _escape_label(line: str) -> str:
    # ImageMagick reads "%" escapes and a leading "@" as a file name in label: text.
    return line.replace("\\", "\\\\").replace("%", "%%").lstrip("@")


def render_and_recognize(
    lines: Sequence[str], font: str, point_size: int, level: float, seed: int, directory: Path
) -> List[str]:
    """Render the lines as a degraded scan at degradation level 0..1 and OCR it."""
    rng = random.Random(seed)
    scale = round(100 - 62 * level)
    blur = 0.2 + 1.1 * level * rng.uniform(0.6, 1.2)
    noise = 0.1 + 1.3 * level * rng.uniform(0.5, 1.2)
    angle = rng.uniform(-1.5, 1.5) * level
    quality = max(8, round(90 - 75 * level))
    fade = round(45 * level * rng.uniform(0.3, 1.0))
    image = directory / "page.jpg"
    command = [
        CONVERT,
        # ImageMagick's noise is random unless seeded: without it the same seed made another page.
        "-seed", str(seed),
        "-background", "white", "-fill", "black",
        "-font", str(FONT_DIR / font), "-pointsize", str(point_size),
        "-interline-spacing", str(rng.randint(2, 10)),
        "label:" + "\n".join(_escape_label(line) for line in lines),
        "-bordercolor", "white", "-border", "30",
        "-resize", f"{scale}%",
        "-blur", f"0x{blur:.2f}",
        "-attenuate", f"{noise:.2f}", "+noise", "Gaussian",
        "-rotate", f"{angle:.2f}",
        "+level", f"{fade}%,100%",
        "-colorspace", "Gray",
        "-quality", str(quality),
        str(image),
    ]  # fmt: skip
    subprocess.run(command, check=True, capture_output=True)
    result = subprocess.run(
        ["tesseract", str(image), "stdout", "-l", "eng", "--psm", "6"],
        check=True,
        capture_output=True,
        env=TESSERACT_ENVIRONMENT,
    )
    text = result.stdout.decode("utf-8", errors="replace")
    return [line.strip() for line in text.splitlines() if line.strip()]


def pair_lines(sources: Sequence[str], recognized: Sequence[str]) -> List[Tuple[str, str]]:
    """Monotonic pairing of source and recognized lines; lines too unlike any partner are dropped,
    because a wrong pairing would teach the corrector to rewrite text."""
    pairs: List[Tuple[str, str]] = []
    next_output = 0
    for source in sources:
        best: Optional[Tuple[float, int]] = None
        for candidate in range(next_output, min(next_output + 3, len(recognized))):
            ratio = difflib.SequenceMatcher(None, source, recognized[candidate]).ratio()
            if best is None or ratio > best[0]:
                best = (ratio, candidate)
        if best is not None and best[0] >= MIN_PAIR_SIMILARITY:
            pairs.append((source, recognized[best[1]]))
            next_output = best[1] + 1
    return pairs


def page_error_rate(pairs: Sequence[Tuple[str, str]], expected_lines: int) -> float:
    """Character error rate over the page; a lost line counts as fully wrong."""
    if not pairs:
        return 1.0
    errors = sum(cer(source, output, normalized=False) * len(source) for source, output in pairs)
    characters = sum(len(source) for source, _ in pairs)
    return min(1.0, errors / characters + (expected_lines - len(pairs)) / expected_lines)


def recognize_page(page: Dict[str, Any]) -> List[Dict[str, Any]]:
    """OCR one page of lines, searching the degradation level for the page's target CER."""
    rng = random.Random(int(hashlib.sha1(page["id"].encode()).hexdigest()[:12], 16))
    font = rng.choice(FONTS)
    point_size = rng.choice([14, 16, 18, 20, 24, 28])
    target = rng.uniform(0.02, 0.20)
    lines: List[str] = page["lines"]
    low, high = 0.0, 1.0
    tried: List[Tuple[float, float, List[Tuple[str, str]]]] = []
    with tempfile.TemporaryDirectory(prefix="neko-ocr-") as directory:
        for step in range(SEARCH_STEPS):
            level = (low + high) / 2 if step else rng.uniform(0.3, 0.6)
            recognized = render_and_recognize(
                lines, font, point_size, level, rng.randrange(2**31), Path(directory)
            )
            pairs = pair_lines(lines, recognized)
            rate = page_error_rate(pairs, len(lines))
            tried.append((abs(rate - target), level, pairs))
            if rate < target:
                low = level
            else:
                high = level
    _, level, pairs = min(tried, key=lambda item: item[0])
    return [
        {
            "segment": page["id"],
            "line": index,
            "hypotheses": [output],
            "reference": source,
            "meta": {
                "font": Path(font).stem,
                "point_size": point_size,
                "degradation": round(level, 3),
                "target_cer": round(target, 3),
            },
        }
        for index, (source, output) in enumerate(pairs)
    ]
