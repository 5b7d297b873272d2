"""A fine-tuning mix of train.jsonl and a dev file of the OOD dev sets, for a run chosen on OOD dev.

Each (task, origin) group of train.jsonl is kept with a weight (2.5 = every example twice and half of
them a third time), so a fine-tune can lean on the scarce real recognizer output; the dev file holds
the OOD dev lines (the scans sampled down), so that train.py keeps the checkpoint with the lowest
out-of-domain loss. Used by the 2026-12-06 run `s20` (MODEL_CARD.md, "Tried and not kept"):

    /usr/bin/python3 -m training.tools.finetune_mix --out training/runs/s20
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

WEIGHTS = {
    ("asr", "real"): 3.0,
    ("asr", "synthetic"): 1.0,
    ("asr", "clean"): 0.5,
    ("text", "synthetic"): 1.0,
    ("text", "clean"): 0.5,
    ("ocr", "real"): 0.3,
    ("ocr", "synthetic"): 0.15,
    ("ocr", "clean"): 0.2,
}
OUT_DIR = Path("training/data/out")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--out", type=Path, required=True, help="folder for train.jsonl and ood-dev.jsonl")
    parser.add_argument("--ocr-dev-lines", type=int, default=400)
    parser.add_argument("--seed", type=int, default=20)
    parser.add_argument(
        "--weight",
        action="append",
        default=[],
        metavar="TASK:ORIGIN=W",
        help="override one group's weight (asr:real=4); repeat for more",
    )
    parser.add_argument(
        "--dev-tasks", default="asr,text,ocr", help="which OOD dev sets the dev file holds (comma-separated)"
    )
    args = parser.parse_args()
    weights = dict(WEIGHTS)
    for override in args.weight:
        group, _, value = override.partition("=")
        task, _, origin = group.partition(":")
        if (task, origin) not in weights or not value:
            parser.error(f"--weight {override}: expected TASK:ORIGIN=W with a group of {sorted(WEIGHTS)}")
        weights[(task, origin)] = float(value)
    rng = random.Random(args.seed)
    mix = []
    with open(OUT_DIR / "train.jsonl", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            weight = weights[(record["task"], record["origin"])]
            copies = int(weight) + (1 if rng.random() < weight - int(weight) else 0)
            mix += [line] * copies
    rng.shuffle(mix)
    dev = []
    for task in args.dev_tasks.split(","):
        lines = (OUT_DIR / f"ood-dev-{task}.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
        dev += rng.sample(lines, args.ocr_dev_lines) if task == "ocr" else lines
    rng.shuffle(dev)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "train.jsonl").write_text("".join(mix), encoding="utf-8")
    (args.out / "ood-dev.jsonl").write_text("".join(dev), encoding="utf-8")
    print(f"{len(mix)} training examples, {len(dev)} dev lines in {args.out}")


if __name__ == "__main__":
    main()
