"""Decoding for the PyTorch corrector, apart from the model as whisper keeps decoding.py apart from
model.py: greedy decoding with the probability of every chosen token (evaluate.py). The app decodes
the exported ONNX model in TypeScript (src/corrector/decoding/).
"""

from __future__ import annotations

import torch
from torch import Tensor

from .model import Corrector


@torch.no_grad()
def greedy_decode(
    model: Corrector, input_ids: Tensor, attention_mask: Tensor, bos_id: int, eos_id: int, max_length: int
) -> list[tuple[list[int], list[float]]]:
    """Per segment: output ids without <bos>/<eos>, and the softmax probability of each chosen id.
    The decoder has no cache: it reruns the whole prefix, as ONNX does."""
    encoder_hidden, _ = model.encoder(input_ids, attention_mask)
    batch = input_ids.shape[0]
    prefix = torch.full((batch, 1), bos_id, dtype=torch.long, device=input_ids.device)
    finished = torch.zeros(batch, dtype=torch.bool, device=input_ids.device)
    confidences = []
    for _ in range(max_length):
        logits, _ = model.decoder(prefix, encoder_hidden, attention_mask)
        probability, next_ids = torch.softmax(logits[:, -1].float(), dim=-1).max(dim=-1)
        next_ids = torch.where(finished, torch.full_like(next_ids, eos_id), next_ids)
        prefix = torch.cat([prefix, next_ids[:, None]], dim=1)
        confidences.append(probability)
        finished |= next_ids == eos_id
        if bool(finished.all()):
            break
    probabilities = torch.stack(confidences, dim=1).tolist()
    outputs = []
    for row, row_probabilities in zip(prefix[:, 1:].tolist(), probabilities):
        length = row.index(eos_id) if eos_id in row else len(row)
        outputs.append((row[:length], row_probabilities[:length]))
    return outputs
