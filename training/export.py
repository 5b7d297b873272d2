"""Exports a trained corrector (or a random one, for tests) as a model directory, and checks parity.

    /usr/bin/python3 -m training.export --checkpoint training/runs/cpu/best.pt \\
        --tokenizer training/runs/cpu/tokenizer.json --out assets/models/neko-small --name neko-small
    /usr/bin/python3 -m training.export --random tiny --tokenizer-corpus test/fixtures/tokenizer/sample.txt \\
        --vocab-size 512 --out test/fixtures/models/tiny-random --name tiny-random

    /usr/bin/python3 -m training.export --checkpoint assets/models/neko-small/weights.pt --with-weights \\
        --tokenizer assets/models/neko-small/tokenizer.json --out assets/models/neko-small --name neko-small

The directory gets config.json, tokenizer.json, encoder.onnx (which also gives the decoder's
cross-attention keys and values) and decoder.onnx (with a key/value cache), opset 17, dynamic batch
and lengths, following "Model directory contract" in training/README.md. An existing MODEL_CARD.md
is kept. Before the directory is replaced, the ONNX models run in onnxruntime-node
(training/ort_run.mjs) on padded batches and must match PyTorch's uncached model within 1e-4
(logits and router probabilities, the decoder on whole prefixes and again after a cache of uneven
rows with noise in its unused slots); otherwise nothing is written.
"""

from __future__ import annotations

import argparse
import base64
import copy
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import numpy as np
import torch
from torch import Tensor, nn

from .model import NEG_INF, Corrector, ModelDimensions, MultiHeadAttention, padding_mask
from .tokenizer import Tokenizer, read_corpus, train as train_tokenizer

OPSET = 17
PARITY_TOLERANCE = 1e-4
ORT_RUNNER = Path(__file__).resolve().parent / "ort_run.mjs"
REPO_ROOT = Path(__file__).resolve().parent.parent

RANDOM_SIZES = {
    "tiny": dict(d_model=32, n_heads=2, n_encoder_layers=2, n_decoder_layers=2, d_ff=32, n_experts=4),
}


class EncoderForExport(nn.Module):
    """The encoder, plus every decoder layer's cross-attention keys and values: they depend only on the
    source, so the engine computes them once per segment instead of once per decoder pass."""

    def __init__(self, model: Corrector):
        super().__init__()
        self.encoder = model.encoder
        self.cross_attention = nn.ModuleList(block.cross_attn for block in model.decoder.blocks)

    def forward(self, input_ids: Tensor, attention_mask: Tensor) -> tuple[Tensor, ...]:
        hidden, router_probs = self.encoder(input_ids, attention_mask)
        return (hidden, router_probs, *cross_keys_values(self.cross_attention, hidden))


