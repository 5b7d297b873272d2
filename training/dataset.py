"""The training data: N-best records read from JSONL, encoded into examples, cut into batches of
similar length and collated into padded tensors. train.py's loop and the tools read data only
through this module.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Iterator, NamedTuple

import torch

from .model import ModelDimensions
from .tokenizer import Tokenizer, build_source

TASKS = ("asr", "ocr", "text")


class Example(NamedTuple):
    """One encoded training pair."""

    source: list[int]
    """The encoder's input: the N-best list as build_source makes it."""
    target: list[int]
    """The reference's ids, ending in <eos>."""
    task_expert: int
    """The index of the record's task expert."""
    real: bool
    """Whether a real recognizer made the errors (origin "real")."""


def read_records(path: Path) -> list[dict]:
    """The N-best records of a JSONL file (hypotheses, reference, task), checked; stops at a bad line."""
    examples = []
    with path.open(encoding="utf-8") as lines:
        for line_number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                if not isinstance(record["hypotheses"], list) or not isinstance(record["reference"], str):
                    raise TypeError
            except (json.JSONDecodeError, KeyError, TypeError):
                raise SystemExit(f"{path}:{line_number}: not an N-best record with hypotheses and reference")
            if record.get("task") not in TASKS:
                raise SystemExit(f"{path}:{line_number}: task must be one of {TASKS}")
            examples.append(record)
    return examples


def encode_examples(records: list[dict], tokenizer: Tokenizer, dims: ModelDimensions, config: dict) -> list[Example]:
    encoded = []
    for record in records:
        source = build_source(tokenizer, record["hypotheses"], config["nbest_max"], config["max_source_tokens"])
        target = tokenizer.encode(record["reference"])[: config["max_target_tokens"] - 1] + [tokenizer.eos_id]
        encoded.append(Example(source, target, dims.expert_of_task(record["task"]), record.get("origin") == "real"))
    return encoded


def cut_into_batches(examples: list[Example], tokens_per_batch: int) -> list[list[Example]]:
    """Sorts by length and cuts batches whose padded size stays within tokens_per_batch."""
    batches: list[list[Example]] = []
    batch: list[Example] = []
    longest_source = longest_target = 0
    for example in sorted(examples, key=lambda e: (len(e.source), len(e.target))):
        source_length = max(longest_source, len(example.source))
        target_length = max(longest_target, len(example.target))
        if batch and (len(batch) + 1) * (source_length + target_length) > tokens_per_batch:
            batches.append(batch)
            batch, source_length, target_length = [], len(example.source), len(example.target)
        batch.append(example)
        longest_source, longest_target = source_length, target_length
    if batch:
        batches.append(batch)
    return batches


def batches_by_length(examples: list[Example], tokens_per_batch: int, rng: random.Random) -> Iterator[list[Example]]:
    """Endless batches of similar lengths: shuffle, sort within pools of ~100 batches, cut, shuffle batches."""
    pool_size = max(1, tokens_per_batch // 60) * 100
    while True:
        order = list(examples)
        rng.shuffle(order)
        batches = []
        for pool_start in range(0, len(order), pool_size):
            batches.extend(cut_into_batches(order[pool_start : pool_start + pool_size], tokens_per_batch))
        rng.shuffle(batches)
        yield from batches


def collate(batch: list[Example], tokenizer: Tokenizer, device: torch.device) -> dict[str, torch.Tensor]:
    """Padded tensors of one batch: the encoder's input and mask, the decoder's input, labels, task experts."""
    source_length = max(len(example.source) for example in batch)
    target_length = max(len(example.target) for example in batch)
    input_ids = torch.full((len(batch), source_length), tokenizer.pad_id, dtype=torch.long)
    attention_mask = torch.zeros((len(batch), source_length), dtype=torch.long)
    decoder_input_ids = torch.full((len(batch), target_length), tokenizer.pad_id, dtype=torch.long)
    labels = torch.full((len(batch), target_length), -100, dtype=torch.long)
    for row, example in enumerate(batch):
        input_ids[row, : len(example.source)] = torch.tensor(example.source)
        attention_mask[row, : len(example.source)] = 1
        decoder_input_ids[row, : len(example.target)] = torch.tensor([tokenizer.bos_id] + example.target[:-1])
        labels[row, : len(example.target)] = torch.tensor(example.target)
    task_expert = torch.tensor([example.task_expert for example in batch], dtype=torch.long)
    tensors = dict(
        input_ids=input_ids,
        attention_mask=attention_mask,
        decoder_input_ids=decoder_input_ids,
        labels=labels,
        task_expert=task_expert,
    )
    return {name: tensor.to(device) for name, tensor in tensors.items()}
