"""training/data/metrics.py agrees with its TypeScript twin, src/align/metrics.ts, on shared cases."""

import json
import unittest
from pathlib import Path

from training.data.metrics import char_errors, normalize, word_errors

PARITY = json.loads(
    (Path(__file__).resolve().parents[2] / "test" / "fixtures" / "metrics" / "parity.json").read_text(encoding="utf-8")
)


class MetricsParityTest(unittest.TestCase):
    def test_normalization(self):
        for text, normalized in PARITY["normalize"]:
            with self.subTest(text=text):
                self.assertEqual(normalize(text), normalized)

    def test_the_recorded_differences(self):
        for entry in PARITY["normalize_differs"]:
            with self.subTest(text=entry["text"]):
                self.assertEqual(normalize(entry["text"]), entry["python"])

    def test_error_counts(self):
        for reference, hypothesis, words, characters in PARITY["errors"]:
            with self.subTest(reference=reference, hypothesis=hypothesis):
                self.assertEqual(list(word_errors(reference, hypothesis)), words)
                self.assertEqual(list(char_errors(reference, hypothesis)), characters)


if __name__ == "__main__":
    unittest.main()
