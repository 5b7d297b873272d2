"""Trains the corrector, in nanoGPT's manner: plain configuration values, one loop, resumable.

    nice /usr/bin/python3 -m training.train training/config_cpu.py            # start, or resume
    nice /usr/bin/python3 -m training.train training/config_cpu.py --max_minutes=30 --run_name=probe

Every value in DEFAULTS can be set by a config file (plain Python assignments) and then by
--key=value. The run directory (training/runs/<run_name>/, git-ignored) holds ckpt.pt (model,
optimizer, step: resume by running the same command again), best.pt (the weights with the lowest dev
loss so far, which export.py reads) and log.jsonl. Works on torch 1.13 CPU and torch 2.x CUDA. The data pipeline is dataset.py; this file owns the loop.
"""

from __future__ import annotations

import ast
import contextlib
import json
import math
import os
import random
import sys
import time
from pathlib import Path

# On a shared CPU, OpenMP threads that spin while waiting made training 3-4x slower here.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

from .dataset import batches_by_length, collate, cut_into_batches, encode_examples, read_records  # noqa: E402
from .model import Corrector, ModelDimensions  # noqa: E402
from .tokenizer import Tokenizer, read_corpus, train as train_tokenizer  # noqa: E402

TRAINING_DIR = Path(__file__).resolve().parent

# neko-small's shape, the shipped model's (assets/models/neko-small/config.json): the one source of it.
# The configs keep it unless they train another shape (config_tiny.py, tools/config_ablation.py).
NEKO_SMALL = dict(
    d_model=256,
    n_heads=4,
    n_encoder_layers=3,
    n_decoder_layers=3,
    d_ff=512,
    n_experts=4,
    experts="asr,ocr,text,general",
)

DEFAULTS = dict(
    # data
    train_file="training/data/out/train.jsonl",
    dev_file="training/data/out/dev.jsonl",
    init_from="",  # a best.pt, ckpt.pt or exported weights.pt to start from when the run has no ckpt.pt yet
    tokenizer_file="",  # empty: runs/<run_name>/tokenizer.json, trained on train_file on the first run
    vocab_size=4096,
    nbest_max=4,
    max_source_tokens=192,
    max_target_tokens=96,
    oversample_real=1,  # repeat each real-recognizer train example this many times (real data is scarce)
    # model
    **NEKO_SMALL,
    ffn="moe",
    dropout=0.0,
    # routing: "task" (NeKo: task expert + router's best other) or "router" (plain top-2)
    routing="task",
    router_task_loss=0.1,  # cross-entropy of the router toward the task expert, every token and layer
    balance_loss=0.0,  # Switch-style load balancing
    # fine-tuning: "" trains every weight; "ocr" (names from `experts`, comma-separated) trains only those
    # experts of every MoE layer and freezes the rest (other tasks still move where their tokens take them)
    train_experts="",
    # optimization
    tokens_per_batch=6000,  # source + target tokens, padding included
    learning_rate=1e-3,
    min_learning_rate=1e-4,
    warmup_steps=300,
    max_steps=20000,
    max_minutes=0.0,  # stop this session after this long (0: no limit)
    schedule_minutes=0.0,  # > 0: the cosine runs over this much training time instead of max_steps
    weight_decay=0.01,
    grad_clip=1.0,
    # bookkeeping
    runs_dir="training/runs",
    run_name="cpu",
    log_interval=20,
    eval_interval=250,
    dev_examples=600,
    seed=1337,
    threads=2,
    device="auto",
)


def load_config(argv: list[str]) -> dict:
    config = dict(DEFAULTS)
    for argument in argv:
        if not argument.startswith("--"):
            values: dict = {}
            exec(Path(argument).read_text(), {}, values)
            unknown = set(values) - set(config)
            if unknown:
                raise SystemExit(f"{argument}: unknown settings {sorted(unknown)}")
            config.update(values)
            continue
        key, _, raw = argument[2:].partition("=")
        if key not in config:
            raise SystemExit(f"unknown setting --{key}")
        try:
            value = ast.literal_eval(raw)
        except (ValueError, SyntaxError):
            value = raw
        if type(value) is not type(config[key]) and not (isinstance(config[key], float) and isinstance(value, int)):
            raise SystemExit(f"--{key} expects a {type(config[key]).__name__}, got {raw!r}")
        config[key] = type(config[key])(value)
    return config


