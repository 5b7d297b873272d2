"""Compares trained runs on one dev file: token loss per task and how often the router's top-1 expert at
inference (no task label) is the task's expert. Used for the ablation table of the model card.

    nice /usr/bin/python3 -m training.tools.compare_runs training/data/out/dev.jsonl \\
        training/runs/abl-task training/runs/abl-top2 training/runs/abl-dense
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

import torch

from ..dataset import collate, cut_into_batches, encode_examples, read_records
from ..model import Corrector, ModelDimensions
from ..tokenizer import Tokenizer
from ..train import compute_loss, resolve


@torch.no_grad()
def compare(dev_file: str, run_dirs: list[str]) -> None:
    records = read_records(Path(dev_file))
    print(f"{'run':<18} {'steps':>5} {'tokens':>8}  " + "  ".join(f"{t + ' loss':>9} {t + ' top1':>8}" for t in ("asr", "ocr", "text")) + f"  {'all loss':>8}")
    for run_dir in run_dirs:
        checkpoint = torch.load(Path(run_dir) / "ckpt.pt", map_location="cpu", weights_only=False)
        config = checkpoint["config"]
        tokenizer_path = resolve(config["tokenizer_file"]) if config["tokenizer_file"] else Path(run_dir) / "tokenizer.json"
        tokenizer = Tokenizer.load(tokenizer_path)
        dims = ModelDimensions(**checkpoint["dims"])
        model = Corrector(dims)
        model.load_state_dict(checkpoint["model"])
        model.eval()
        totals: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
        for task in ("asr", "ocr", "text"):
            examples = encode_examples([r for r in records if r["task"] == task], tokenizer, dims, config)
            for batch in cut_into_batches(examples, config["tokens_per_batch"]):
                tensors = collate(batch, tokenizer, torch.device("cpu"))
                _, stats = compute_loss(model, tensors, config, task_routed=False)
                target_tokens = float((tensors["labels"] != -100).sum())
                source_tokens = float(tensors["attention_mask"].sum())
                totals[task][0] += stats["token_loss"] * target_tokens
                totals[task][1] += stats.get("encoder_task_top1", float("nan")) * source_tokens
                totals[task][2] += target_tokens
                totals[task][3] += source_tokens
        cells = []
        for task in ("asr", "ocr", "text"):
            loss, top1, target_tokens, source_tokens = totals[task]
            cells.append(f"{loss / target_tokens:>9.3f} {top1 / source_tokens:>8.2f}")
        all_loss = sum(t[0] for t in totals.values()) / sum(t[2] for t in totals.values())
        name = Path(run_dir).name
        print(f"{name:<18} {checkpoint['step']:>5} {checkpoint['trained_tokens']:>8}  " + "  ".join(cells) + f"  {all_loss:>8.3f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dev_file")
    parser.add_argument("run_dirs", nargs="+")
    args = parser.parse_args()
    torch.set_num_threads(1)
    compare(args.dev_file, args.run_dirs)
