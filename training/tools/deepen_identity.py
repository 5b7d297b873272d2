"""A deeper copy of a trained corrector whose added layers are exact identities: the same outputs,
more compute per token.

Why: issue 16 asks whether the engine stays fast with a model of twice neko-small's compute per
token. A model of that size with random weights would measure the wrong thing: aggressive decoding
is fast because the model accepts most of its draft (the source), and a random model accepts almost
nothing. Training a bigger model for a speed test costs hours. This tool instead deepens the shipped
model: each original block is followed by copies of itself whose residual branches write nothing,
so the deeper model gives neko-small's logits, so the engine decodes exactly the same tokens and
accepts exactly the same drafts, while every added block still does a real block's work.

Why that is exact: the blocks are pre-LN (`x = x + attn(ln(x))`, `x = x + cross_attn(ln(x))`,
`x = x + ffn(ln(x))`, training/model.py), so a branch whose last linear layer is all zeros (the
attention output projections, every expert's `w_out` and `b_out`) adds exactly 0.0 and the block
returns its input bit for bit. The copies keep the original's queries, keys, values, routers and
`w_in`, so their attention, routing and expert choice see realistic values; only their results are
thrown away. The export is the project's own (training/export.py: KV-cached decoder, only the
chosen top-2 experts); onnxruntime multiplies by the zeros like by any other weights. One step is
added after it: the exporter merges equal initializers, so each added block's weights are given
back their own copy (`unshare_initializers`), and the deeper model reads as much weight memory as
a trained one of its size would.

Compute per token, counted as `neko bench` counts it (src/cli/commands/bench.ts, `modelFlops`:
the linear layers, the top-2 experts, the output layer): doubling the layers doubles the encoder's
work per source token but not the decoder's per output token, because the output layer (d_model x
vocabulary, the same in both) is 28% of neko-small's. So by default the encoder gets twice the
blocks and the decoder as many as its work per output token needs to be at least twice (neko-small:
3 + 3 -> 6 + 8; 2.09x per source token, 2.21x per output token):

    /usr/bin/python3 -m training.tools.deepen_identity --out training/runs/x2/model --name neko-small-x2
    npm run neko -- bench --real --only aggressive --model training/runs/x2/model

`--encoder-layers` and `--decoder-layers` set other depths (6 and 6 is "twice the layers"). Before
exporting, the deeper model is checked against the original in PyTorch on real OOD dev lines
(logits bit for bit, and the same greedy output); the export then checks ONNX against PyTorch as
always. training/runs/ is ignored by git: never commit the result.
"""

from __future__ import annotations

import argparse
import copy
import json
from pathlib import Path

import onnx
import torch
from onnx import numpy_helper
from torch import Tensor, nn

from ..decoding import greedy_decode
from ..export import check_parity, export_model_dir
from ..model import Corrector, DenseFeedForward, ModelDimensions, MoEFeedForward, ResidualBlock
from ..tokenizer import Tokenizer, build_source

MODEL_DIR = Path("assets/models/neko-small")
CHECK_FILES = [Path(f"training/data/out/ood-dev-{task}.jsonl") for task in ("asr", "ocr", "text")]


def silence(block: ResidualBlock) -> ResidualBlock:
    """Zeroes the last linear layer of each of the block's residual branches, in place: the block
    then returns its input exactly (pre-LN), however its other weights are set."""
    projections: list[nn.Parameter] = [block.attn.out.weight, block.attn.out.bias]
    if block.cross_attn is not None:
        projections += [block.cross_attn.out.weight, block.cross_attn.out.bias]
    if isinstance(block.ffn, MoEFeedForward):
        projections += [block.ffn.w_out, block.ffn.b_out]
    elif isinstance(block.ffn, DenseFeedForward):
        last = block.ffn.net[-1]
        assert isinstance(last, nn.Linear) and last.bias is not None
        projections += [last.weight, last.bias]
    else:
        raise TypeError(f"unknown feed-forward {type(block.ffn).__name__}")
    with torch.no_grad():
        for parameter in projections:
            parameter.zero_()
    return block


