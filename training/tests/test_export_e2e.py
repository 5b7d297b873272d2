"""End to end: train a tiny corrector for a few steps, resume it, export it, compare with onnxruntime-node."""

import json
import random
import tempfile
import unittest
from pathlib import Path

import torch

TRAINING_DIR = Path(__file__).resolve().parents[1]
from training import train
from training.export import PARITY_TOLERANCE, export_model_dir
from training.model import Corrector, ModelDimensions
from training.tokenizer import Tokenizer

SAMPLE = TRAINING_DIR.parent / "test" / "fixtures" / "tokenizer" / "sample.txt"


def toy_record(index: int, reference: str, rng: random.Random) -> dict:
    """Made-up errors of each task's flavour; enough for a smoke test, not a stand-in for real data."""
    task = ("asr", "ocr", "text")[index % 3]
    if task == "asr":
        spoken = "".join(c for c in reference.lower() if c.isalnum() or c in " '")
        hypotheses = [spoken, spoken.replace(" the ", " a "), spoken.replace("s ", " ")]
    elif task == "ocr":
        hypotheses = [reference.replace("m", "rn").replace("l", "1")]
    else:
        hypotheses = [reference.replace(" the ", " teh ") if rng.random() < 0.8 else reference]
    return {"id": f"toy-{index}", "hypotheses": hypotheses, "reference": reference, "task": task, "origin": "synthetic"}


def tiny_config(work: Path, *overrides: str) -> dict:
    """config_tiny.py on toy train and dev files written into `work`."""
    rng = random.Random(0)
    lines = [line for line in SAMPLE.read_text(encoding="utf-8").splitlines() if len(line) < 90]
    for name, chosen in (("train", lines[:300]), ("dev", lines[300:340])):
        with (work / f"{name}.jsonl").open("w") as out:
            for index, line in enumerate(chosen):
                out.write(json.dumps(toy_record(index, line, rng)) + "\n")
    files = [f"--train_file={work / 'train.jsonl'}", f"--dev_file={work / 'dev.jsonl'}", f"--runs_dir={work}"]
    return train.load_config([str(TRAINING_DIR / "config_tiny.py"), *files, *overrides])


class TrainExportParityTest(unittest.TestCase):
    def test_tiny_training_resumes_and_exports_within_tolerance(self):
        with tempfile.TemporaryDirectory() as work:
            work = Path(work)
            config = tiny_config(work)
            dev = train.run(config)
            run_dir = work / config["run_name"]
            log = [json.loads(line) for line in (run_dir / "log.jsonl").read_text().splitlines()]
            initial_dev_loss = next(r["dev_token_loss"] for r in log if r["step"] == 0)
            self.assertLess(dev["dev_token_loss"], 0.85 * initial_dev_loss)
            self.assertEqual(torch.load(run_dir / "ckpt.pt")["step"], config["max_steps"])

            train.run({**config, "max_steps": config["max_steps"] + 10})
            self.assertEqual(torch.load(run_dir / "ckpt.pt")["step"], config["max_steps"] + 10)

            checkpoint = torch.load(run_dir / "best.pt")
            model = Corrector(ModelDimensions(**checkpoint["dims"]))
            model.load_state_dict(checkpoint["model"])
            tokenizer = Tokenizer.load(run_dir / "tokenizer.json")
            limits = {key: config[key] for key in ("nbest_max", "max_source_tokens", "max_target_tokens")}
            differences = export_model_dir(model, tokenizer, work / "model", "toy", limits)
            self.assertEqual(
                set(differences),
                {
                    "encoder_hidden",
                    "encoder_router_probs",
                    "cross_keys_values",
                    "logits",
                    "next_token_probs",
                    "decoder_router_probs",
                    "cached_logits",
                    "cached_decoder_router_probs",
                },
            )
            for name, difference in differences.items():
                self.assertLessEqual(difference, PARITY_TOLERANCE, name)
            exported = json.loads((work / "model" / "config.json").read_text())
            self.assertEqual(exported["experts"], ["asr", "ocr", "text", "general"])
            self.assertEqual(exported["special_tokens"]["sep"], tokenizer.sep_id)
            self.assertEqual(exported["vocab_size"], tokenizer.vocab_size)
            self.assertTrue((work / "model" / "encoder.onnx").stat().st_size > 0)
            self.assertTrue(exported["onnx"]["kv_cache"])

    def test_expert_only_fine_tuning_changes_only_that_expert(self):
        with tempfile.TemporaryDirectory() as work:
            work = Path(work)
            config = tiny_config(work, "--max_steps=8", "--eval_interval=4")
            start = Corrector(train.dimensions_from_config(config, vocab_size=config["vocab_size"]))
            # A large weight decay would shrink frozen slices if the optimizer decayed them.
            torch.save({"dims": start.dims.to_dict(), "model": start.state_dict()}, work / "start.pt")
            train.run({**config, "init_from": str(work / "start.pt"), "train_experts": "ocr", "weight_decay": 0.5})
            tuned = torch.load(work / config["run_name"] / "ckpt.pt")["model"]
            ocr = start.dims.experts.index("ocr")
            expert_tensors = 0
            for name, before in start.state_dict().items():
                after = tuned[name]
                if name.rsplit(".", 1)[-1] in ("w_in", "b_in", "w_out", "b_out"):
                    expert_tensors += 1
                    others = [index for index in range(start.dims.n_experts) if index != ocr]
                    self.assertTrue(torch.equal(after[others], before[others]), name)
                    if name.endswith("w_in"):
                        self.assertFalse(torch.equal(after[ocr], before[ocr]), name)
                else:
                    self.assertTrue(torch.equal(after, before), name)
            self.assertEqual(expert_tensors, 4 * (config["n_encoder_layers"] + config["n_decoder_layers"]))

    def test_expert_only_fine_tuning_names_an_unknown_expert(self):
        with tempfile.TemporaryDirectory() as work:
            config = tiny_config(Path(work), "--train_experts=ocr,speech")
            with self.assertRaisesRegex(SystemExit, "no expert named speech"):
                train.run(config)


if __name__ == "__main__":
    unittest.main()