def split_heads(x: Tensor, n_heads: int) -> Tensor:
    """[B,T,D] -> [B,H,T,D/H]."""
    return x.view(x.shape[0], x.shape[1], n_heads, x.shape[2] // n_heads).transpose(1, 2)


def cross_keys_values(cross_attention, hidden: Tensor) -> list[Tensor]:
    """Per decoder layer: keys [B,H,D/H,S] (stored transposed, so that a pass multiplies without a
    Transpose of them) and values [B,H,S,D/H]."""
    outputs = []
    for attention in cross_attention:
        outputs.append(split_heads(attention.key(hidden), attention.n_heads).transpose(-1, -2).contiguous())
        outputs.append(split_heads(attention.value(hidden), attention.n_heads))
    return outputs


def cached_attention(
    attention: MultiHeadAttention,
    x: Tensor,
    past_keys: Tensor,
    past_values: Tensor,
    past_mask: Tensor,
    new_mask: Tensor,
) -> tuple[Tensor, Tensor, Tensor]:
    """Self-attention of the new positions x [B,T,D] over a row's cached positions and themselves.

    past_keys [B,H,D/H,C] and past_values [B,H,C,D/H] are the engine's cache buffers, read in place:
    the scores against them and against the new keys are computed apart and joined, so the cache is
    never copied into a concatenation. Returns (output [B,T,D], new keys, new values [B,H,T,D/H]).
    """
    batch, length, width = x.shape
    q = split_heads(attention.query(x), attention.n_heads)
    k = split_heads(attention.key(x), attention.n_heads)
    v = split_heads(attention.value(x), attention.n_heads)
    capacity = past_keys.shape[-1]
    scores = torch.cat(
        [q @ past_keys * attention.scale + past_mask, q @ k.transpose(-1, -2) * attention.scale + new_mask], dim=-1
    )
    weights = torch.softmax(scores, dim=-1)
    attended = weights[..., :capacity] @ past_values + weights[..., capacity:] @ v
    return attention.out(attended.transpose(1, 2).reshape(batch, length, width)), k, v


def cross_attention(attention: MultiHeadAttention, x: Tensor, keys: Tensor, values: Tensor, mask: Tensor) -> Tensor:
    batch, length, width = x.shape
    q = split_heads(attention.query(x), attention.n_heads)
    weights = torch.softmax(q @ keys * attention.scale + mask, dim=-1)
    return attention.out((weights @ values).transpose(1, 2).reshape(batch, length, width))


class CachedDecoder(nn.Module):
    """One decoder pass over new positions of each row, with the keys and values of its earlier
    positions read from a cache (the contract's decoder.onnx).

    Inputs: decoder_input_ids [B,T] (the tokens after each row's cached ones, right-padded),
    past_lengths [B] (cached positions of each row: the new tokens sit at past_lengths + t), the
    encoder's attention_mask [B,S], then per layer past_key_l [B,H,D/H,C], past_value_l [B,H,C,D/H]
    (cache slots at or beyond a row's past_lengths are ignored, whatever they hold) and cross_key_l,
    cross_value_l from the encoder graph. Outputs: logits [B,T,V], next_tokens [B,T] (argmax, first
    on ties), next_token_probs [B,T] (its softmax probability), decoder_router_probs [L,B,T,E], then
    per layer new_key_l, new_value_l [B,H,T,D/H] for the engine to store at past_lengths.
    """

    def __init__(self, model: Corrector):
        super().__init__()
        self.decoder = model.decoder

    def forward(self, decoder_input_ids: Tensor, past_lengths: Tensor, attention_mask: Tensor, *caches: Tensor):
        decoder = self.decoder
        length = decoder_input_ids.shape[1]
        steps = torch.arange(length, device=decoder_input_ids.device)
        positions = past_lengths[:, None] + steps[None, :]
        x = decoder.embedding(decoder_input_ids) * decoder.scale + decoder.positions[positions]
        capacity = caches[0].shape[-1]
        slots = torch.arange(capacity, device=decoder_input_ids.device)
        past_mask = (slots[None, :] >= past_lengths[:, None]).to(torch.float32)[:, None, None, :] * NEG_INF
        new_mask = (steps[None, :] > steps[:, None]).to(torch.float32) * NEG_INF
        context_mask = padding_mask(attention_mask)
        router_probs, new_caches = [], []
        for layer, block in enumerate(decoder.blocks):
            past_keys, past_values, cross_keys, cross_values = caches[4 * layer : 4 * layer + 4]
            attended, keys, values = cached_attention(block.attn, block.attn_ln(x), past_keys, past_values, past_mask, new_mask)
            x = x + attended
            x = x + cross_attention(block.cross_attn, block.cross_attn_ln(x), cross_keys, cross_values, context_mask)
            ffn_output, probs = block.ffn(block.ffn_ln(x))
            x = x + ffn_output
            router_probs.append(probs)
            new_caches += [keys, values]
        logits = decoder.ln_post(x) @ decoder.embedding.weight.t()
        best, next_tokens = logits.max(dim=-1)
        next_token_probs = 1 / torch.exp(logits - best[..., None]).sum(dim=-1)
        return (logits, next_tokens, next_token_probs, torch.stack(router_probs), *new_caches)


def cache_names(n_layers: int) -> list[str]:
    """The per-layer cache inputs of decoder.onnx, in order."""
    return [f"{kind}_{layer}" for layer in range(n_layers) for kind in ("past_key", "past_value", "cross_key", "cross_value")]


def empty_caches(model: Corrector, cross: list[Tensor], batch: int, capacity: int) -> list[Tensor]:
    """Zeroed self-attention caches interleaved with the encoder's cross keys/values, as decoder.onnx takes them."""
    heads = model.dims.n_heads
    head_width = model.dims.d_model // heads
    caches = []
    for layer in range(model.dims.n_decoder_layers):
        caches += [
            torch.zeros(batch, heads, head_width, capacity),
            torch.zeros(batch, heads, capacity, head_width),
            cross[2 * layer],
            cross[2 * layer + 1],
        ]
    return caches


def model_config(name: str, dims: ModelDimensions, tokenizer: Tokenizer, limits: dict) -> dict:
    return {
        "name": name,
        "d_model": dims.d_model,
        "n_heads": dims.n_heads,
        "n_encoder_layers": dims.n_encoder_layers,
        "n_decoder_layers": dims.n_decoder_layers,
        "d_ff": dims.d_ff,
        "n_experts": dims.n_experts,
        "top_k": dims.top_k,
        "experts": list(dims.experts),
        "vocab_size": dims.vocab_size,
        "tokenizer": "tokenizer.json",
        "special_tokens": dict(tokenizer.special),
        "max_source_tokens": limits["max_source_tokens"],
        "max_target_tokens": limits["max_target_tokens"],
        "nbest_max": limits["nbest_max"],
        "onnx": {"opset": OPSET, "encoder": "encoder.onnx", "decoder": "decoder.onnx", "kv_cache": True},
    }


def export_onnx(model: Corrector, out_dir: Path, experts: str = "chosen") -> None:
    model.eval()
    model.set_dense_experts(True)
    model.set_export_experts(experts)
    layers = model.dims.n_decoder_layers
    input_ids = torch.tensor([[7, 8, 9, 2], [7, 8, 2, 0]])
    attention_mask = torch.tensor([[1, 1, 1, 1], [1, 1, 1, 0]])
    decoder_input_ids = torch.tensor([[1, 7, 8], [1, 7, 0]])
    past_lengths = torch.tensor([2, 0])
    encoder = EncoderForExport(model)
    cross_names = [f"{kind}_{layer}" for layer in range(layers) for kind in ("cross_key", "cross_value")]
    new_names = [f"{kind}_{layer}" for layer in range(layers) for kind in ("new_key", "new_value")]
    with torch.no_grad():
        encoder_outputs = encoder(input_ids, attention_mask)
        torch.onnx.export(
            encoder,
            (input_ids, attention_mask),
            str(out_dir / "encoder.onnx"),
            input_names=["input_ids", "attention_mask"],
            output_names=["encoder_hidden", "encoder_router_probs", *cross_names],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "source"},
                "attention_mask": {0: "batch", 1: "source"},
                "encoder_hidden": {0: "batch", 1: "source"},
                "encoder_router_probs": {1: "batch", 2: "source"},
                **{name: {0: "batch", 3 if "key" in name else 2: "source"} for name in cross_names},
            },
            opset_version=OPSET,
        )
        caches = empty_caches(model, list(encoder_outputs[2:]), batch=2, capacity=5)
        torch.onnx.export(
            CachedDecoder(model),
            (decoder_input_ids, past_lengths, attention_mask, *caches),
            str(out_dir / "decoder.onnx"),
            input_names=["decoder_input_ids", "past_lengths", "attention_mask", *cache_names(layers)],
            output_names=["logits", "next_tokens", "next_token_probs", "decoder_router_probs", *new_names],
            dynamic_axes={
                "decoder_input_ids": {0: "batch", 1: "target"},
                "past_lengths": {0: "batch"},
                "attention_mask": {0: "batch", 1: "source"},
                **{
                    name: {0: "batch", 3 if "key" in name else 2: "source" if "cross" in name else "capacity"}
                    for name in cache_names(layers)
                },
                "logits": {0: "batch", 1: "target"},
                "next_tokens": {0: "batch", 1: "target"},
                "next_token_probs": {0: "batch", 1: "target"},
                "decoder_router_probs": {1: "batch", 2: "target"},
                **{name: {0: "batch", 2: "target"} for name in new_names},
            },
            opset_version=OPSET,
        )
    model.set_dense_experts(False)
    model.set_export_experts("dense")