def freeze_all_but_experts(model: Corrector, dims: ModelDimensions, names: str) -> bool:
    """With `names` ("ocr" or "ocr,general"), only those experts' weights train; returns whether any froze."""
    if not names:
        return False
    if dims.ffn != "moe":
        raise SystemExit("train_experts needs ffn='moe'")
    unknown = [name for name in names.split(",") if name not in dims.experts]
    if unknown:
        known = ", ".join(dims.experts)
        raise SystemExit(f"train_experts: no expert named {', '.join(unknown)} (the experts: {known})")
    chosen = [dims.experts.index(name) for name in names.split(",")]
    mask = torch.zeros(dims.n_experts)
    mask[chosen] = 1.0
    for name, parameter in model.named_parameters():
        if name.rsplit(".", 1)[-1] in ("w_in", "b_in", "w_out", "b_out") and ".ffn." in name:
            shape = (dims.n_experts,) + (1,) * (parameter.dim() - 1)
            expert_mask = mask.to(parameter.device).view(shape)
            parameter.register_hook(lambda grad, expert_mask=expert_mask: grad * expert_mask)
        else:
            parameter.requires_grad_(False)
    return True


def resolve(path: str) -> Path:
    candidate = Path(path)
    return candidate if candidate.is_absolute() else TRAINING_DIR.parent / candidate


def dimensions_from_config(config: dict, vocab_size: int) -> ModelDimensions:
    return ModelDimensions(
        vocab_size=vocab_size,
        d_model=config["d_model"],
        n_heads=config["n_heads"],
        n_encoder_layers=config["n_encoder_layers"],
        n_decoder_layers=config["n_decoder_layers"],
        d_ff=config["d_ff"],
        n_experts=config["n_experts"],
        experts=config["experts"].split(","),
        ffn=config["ffn"],
        dropout=config["dropout"],
    )


# ---------------------------------------------------------------------------------------------------
# losses


