"""The out-of-domain dev and test sets: their texts, the speech and scan conditions, and that they
share nothing with the training corpus."""

import json
import unittest
from pathlib import Path

import numpy as np

from training.data import asr_real, ocr_real, ood, ood_scans, ood_speech

DATA = Path(__file__).resolve().parents[1] / "data"


class WrittenTextsTest(unittest.TestCase):
    def test_every_split_has_the_sizes_the_issue_asks_for(self):
        for split in ("dev", "test"):
            self.assertGreaterEqual(len(ood.written_utterances(split)), 300, split)
            self.assertGreaterEqual(len(ood.written_documents(split)), 60, split)
            self.assertGreaterEqual(len(ood.learner_sentences(split)), 300, split)

    def test_ids_group_a_conversation_or_a_page_and_nothing_else(self):
        utterances = ood.written_utterances("dev")
        self.assertEqual(utterances[0]["id"], "dev-c01-1")
        self.assertEqual(len({u["id"] for u in utterances}), len(utterances))
        sentences = ood.learner_sentences("dev")
        self.assertTrue(all("-" not in s["id"] for s in sentences))
        clean = ood.clean_copies([{"reference": "A line."}] * 7, "ocr", "dev")
        self.assertEqual([c["id"] for c in clean], ["dev_clean_ocr_0", "dev_clean_ocr_1", "dev_clean_ocr_2"])
        self.assertTrue(all(c["hypotheses"] == [c["reference"]] and c["origin"] == "clean" for c in clean))

    def test_dev_and_test_share_no_text_with_each_other_or_the_in_domain_sets(self):
        def texts(split):
            return (
                {u["text"] for u in ood.written_utterances(split)}
                | {s["reference"] for s in ood.learner_sentences(split)}
                | {line for d in ood.written_documents(split) for line in d["text"].splitlines() if len(line) > 30}
            )

        dev, test = texts("dev"), texts("test")
        self.assertFalse(dev & test)
        for name in ("dev.jsonl", "test.jsonl"):
            references = {json.loads(line)["reference"] for line in (DATA / "out" / name).open(encoding="utf-8")}
            self.assertFalse(references & (dev | test), name)


class SpeechConditionsTest(unittest.TestCase):
    def test_conditions_are_fixed_by_the_id_and_use_no_training_voice(self):
        self.assertEqual(ood_speech.ood_settings("dev-c01-1"), ood_speech.ood_settings("dev-c01-1"))
        drawn = [ood_speech.ood_settings(f"dev-c{n:02d}-1") for n in range(60)]
        self.assertGreater(len({(s["pitch_cents"], s["tempo"]) for s in drawn}), 8)
        training_voices = {asr_real.voice_name(v) for v in asr_real.VOICES}
        self.assertFalse({s["voice"] for s in drawn} & training_voices)

    def test_pink_noise_has_unit_power_and_falls_with_frequency(self):
        noise = ood_speech.pink_noise(1 << 14, np.random.default_rng(3))
        self.assertAlmostEqual(float(np.mean(noise**2)), 1.0, places=6)
        power = np.abs(np.fft.rfft(noise)) ** 2
        low, high = power[10:100].mean(), power[4000:8000].mean()
        self.assertGreater(low / high, 20)

    def test_pink_noise_at_a_signal_to_noise_ratio(self):
        tone = (8000 * np.sin(np.arange(16000) * 0.05)).astype(np.int16).tobytes()
        noisy = np.frombuffer(ood_speech.add_pink_noise(tone, 20, seed=1), dtype=np.int16).astype(float)
        clean = np.frombuffer(tone, dtype=np.int16).astype(float)
        snr = 10 * np.log10(np.mean(clean**2) / np.mean((noisy - clean) ** 2))
        self.assertAlmostEqual(snr, 20, delta=0.5)


class ScanLayoutTest(unittest.TestCase):
    def test_faces_are_not_training_faces(self):
        training = {Path(font).stem for font in ocr_real.FONTS}
        self.assertFalse({Path(font).stem for font in ood_scans.FONTS} & training)

    def test_page_lines_wrap_paragraphs_and_keep_their_own_breaks(self):
        text = "Unit 9, Fenton Estate\nStoke ST4 2RW\n\n" + " ".join(["word"] * 30)
        lines = ood_scans.page_lines(text, 24)
        self.assertEqual(lines[:3], ["Unit 9, Fenton Estate", "Stoke ST4 2RW", ""])
        self.assertTrue(all(len(line) <= 24 for line in lines[3:]))
        self.assertEqual(" ".join(lines[3:]).split(), ["word"] * 30)


if __name__ == "__main__":
    unittest.main()