def _tensor_json(array: np.ndarray) -> dict:
    kind = {np.dtype("int64"): "int64", np.dtype("float32"): "float32"}[array.dtype]
    return {"type": kind, "dims": list(array.shape), "data": base64.b64encode(array.tobytes()).decode()}


def run_onnxruntime(model_path: Path, inputs: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    with tempfile.TemporaryDirectory() as work:
        inputs_path, outputs_path = Path(work) / "inputs.json", Path(work) / "outputs.json"
        inputs_path.write_text(json.dumps({name: _tensor_json(array) for name, array in inputs.items()}))
        result = subprocess.run(
            ["node", str(ORT_RUNNER), str(model_path), str(inputs_path), str(outputs_path)],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise RuntimeError(f"onnxruntime-node failed on {model_path}: {result.stderr.strip()[-2000:]}")
        outputs = json.loads(outputs_path.read_text())
    return {
        name: np.frombuffer(base64.b64decode(value["data"]), dtype=value["type"]).reshape(value["dims"])
        for name, value in outputs.items()
    }


def parity_inputs(vocab_size: int, seed: int = 0) -> dict[str, Tensor]:
    """A padded batch of 3 with different source and target lengths."""
    generator = torch.Generator().manual_seed(seed)
    source_lengths, target_length = [11, 6, 3], 7
    input_ids = torch.randint(5, vocab_size, (3, max(source_lengths)), generator=generator)
    attention_mask = torch.zeros_like(input_ids)
    for row, length in enumerate(source_lengths):
        attention_mask[row, :length] = 1
        input_ids[row, length:] = 0
    decoder_input_ids = torch.randint(5, vocab_size, (3, target_length), generator=generator)
    decoder_input_ids[:, 0] = 1
    return {"input_ids": input_ids, "attention_mask": attention_mask, "decoder_input_ids": decoder_input_ids}


#: Cached positions of each parity row in the pass with a cache (row 2 has none), and the new tokens fed.
PARITY_PAST_LENGTHS = [4, 2, 0]
PARITY_NEW_TOKENS = 3
PARITY_CAPACITY = 9


def _numpy(tensors: dict[str, Tensor]) -> dict[str, np.ndarray]:
    return {name: tensor.numpy() for name, tensor in tensors.items()}


def check_parity(model: Corrector, out_dir: Path) -> dict[str, float]:
    """Max abs difference between PyTorch's uncached model and onnxruntime-node per output; raises above
    the tolerance. The decoder runs twice: on whole prefixes with an empty cache, then on the next
    tokens of each row after a cache filled from the first pass's new keys and values, where each row
    has a different number of valid slots and the slots past them hold noise that must be ignored."""
    model.eval()
    layers = model.dims.n_decoder_layers
    inputs = parity_inputs(model.dims.vocab_size)
    with torch.no_grad():
        encoder_hidden, encoder_probs = model.encoder(inputs["input_ids"], inputs["attention_mask"])
        logits, decoder_probs = model.decoder(inputs["decoder_input_ids"], encoder_hidden, inputs["attention_mask"])
        cross = cross_keys_values([block.cross_attn for block in model.decoder.blocks], encoder_hidden)
    encoder_out = run_onnxruntime(
        out_dir / "encoder.onnx",
        {"input_ids": inputs["input_ids"].numpy(), "attention_mask": inputs["attention_mask"].numpy()},
    )
    cross_out = [encoder_out[name] for layer in range(layers) for name in (f"cross_key_{layer}", f"cross_value_{layer}")]
    batch, target = inputs["decoder_input_ids"].shape
    # The ONNX cross keys/values, so that the decoder's own difference is measured on its own.
    whole = empty_caches(model, [torch.from_numpy(array.copy()) for array in cross_out], batch, PARITY_CAPACITY)
    names = cache_names(layers)
    whole_out = run_onnxruntime(
        out_dir / "decoder.onnx",
        {
            "decoder_input_ids": inputs["decoder_input_ids"].numpy(),
            "past_lengths": np.zeros(batch, dtype=np.int64),
            "attention_mask": inputs["attention_mask"].numpy(),
            **_numpy(dict(zip(names, whole))),
        },
    )
    generator = torch.Generator().manual_seed(1)
    cached = []
    for layer in range(layers):
        keys = torch.randn(batch, *whole[4 * layer].shape[1:], generator=generator) * 10
        values = torch.randn(batch, *whole[4 * layer + 1].shape[1:], generator=generator) * 10
        keys[..., :target] = torch.from_numpy(whole_out[f"new_key_{layer}"].copy()).transpose(-1, -2)
        values[..., :target, :] = torch.from_numpy(whole_out[f"new_value_{layer}"].copy())
        cached += [keys, values, whole[4 * layer + 2], whole[4 * layer + 3]]
    next_ids = torch.stack(
        [inputs["decoder_input_ids"][row, past : past + PARITY_NEW_TOKENS] for row, past in enumerate(PARITY_PAST_LENGTHS)]
    )
    step_out = run_onnxruntime(
        out_dir / "decoder.onnx",
        {
            "decoder_input_ids": next_ids.numpy(),
            "past_lengths": np.array(PARITY_PAST_LENGTHS, dtype=np.int64),
            "attention_mask": inputs["attention_mask"].numpy(),
            **_numpy(dict(zip(names, cached))),
        },
    )
    expected_step_logits = np.stack(
        [logits[row, past : past + PARITY_NEW_TOKENS].numpy() for row, past in enumerate(PARITY_PAST_LENGTHS)]
    )
    expected_step_probs = np.stack(
        [decoder_probs[:, row, past : past + PARITY_NEW_TOKENS].numpy() for row, past in enumerate(PARITY_PAST_LENGTHS)],
        axis=1,
    )
    real = inputs["attention_mask"].numpy().astype(bool)
    expected_probs = torch.softmax(logits, dim=-1).max(dim=-1).values.numpy()
    differences = {
        "encoder_hidden": np.abs(encoder_out["encoder_hidden"] - encoder_hidden.numpy())[real].max(),
        "encoder_router_probs": np.abs(encoder_out["encoder_router_probs"] - encoder_probs.numpy())[:, real].max(),
        "cross_keys_values": max(
            np.abs(onnx - torch_value.numpy()).max() for onnx, torch_value in zip(cross_out, cross)
        ),
        "logits": np.abs(whole_out["logits"] - logits.numpy()).max(),
        "next_token_probs": np.abs(whole_out["next_token_probs"] - expected_probs).max(),
        "decoder_router_probs": np.abs(whole_out["decoder_router_probs"] - decoder_probs.numpy()).max(),
        "cached_logits": np.abs(step_out["logits"] - expected_step_logits).max(),
        "cached_decoder_router_probs": np.abs(step_out["decoder_router_probs"] - expected_step_probs).max(),
    }
    differences = {name: float(value) for name, value in differences.items()}
    worst = max(differences, key=lambda name: differences[name])
    if differences[worst] > PARITY_TOLERANCE:
        raise RuntimeError(f"ONNX parity failed: {worst} differs by {differences[worst]:.2e} (> {PARITY_TOLERANCE})")
    for pass_out in (whole_out, step_out):
        if not np.array_equal(pass_out["next_tokens"], pass_out["logits"].argmax(-1)):
            raise RuntimeError("ONNX parity failed: next_tokens is not the argmax of the logits")
    return differences


def export_model_dir(
    model: Corrector, tokenizer: Tokenizer, out_dir: Path, name: str, limits: dict, experts: str = "chosen"
) -> dict:
    """Writes the model directory atomically (a sibling temp dir, renamed once parity holds)."""
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-", dir=out_dir.parent))
    staging.chmod(0o755)
    try:
        export_onnx(model, staging, experts)
        differences = check_parity(model, staging)
        tokenizer.save(staging / "tokenizer.json")
        config = model_config(name, model.dims, tokenizer, limits)
        (staging / "config.json").write_text(json.dumps(config, indent=2) + "\n")
        if (out_dir / "MODEL_CARD.md").exists():
            shutil.copyfile(out_dir / "MODEL_CARD.md", staging / "MODEL_CARD.md")
        if out_dir.exists():
            previous = out_dir.with_name(f".{out_dir.name}-previous")
            shutil.rmtree(previous, ignore_errors=True)
            out_dir.rename(previous)
            staging.rename(out_dir)
            shutil.rmtree(previous)
        else:
            staging.rename(out_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return differences


RANDOM_MODEL_CARD = """# {name}

A tiny model with **random weights**, for testing the engine (loading, decoding, routing capture).
It corrects nothing. {parameters} parameters, {n_experts} experts ({experts}), top-{top_k},
vocabulary {vocab_size}. Regenerate with:

    /usr/bin/python3 -m training.export --random tiny --tokenizer-corpus {corpus} \\
        --vocab-size {vocab_size} --out {out} --name {name}

The tokenizer is trained on {corpus}; weights come from torch.manual_seed({seed}).
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--checkpoint", help="best.pt or ckpt.pt written by train.py")
    parser.add_argument("--tokenizer", help="tokenizer.json the checkpoint was trained with")
    parser.add_argument(
        "--with-weights",
        action="store_true",
        help="also write weights.pt (fp16 PyTorch weights + training config) so that train.py can init_from it",
    )
    parser.add_argument("--random", choices=sorted(RANDOM_SIZES), help="export random weights of this size instead")
    parser.add_argument("--tokenizer-corpus", help="with --random: text to train the tokenizer on")
    parser.add_argument("--vocab-size", type=int, default=512)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--experts",
        choices=["chosen", "dense"],
        default="chosen",
        help="how the graphs compute the MoE layers: only each token's top-2 experts (default; measured "
        "faster here), or every expert weighted by its gate",
    )
    parser.add_argument("--out", required=True)
    parser.add_argument("--name", required=True)
    args = parser.parse_args()

    if args.random:
        if not args.tokenizer_corpus:
            parser.error("--random needs --tokenizer-corpus")
        tokenizer = train_tokenizer(read_corpus([args.tokenizer_corpus]), args.vocab_size)
        torch.manual_seed(args.seed)
        dims = ModelDimensions(vocab_size=tokenizer.vocab_size, **RANDOM_SIZES[args.random])
        model = Corrector(dims)
        limits = {"nbest_max": 4, "max_source_tokens": 192, "max_target_tokens": 96}
    else:
        if not (args.checkpoint and args.tokenizer):
            parser.error("give --checkpoint and --tokenizer, or --random")
        checkpoint = torch.load(args.checkpoint, map_location="cpu")
        tokenizer = Tokenizer.load(args.tokenizer)
        dims = ModelDimensions(**checkpoint["dims"])
        model = Corrector(dims)
        model.load_state_dict(checkpoint["model"])
        limits = {key: checkpoint["config"][key] for key in ("nbest_max", "max_source_tokens", "max_target_tokens")}
    if dims.ffn != "moe":
        raise SystemExit("only MoE models are exported: the contract needs router probabilities")

    out_dir = Path(args.out)
    differences = export_model_dir(model, tokenizer, out_dir, args.name, limits, args.experts)
    if args.with_weights and not args.random:
        weights = {
            "dims": dims.to_dict(),
            "config": checkpoint["config"],
            "step": checkpoint.get("step"),
            # Halving a copy of the module keeps the tied embedding one shared tensor in the file.
            "model": copy.deepcopy(model).half().state_dict(),
        }
        torch.save(weights, out_dir / "weights.pt.tmp")
        (out_dir / "weights.pt.tmp").replace(out_dir / "weights.pt")
    if args.random:
        card = RANDOM_MODEL_CARD.format(
            name=args.name,
            parameters=f"{model.parameter_counts()[0]:,}",
            n_experts=dims.n_experts,
            experts=", ".join(dims.experts),
            top_k=dims.top_k,
            vocab_size=tokenizer.vocab_size,
            corpus=args.tokenizer_corpus,
            out=args.out,
            seed=args.seed,
        )
        (out_dir / "MODEL_CARD.md").write_text(card)
    sizes = {path.name: path.stat().st_size for path in sorted(out_dir.iterdir())}
    print(json.dumps({"out": str(out_dir), "max_abs_diff": differences, "bytes": sizes}, indent=2))


if __name__ == "__main__":
    main()