def router_losses(
    router_probs: torch.Tensor, token_mask: torch.Tensor, task_expert: torch.Tensor, top_k: int
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """router_probs [L,B,T,E], token_mask [B,T] (1 = real token), task_expert [B].

    Returns (cross-entropy toward the task expert, Switch load-balancing loss, fraction of tokens
    whose top-1 expert at inference is the task expert).
    """
    weights = token_mask.to(router_probs.dtype)[None, :, :]
    total = weights.sum() * router_probs.shape[0]
    task_probs = router_probs.gather(-1, task_expert.view(1, -1, 1, 1).expand(*router_probs.shape[:3], 1))[..., 0]
    task_loss = -(torch.log(task_probs.clamp_min(1e-9)) * weights).sum() / total
    n_experts = router_probs.shape[-1]
    chosen = router_probs.topk(top_k, dim=-1).indices
    dispatched = torch.zeros_like(router_probs).scatter(-1, chosen, 1.0) / top_k
    dispatch_fraction = (dispatched * weights[..., None]).sum(dim=(1, 2)) / weights.sum()
    mean_probability = (router_probs * weights[..., None]).sum(dim=(1, 2)) / weights.sum()
    balance_loss = n_experts * (dispatch_fraction * mean_probability).sum(dim=-1).mean()
    top1_is_task = (router_probs.argmax(dim=-1) == task_expert.view(1, -1, 1)).to(weights.dtype)
    task_accuracy = (top1_is_task * weights).sum() / total
    return task_loss, balance_loss, task_accuracy


def compute_loss(model: Corrector, batch: dict, config: dict, task_routed: bool) -> tuple[torch.Tensor, dict]:
    task_expert = batch["task_expert"] if task_routed else None
    logits, encoder_probs, decoder_probs = model(
        batch["input_ids"], batch["attention_mask"], batch["decoder_input_ids"], task_expert
    )
    token_loss = F.cross_entropy(logits.float().reshape(-1, logits.shape[-1]), batch["labels"].reshape(-1))
    loss = token_loss
    stats = {"token_loss": float(token_loss)}
    if encoder_probs.shape[-1] > 0:
        target_mask = (batch["labels"] != -100).long()
        parts = [
            router_losses(probs.float(), mask, batch["task_expert"], model.dims.top_k)
            for probs, mask in ((encoder_probs, batch["attention_mask"]), (decoder_probs, target_mask))
        ]
        task_loss = (parts[0][0] + parts[1][0]) / 2
        balance_loss = (parts[0][1] + parts[1][1]) / 2
        loss = loss + config["router_task_loss"] * task_loss + config["balance_loss"] * balance_loss
        stats.update(
            router_task_loss=float(task_loss),
            balance_loss=float(balance_loss),
            encoder_task_top1=float(parts[0][2]),
            decoder_task_top1=float(parts[1][2]),
        )
    return loss, stats


@torch.no_grad()
def evaluate_dev(model: Corrector, dev_batches: list[dict], config: dict) -> dict:
    """Dev loss with inference routing (no task label), as the exported model runs."""
    model.eval()
    totals: dict[str, float] = {}
    for batch in dev_batches:
        _, stats = compute_loss(model, batch, config, task_routed=False)
        for name, value in stats.items():
            totals[name] = totals.get(name, 0.0) + value
    model.train()
    return {f"dev_{name}": value / len(dev_batches) for name, value in totals.items()}


def learning_rate_at(step: int, trained_seconds: float, config: dict) -> float:
    if step < config["warmup_steps"]:
        return config["learning_rate"] * (step + 1) / config["warmup_steps"]
    if config["schedule_minutes"] > 0:
        progress = min(1.0, trained_seconds / (config["schedule_minutes"] * 60))
    else:
        progress = min(1.0, (step - config["warmup_steps"]) / max(1, config["max_steps"] - config["warmup_steps"]))
    cosine = 0.5 * (1 + math.cos(math.pi * progress))
    return config["min_learning_rate"] + cosine * (config["learning_rate"] - config["min_learning_rate"])


def save_atomically(payload: dict, path: Path) -> None:
    temporary = path.with_name(path.name + ".tmp")
    torch.save(payload, temporary)
    os.replace(temporary, path)


# ---------------------------------------------------------------------------------------------------
# the loop


def run(config: dict) -> dict:
    """Trains until max_steps or max_minutes; returns the last dev figures."""
    random.seed(config["seed"])
    torch.manual_seed(config["seed"])
    torch.set_num_threads(config["threads"])
    if config["device"] == "auto":
        device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    else:
        device = torch.device(config["device"])
    run_dir = resolve(config["runs_dir"]) / config["run_name"]
    run_dir.mkdir(parents=True, exist_ok=True)

    tokenizer_path = resolve(config["tokenizer_file"]) if config["tokenizer_file"] else run_dir / "tokenizer.json"
    if not tokenizer_path.exists():
        print(f"training the tokenizer on {config['train_file']} ...", flush=True)
        train_tokenizer(read_corpus([resolve(config["train_file"])]), config["vocab_size"]).save(tokenizer_path)
    tokenizer = Tokenizer.load(tokenizer_path)
    dims = dimensions_from_config(config, tokenizer.vocab_size)

    started = time.time()
    train_file = resolve(config["train_file"])
    cache_key = ["v3", str(train_file), train_file.stat().st_size, train_file.stat().st_mtime, tokenizer.merges[-8:]]
    cache_key += [config[k] for k in ("nbest_max", "max_source_tokens", "max_target_tokens", "experts")]
    cache_key = json.loads(json.dumps(cache_key))
    cache_path = run_dir / "train-encoded.pt"
    cached = torch.load(cache_path, weights_only=False) if cache_path.exists() else None
    if cached is not None and cached["key"] == cache_key:
        train_examples = cached["examples"]
    else:
        train_examples = encode_examples(read_records(train_file), tokenizer, dims, config)
        save_atomically({"key": cache_key, "examples": train_examples}, cache_path)
    dev_records = read_records(resolve(config["dev_file"]))
    random.Random(0).shuffle(dev_records)
    dev_examples = encode_examples(dev_records[: config["dev_examples"]], tokenizer, dims, config)
    dev_file = resolve(config["dev_file"])
    dev_key = [str(dev_file), dev_file.stat().st_size, dev_file.stat().st_mtime, config["dev_examples"]]
    print(f"{len(train_examples)} train, {len(dev_examples)} dev examples ({time.time() - started:.0f}s)", flush=True)

    model = Corrector(dims).to(device)
    total_parameters, active_parameters = model.parameter_counts()
    print(f"{total_parameters / 1e6:.2f}M parameters, {active_parameters / 1e6:.2f}M active per token", flush=True)
    expert_only = freeze_all_but_experts(model, dims, config["train_experts"])
    trainable = [(n, p) for n, p in model.named_parameters() if p.requires_grad]
    # Weight decay would shrink the frozen experts' slices of a partly trained tensor, so it is off there.
    decay = [p for n, p in trainable if p.dim() >= 2 and "embedding" not in n and not expert_only]
    no_decay = [p for n, p in trainable if p.dim() < 2 or "embedding" in n or expert_only]
    optimizer = torch.optim.AdamW(
        [{"params": decay, "weight_decay": config["weight_decay"]}, {"params": no_decay, "weight_decay": 0.0}],
        lr=config["learning_rate"],
        betas=(0.9, 0.98),
    )
    step, best_dev_loss, trained_seconds, trained_tokens = 0, float("inf"), 0.0, 0
    checkpoint_path = run_dir / "ckpt.pt"
    if checkpoint_path.exists():
        checkpoint = torch.load(checkpoint_path, map_location=device, weights_only=False)
        model.load_state_dict(checkpoint["model"])
        optimizer.load_state_dict(checkpoint["optimizer"])
        step, best_dev_loss = checkpoint["step"], checkpoint["best_dev_loss"]
        if checkpoint.get("dev_key") != dev_key:
            print("the dev set changed since the checkpoint: best.pt restarts from the next evaluation", flush=True)
            best_dev_loss = float("inf")
        trained_seconds, trained_tokens = checkpoint["trained_seconds"], checkpoint["trained_tokens"]
        print(f"resumed {checkpoint_path} at step {step}", flush=True)
    elif config["init_from"]:
        weights = torch.load(resolve(config["init_from"]), map_location=device, weights_only=False)
        if ModelDimensions(**weights["dims"]) != dims:
            raise SystemExit(f"{config['init_from']}: its dimensions differ from this configuration's")
        model.load_state_dict({name: tensor.float() for name, tensor in weights["model"].items()})
        print(f"initialized from {config['init_from']}", flush=True)

    rng = random.Random(config["seed"] + step)
    real_examples = [example for example in train_examples if example.real]
    train_examples = train_examples + real_examples * (config["oversample_real"] - 1)
    print(f"{len(real_examples)} real-recognizer examples, seen {config['oversample_real']}x per epoch", flush=True)
    batches = batches_by_length(train_examples, config["tokens_per_batch"], rng)
    dev_batches = [collate(batch, tokenizer, device) for batch in cut_into_batches(dev_examples, config["tokens_per_batch"])]
    autocast = (
        torch.autocast(device_type="cuda", dtype=torch.bfloat16) if device.type == "cuda" else contextlib.nullcontext()
    )
    task_routed = config["routing"] == "task"
    log_file = (run_dir / "log.jsonl").open("a", encoding="utf-8")

    def checkpoint(dev: dict) -> None:
        nonlocal best_dev_loss
        payload = dict(
            model=model.state_dict(),
            dims=dims.to_dict(),
            config=config,
            step=step,
            dev=dev,
            trained_seconds=trained_seconds,
            trained_tokens=trained_tokens,
        )
        if dev and dev["dev_token_loss"] < best_dev_loss:
            best_dev_loss = dev["dev_token_loss"]
            save_atomically(payload, run_dir / "best.pt")
        extra = {"optimizer": optimizer.state_dict(), "best_dev_loss": best_dev_loss, "dev_key": dev_key}
        save_atomically({**payload, **extra}, checkpoint_path)

    if step == 0:
        initial_dev = evaluate_dev(model, dev_batches, config)
        log_file.write(json.dumps(dict(step=0, trained_tokens=0, **initial_dev)) + "\n")
        print("dev step=0 " + " ".join(f"{k}={v:.4g}" for k, v in initial_dev.items()), flush=True)
    model.train()
    window_tokens, window_start, last_dev = 0, time.time(), {}
    session_start = time.time()
    while step < config["max_steps"]:
        if config["max_minutes"] and time.time() - session_start > config["max_minutes"] * 60:
            break
        if config["schedule_minutes"] and trained_seconds >= config["schedule_minutes"] * 60:
            break  # the cosine has reached its floor: more steps would only repeat the last learning rate
        for group in optimizer.param_groups:
            group["lr"] = learning_rate_at(step, trained_seconds, config)
        step_start = time.time()
        batch = collate(next(batches), tokenizer, device)
        with autocast:
            loss, stats = compute_loss(model, batch, config, task_routed)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), config["grad_clip"])
        optimizer.step()
        step += 1
        trained_seconds += time.time() - step_start
        batch_tokens = int(batch["attention_mask"].sum() + (batch["labels"] != -100).sum())
        window_tokens += batch_tokens
        trained_tokens += batch_tokens

        if step % config["log_interval"] == 0:
            elapsed = time.time() - window_start
            lr = learning_rate_at(step, trained_seconds, config)
            record = dict(step=step, lr=lr, tokens_per_s=window_tokens / elapsed, **stats)
            print(" ".join(f"{k}={v:.4g}" if isinstance(v, float) else f"{k}={v}" for k, v in record.items()), flush=True)
            log_file.write(json.dumps(record) + "\n")
            window_tokens, window_start = 0, time.time()
        if step % config["eval_interval"] == 0:
            last_dev = evaluate_dev(model, dev_batches, config)
            record = dict(step=step, trained_tokens=trained_tokens, trained_minutes=trained_seconds / 60, **last_dev)
            print("dev " + " ".join(f"{k}={v:.4g}" if isinstance(v, float) else f"{k}={v}" for k, v in record.items()), flush=True)
            log_file.write(json.dumps(record) + "\n")
            log_file.flush()
            checkpoint(last_dev)
            window_start = time.time()

    last_dev = evaluate_dev(model, dev_batches, config)
    checkpoint(last_dev)
    log_file.write(json.dumps(dict(step=step, final=True, trained_tokens=trained_tokens, **last_dev)) + "\n")
    log_file.close()
    print(f"stopped at step {step}: " + " ".join(f"{k}={v:.4g}" for k, v in last_dev.items()), flush=True)
    return last_dev


if __name__ == "__main__":
    run(load_config(sys.argv[1:]))