def deepen_blocks(blocks: nn.ModuleList, depth: int) -> nn.ModuleList:
    """`depth` blocks: each original block in its place, followed by silenced copies of itself,
    the copies spread evenly (3 -> 8: 0 0' 0' 1 1' 1' 2 2')."""
    if depth < len(blocks):
        raise ValueError(f"cannot deepen {len(blocks)} blocks to {depth}")
    sources = [index * len(blocks) // depth for index in range(depth)]
    deeper = []
    for position, source in enumerate(sources):
        if position == 0 or sources[position - 1] != source:
            deeper.append(blocks[source])
        else:
            deeper.append(silence(copy.deepcopy(blocks[source])))
    return nn.ModuleList(deeper)


def deepen(model: Corrector, encoder_layers: int, decoder_layers: int) -> Corrector:
    """A new Corrector with the given depths whose outputs equal `model`'s; `model` is not changed.
    The router probabilities gain the added layers (an original layer's stay at its new index)."""
    source = copy.deepcopy(model)
    dims = ModelDimensions(
        **{**source.dims.to_dict(), "n_encoder_layers": encoder_layers, "n_decoder_layers": decoder_layers}
    )
    deeper = Corrector(dims)
    deeper.embedding = source.embedding
    deeper.encoder.embedding = source.embedding
    deeper.decoder.embedding = source.embedding
    for part in ("encoder", "decoder"):
        original, target = getattr(source, part), getattr(deeper, part)
        target.blocks = deepen_blocks(original.blocks, getattr(dims, f"n_{part}_layers"))
        target.ln_post = original.ln_post
    return deeper.eval()


def unshare_initializers(path: Path) -> int:
    """Gives every block of an exported graph its own weights; returns how many were shared.

    torch.onnx.export merges initializers of equal value (in eval mode), so an added block's copied
    queries, keys, values, routers and experts, and the zeros of all added blocks, would become
    Identity nodes reading the original block's tensors: the deeper model would touch little more
    weight memory than the original, which a real model twice as large does not. Each such Identity
    becomes an initializer of its own (a copy), as a trained model's distinct weights would be."""
    model = onnx.load(str(path))
    graph = model.graph
    initializers = {tensor.name: tensor for tensor in graph.initializer}
    aliases = [node for node in graph.node if node.op_type == "Identity" and node.input[0] in initializers]
    for node in aliases:
        array = numpy_helper.to_array(initializers[node.input[0]])
        graph.initializer.append(numpy_helper.from_array(array.copy(), name=node.output[0]))
        graph.node.remove(node)
    onnx.checker.check_model(model)
    onnx.save(model, str(path))
    return len(aliases)


def original_layer_indices(original_depth: int, depth: int) -> list[int]:
    """Where each original block sits in the deepened stack (see deepen_blocks)."""
    sources = [index * original_depth // depth for index in range(depth)]
    return [sources.index(layer) for layer in range(original_depth)]


def flops_per_token(dims: ModelDimensions) -> tuple[int, int]:
    """(per source token, per output token), as `neko bench` counts them (bench.ts, modelFlops)."""
    d = dims.d_model
    experts = dims.top_k * 2 * 2 * d * dims.d_ff
    attention = 4 * 2 * d * d
    per_source = dims.n_encoder_layers * (attention + experts) + dims.n_decoder_layers * 2 * 2 * d * d
    per_output = dims.n_decoder_layers * (attention + 2 * 2 * d * d + experts) + 2 * d * dims.vocab_size
    return per_source, per_output


def depths_for(dims: ModelDimensions, times: float) -> tuple[int, int]:
    """The fewest encoder and decoder layers with at least `times` the FLOPs per source token and
    per output token (the decoder's extra cross-attention keys and values count on the source side)."""
    base_source, base_output = flops_per_token(dims)
    encoder = dims.n_encoder_layers
    while True:
        decoder = dims.n_decoder_layers
        while flops_per_token(_with_depths(dims, encoder, decoder))[1] < times * base_output:
            decoder += 1
        if flops_per_token(_with_depths(dims, encoder, decoder))[0] >= times * base_source:
            return encoder, decoder
        encoder += 1


def _with_depths(dims: ModelDimensions, encoder: int, decoder: int) -> ModelDimensions:
    return ModelDimensions(**{**dims.to_dict(), "n_encoder_layers": encoder, "n_decoder_layers": decoder})


def load(model_dir: Path) -> tuple[Corrector, Tokenizer, dict]:
    """The model directory's weights.pt (fp16 weights; the shipped ONNX files hold the same values
    in float32), its tokenizer and its limits."""
    checkpoint = torch.load(model_dir / "weights.pt", map_location="cpu")
    model = Corrector(ModelDimensions(**checkpoint["dims"]))
    model.load_state_dict({name: tensor.float() for name, tensor in checkpoint["model"].items()})
    config = json.loads((model_dir / "config.json").read_text())
    limits = {key: config[key] for key in ("nbest_max", "max_source_tokens", "max_target_tokens")}
    return model.eval(), Tokenizer.load(model_dir / config["tokenizer"]), limits


def check_batches(tokenizer: Tokenizer, limits: dict, files: list[Path], lines_per_file: int) -> list[tuple[Tensor, Tensor]]:
    """A padded batch of the first lines of each file that exists."""
    batches = []
    for path in files:
        if not path.exists():
            continue
        with path.open() as handle:
            records = [json.loads(line) for _, line in zip(range(lines_per_file), handle)]
        sources = [
            build_source(tokenizer, r["hypotheses"], limits["nbest_max"], limits["max_source_tokens"]) for r in records
        ]
        width = max(len(s) for s in sources)
        input_ids = torch.tensor([s + [tokenizer.pad_id] * (width - len(s)) for s in sources])
        attention_mask = torch.tensor([[1] * len(s) + [0] * (width - len(s)) for s in sources])
        batches.append((input_ids, attention_mask))
    return batches


def check_identity(
    original: Corrector, deeper: Corrector, batches: list[tuple[Tensor, Tensor]], tokenizer: Tokenizer, max_length: int
) -> dict:
    """Teacher-forced logits on the original's own greedy output, and greedy output, of both models."""
    encoder_layers = original_layer_indices(original.dims.n_encoder_layers, deeper.dims.n_encoder_layers)
    decoder_layers = original_layer_indices(original.dims.n_decoder_layers, deeper.dims.n_decoder_layers)
    report = {"segments": 0, "logits_max_abs_diff": 0.0, "router_max_abs_diff": 0.0, "greedy_identical": True}
    with torch.no_grad():
        for input_ids, attention_mask in batches:
            expected = greedy_decode(original, input_ids, attention_mask, tokenizer.bos_id, tokenizer.eos_id, max_length)
            got = greedy_decode(deeper, input_ids, attention_mask, tokenizer.bos_id, tokenizer.eos_id, max_length)
            report["greedy_identical"] &= expected == got
            width = max(len(ids) for ids, _ in expected) + 1
            prefix = torch.full((len(expected), width), tokenizer.pad_id)
            prefix[:, 0] = tokenizer.bos_id
            for row, (ids, _) in enumerate(expected):
                prefix[row, 1 : len(ids) + 1] = torch.tensor(ids, dtype=torch.long)
            logits, encoder_probs, decoder_probs = original(input_ids, attention_mask, prefix)
            deep_logits, deep_encoder_probs, deep_decoder_probs = deeper(input_ids, attention_mask, prefix)
            router_diff = max(
                float((encoder_probs - deep_encoder_probs[encoder_layers]).abs().max()),
                float((decoder_probs - deep_decoder_probs[decoder_layers]).abs().max()),
            )
            report["segments"] += len(expected)
            report["logits_max_abs_diff"] = max(report["logits_max_abs_diff"], float((logits - deep_logits).abs().max()))
            report["router_max_abs_diff"] = max(report["router_max_abs_diff"], router_diff)
    return report


MODEL_CARD = """# {name}

**Not a model to use: a speed-test stand-in.** {source} deepened by `training/tools/deepen_identity.py`
from {source_layers} to {layers} encoder + decoder layers, every added layer an exact identity (its
residual branches' output projections are zero). Its outputs are {source}'s; its compute per token
is {source_ratio:.2f}x {source}'s per source token and {output_ratio:.2f}x per output token, as `neko bench`
counts it; {active:,} parameters active per token (against {source_active:,}).

Identity check in PyTorch ({segments} OOD dev segments): logits max abs diff {logits:.1e}, greedy
output identical: {greedy}.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default=str(MODEL_DIR), help="model directory with weights.pt")
    parser.add_argument("--times", type=float, default=2.0, help="compute per token to reach, times the original's")
    parser.add_argument("--encoder-layers", type=int, help="instead of --times")
    parser.add_argument("--decoder-layers", type=int, help="instead of --times")
    parser.add_argument("--check-lines", type=int, default=16, help="OOD dev lines per task for the identity check")
    parser.add_argument("--out", required=True, help="model directory to write (under training/runs/: ignored)")
    parser.add_argument("--name", required=True)
    args = parser.parse_args()

    torch.set_num_threads(2)
    original, tokenizer, limits = load(Path(args.model))
    encoder_layers, decoder_layers = depths_for(original.dims, args.times)
    encoder_layers = args.encoder_layers or encoder_layers
    decoder_layers = args.decoder_layers or decoder_layers
    deeper = deepen(original, encoder_layers, decoder_layers)

    batches = check_batches(tokenizer, limits, CHECK_FILES, args.check_lines)
    identity = check_identity(original, deeper, batches, tokenizer, limits["max_target_tokens"])
    if not (identity["greedy_identical"] and identity["logits_max_abs_diff"] == 0.0):
        raise SystemExit(f"the deepened model is not an identity: {identity}")

    (source_flops, output_flops), (deep_source, deep_output) = map(flops_per_token, (original.dims, deeper.dims))
    summary = {
        "layers": [encoder_layers, decoder_layers],
        "flops_per_source_token": [source_flops, deep_source, round(deep_source / source_flops, 3)],
        "flops_per_output_token": [output_flops, deep_output, round(deep_output / output_flops, 3)],
        "active_parameters": [original.parameter_counts()[1], deeper.parameter_counts()[1]],
        "identity": identity,
    }
    print(json.dumps(summary, indent=2), flush=True)

    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "MODEL_CARD.md").write_text(
        MODEL_CARD.format(
            name=args.name,
            source=json.loads((Path(args.model) / "config.json").read_text())["name"],
            source_layers=f"{original.dims.n_encoder_layers} + {original.dims.n_decoder_layers}",
            layers=f"{encoder_layers} + {decoder_layers}",
            source_ratio=deep_source / source_flops,
            output_ratio=deep_output / output_flops,
            active=deeper.parameter_counts()[1],
            source_active=original.parameter_counts()[1],
            segments=identity["segments"],
            logits=identity["logits_max_abs_diff"],
            greedy=identity["greedy_identical"],
        )
    )
    export_model_dir(deeper, tokenizer, out_dir, args.name, limits)
    unshared = {part: unshare_initializers(out_dir / f"{part}.onnx") for part in ("encoder", "decoder")}
    differences = check_parity(deeper, out_dir)
    sizes = {path.name: path.stat().st_size for path in sorted(out_dir.iterdir())}
    print(json.dumps({"out": str(out_dir), "unshared": unshared, "onnx_max_abs_diff": differences, "bytes": sizes}, indent=2))


if __name__ == "__main__":
    main()
