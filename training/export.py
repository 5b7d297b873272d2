"""Exports a trained corrector (or a random one, for tests) as a model directory, and checks parity.

    /usr/bin/python3 -m training.export --checkpoint training/runs/cpu/best.pt \\
        --tokenizer training/runs/cpu/tokenizer.json --out assets/models/neko-small --name neko-small
    /usr/bin/python3 -m training.export --random tiny --tokenizer-corpus test/fixtures/tokenizer/sample.txt \\
        --vocab-size 512 --out test/fixtures/models/tiny-random --name tiny-random

The directory gets config.json, tokenizer.json, encoder.onnx and decoder.onnx (opset 17, dynamic
batch and lengths), following "Model directory contract" in training/README.md. An existing
MODEL_CARD.md is kept. Before the directory is replaced, the ONNX models run in onnxruntime-node
(training/ort_run.mjs) on padded batches and must match PyTorch within 1e-4 (logits and router
probabilities); otherwise nothing is written.
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

from .model import Corrector, ModelDimensions
from .tokenizer import Tokenizer, read_corpus, train as train_tokenizer

OPSET = 17
PARITY_TOLERANCE = 1e-4
ORT_RUNNER = Path(__file__).resolve().parent / "ort_run.mjs"
REPO_ROOT = Path(__file__).resolve().parent.parent

RANDOM_SIZES = {
    "tiny": dict(d_model=32, n_heads=2, n_encoder_layers=2, n_decoder_layers=2, d_ff=32, n_experts=4),
}


class EncoderForExport(nn.Module):
    def __init__(self, model: Corrector):
        super().__init__()
        self.encoder = model.encoder

    def forward(self, input_ids: Tensor, attention_mask: Tensor) -> tuple[Tensor, Tensor]:
        return self.encoder(input_ids, attention_mask)


class DecoderForExport(nn.Module):
    def __init__(self, model: Corrector):
        super().__init__()
        self.decoder = model.decoder

    def forward(self, decoder_input_ids: Tensor, encoder_hidden: Tensor, attention_mask: Tensor):
        return self.decoder(decoder_input_ids, encoder_hidden, attention_mask)


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
        "onnx": {"opset": OPSET, "encoder": "encoder.onnx", "decoder": "decoder.onnx"},
    }


def export_onnx(model: Corrector, out_dir: Path) -> None:
    model.eval()
    model.set_dense_experts(True)
    input_ids = torch.tensor([[7, 8, 9, 2], [7, 8, 2, 0]])
    attention_mask = torch.tensor([[1, 1, 1, 1], [1, 1, 1, 0]])
    decoder_input_ids = torch.tensor([[1, 7, 8], [1, 7, 0]])
    with torch.no_grad():
        encoder_hidden, _ = model.encoder(input_ids, attention_mask)
        torch.onnx.export(
            EncoderForExport(model),
            (input_ids, attention_mask),
            str(out_dir / "encoder.onnx"),
            input_names=["input_ids", "attention_mask"],
            output_names=["encoder_hidden", "encoder_router_probs"],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "source"},
                "attention_mask": {0: "batch", 1: "source"},
                "encoder_hidden": {0: "batch", 1: "source"},
                "encoder_router_probs": {1: "batch", 2: "source"},
            },
            opset_version=OPSET,
        )
        torch.onnx.export(
            DecoderForExport(model),
            (decoder_input_ids, encoder_hidden, attention_mask),
            str(out_dir / "decoder.onnx"),
            input_names=["decoder_input_ids", "encoder_hidden", "attention_mask"],
            output_names=["logits", "decoder_router_probs"],
            dynamic_axes={
                "decoder_input_ids": {0: "batch", 1: "target"},
                "encoder_hidden": {0: "batch", 1: "source"},
                "attention_mask": {0: "batch", 1: "source"},
                "logits": {0: "batch", 1: "target"},
                "decoder_router_probs": {1: "batch", 2: "target"},
            },
            opset_version=OPSET,
        )
    model.set_dense_experts(False)


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


def check_parity(model: Corrector, out_dir: Path) -> dict[str, float]:
    """Max abs difference between PyTorch and onnxruntime-node per output; raises above the tolerance."""
    model.eval()
    inputs = parity_inputs(model.dims.vocab_size)
    with torch.no_grad():
        encoder_hidden, encoder_probs = model.encoder(inputs["input_ids"], inputs["attention_mask"])
        logits, decoder_probs = model.decoder(inputs["decoder_input_ids"], encoder_hidden, inputs["attention_mask"])
    encoder_out = run_onnxruntime(
        out_dir / "encoder.onnx",
        {"input_ids": inputs["input_ids"].numpy(), "attention_mask": inputs["attention_mask"].numpy()},
    )
    decoder_out = run_onnxruntime(
        out_dir / "decoder.onnx",
        {
            "decoder_input_ids": inputs["decoder_input_ids"].numpy(),
            "encoder_hidden": encoder_hidden.numpy(),
            "attention_mask": inputs["attention_mask"].numpy(),
        },
    )
    real = inputs["attention_mask"].numpy().astype(bool)
    differences = {
        "encoder_hidden": np.abs(encoder_out["encoder_hidden"] - encoder_hidden.numpy())[real].max(),
        "encoder_router_probs": np.abs(encoder_out["encoder_router_probs"] - encoder_probs.numpy())[:, real].max(),
        "logits": np.abs(decoder_out["logits"] - logits.numpy()).max(),
        "decoder_router_probs": np.abs(decoder_out["decoder_router_probs"] - decoder_probs.numpy()).max(),
    }
    differences = {name: float(value) for name, value in differences.items()}
    worst = max(differences, key=lambda name: differences[name])
    if differences[worst] > PARITY_TOLERANCE:
        raise RuntimeError(f"ONNX parity failed: {worst} differs by {differences[worst]:.2e} (> {PARITY_TOLERANCE})")
    return differences


def export_model_dir(model: Corrector, tokenizer: Tokenizer, out_dir: Path, name: str, limits: dict) -> dict:
    """Writes the model directory atomically (a sibling temp dir, renamed once parity holds)."""
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-", dir=out_dir.parent))
    staging.chmod(0o755)
    try:
        export_onnx(model, staging)
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
    differences = export_model_dir(model, tokenizer, out_dir, args.name, limits)
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
