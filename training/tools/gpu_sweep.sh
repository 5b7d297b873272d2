#!/usr/bin/env bash
# Four training runs side by side on one CUDA GPU, each then evaluated on the whole dev set as the app
# corrects it (OCR: the model's sure edits, then the lexical pass), and the better run of each shape packed
# as fp16 weights. It is how a 15-minute GPU loan is spent (MODEL_CARD.md), so everything has a deadline:
# a run that is killed still leaves the best.pt of its last dev evaluation.
#
#   OUT=/tmp/sweep MINUTES=6 bash training/tools/gpu_sweep.sh               # from the repository root
#   OUT=/tmp/sweep MINUTES=0.2 DEVICE=cpu LIMIT=5 bash training/tools/gpu_sweep.sh   # a smoke test on a CPU
#
# Needs training/data/out/train.jsonl (or train.jsonl.gz beside it) and dev.jsonl, and the shipped
# neko-small weights to fine-tune from. Writes to $OUT: summary.tar.gz (logs, dev reports) and
# weights.tar.part-* (split to 15 MB, the size a device transfer takes back).
set -u
OUT=${OUT:?set OUT to a directory for the results}
MINUTES=${MINUTES:-6}
DEVICE=${DEVICE:-cuda}
LIMIT=${LIMIT:-0}
PYTHON=${PYTHON:-python3}
INIT=${INIT:-assets/models/neko-small/weights.pt}
TOKENIZER=assets/models/neko-small/tokenizer.json
WORK=training/runs/sweep
mkdir -p "$OUT" "$WORK"
export PYTHONUNBUFFERED=1

if [ ! -f training/data/out/train.jsonl ]; then
    gunzip -k training/data/out/train.jsonl.gz || exit 1
fi

base_shape="--d_model=320 --n_heads=5 --n_encoder_layers=4 --n_decoder_layers=4 --d_ff=640"
fine_tune="--init_from=$INIT --learning_rate=3e-4 --min_learning_rate=3e-5 --warmup_steps=100"
declare -A RUNS=(
    [small-ft]="$fine_tune"
    [small-ft-real2]="$fine_tune --oversample_real=2"
    [base]="$base_shape"
    [base-real2]="$base_shape --oversample_real=2"
)
SMALL=(small-ft small-ft-real2)
BASE=(base base-real2)

max_minutes=$(awk "BEGIN { print $MINUTES + 0.3 }")
hard_stop=$(awk "BEGIN { printf \"%d\", $MINUTES * 60 + 100 }")
pids=()
for name in "${!RUNS[@]}"; do
    rm -rf "training/runs/sweep-$name"
    # shellcheck disable=SC2086  # the settings are words
    timeout "$hard_stop" "$PYTHON" -m training.train training/config_gpu.py --run_name="sweep-$name" \
        --device="$DEVICE" --schedule_minutes="$MINUTES" --max_minutes="$max_minutes" \
        --dev_examples=1000 --eval_interval=400 ${RUNS[$name]} >"$WORK/$name.train.log" 2>&1 &
    pids+=($!)
done
(sleep 90 && nvidia-smi >"$WORK/nvidia-smi.txt" 2>&1) &
wait "${pids[@]}"
echo "training done at ${SECONDS}s"

pids=()
for name in "${!RUNS[@]}"; do
    timeout 120 "$PYTHON" -m training.evaluate training/data/out/dev.jsonl --device "$DEVICE" --batch-size 256 \
        --limit "$LIMIT" --checkpoint "training/runs/sweep-$name/best.pt" --tokenizer "$TOKENIZER" \
        --ocr-lexicon assets/models/ocr-lexicon --out "$WORK/$name.dev.json" >"$WORK/$name.eval.log" 2>&1 &
    pids+=($!)
done
wait "${pids[@]}"
echo "evaluation done at ${SECONDS}s"

"$PYTHON" - "$WORK" "${SMALL[*]}" "${BASE[*]}" <<'EOF' >"$WORK/choice.txt" 2>&1
"""Picks the better run of each shape by its dev figures and writes its best.pt as fp16 weights."""
import json, sys
from pathlib import Path
import torch
from training.model import Corrector, ModelDimensions

work = Path(sys.argv[1])
for shape in sys.argv[2:]:
    scored = []
    for name in shape.split():
        checkpoint = Path(f"training/runs/sweep-{name}/best.pt")
        if not checkpoint.exists():
            print(f"{name}: no best.pt")
            continue
        report_path = work / f"{name}.dev.json"
        try:
            tasks = json.loads(report_path.read_text())["tasks"]
            # Lower is better: OCR CER counts as much as ASR and text WER together (it is the missed target).
            score = tasks["ocr"]["relative_change"]["cer"] + (
                tasks["asr"]["relative_change"]["wer"] + tasks["text"]["relative_change"]["wer"]) / 2
        except (OSError, ValueError, KeyError) as error:
            score = 10 + torch.load(checkpoint, map_location="cpu", weights_only=False)["dev"]["dev_token_loss"]
            print(f"{name}: no dev report ({error!r}); scored by dev token loss")
        print(f"{name}: score {score:+.4f}")
        scored.append((score, name, checkpoint))
    if not scored:
        continue
    _, name, path = min(scored)
    checkpoint = torch.load(path, map_location="cpu", weights_only=False)
    model = Corrector(ModelDimensions(**checkpoint["dims"]))
    model.load_state_dict(checkpoint["model"])
    weights = {key: checkpoint[key] for key in ("dims", "config", "step", "dev")}
    weights["model"] = model.half().state_dict()
    torch.save(weights, work / f"{name}.weights.pt")
    print(f"chose {name} (step {checkpoint['step']})")
EOF
cat "$WORK/choice.txt"
echo "packing at ${SECONDS}s"
for name in "${!RUNS[@]}"; do cp "training/runs/sweep-$name/log.jsonl" "$WORK/$name.log.jsonl" 2>/dev/null; done
tar -czf "$OUT/summary.tar.gz" -C "$WORK" --exclude='*.weights.pt' .
(cd "$WORK" && tar -cf - ./*.weights.pt) | split -b 15M - "$OUT/weights.tar.part-"
ls -la "$OUT"
echo "done at ${SECONDS}s"
