"""The general English model's pruning (training/general_lm.py)."""

import gzip
import math
import tempfile
import unittest
from pathlib import Path

from training.general_lm import pruned, read_bigram_model, write_bigram_arpa
from training.ocr_lexicon import ArpaModel

# A small bigram model in sphinx_lm_convert's layout (words split by tabs); its unigrams sum to one
# (0.2, 0.4, 0.2, 0.2), as a real model's do.
SPHINX_ARPA = """\\data\\
ngram 1=5
ngram 2=5

\\1-grams:
-99.0000\t<s>\t-0.3000
-0.69897\t</s>\t0.0000
-0.39794\tthe\t-0.2000
-0.69897\tcat\t-0.1000
-0.69897\tsat\t-0.1500

\\2-grams:
-0.2000\t<s>\tthe
-0.3000\tthe\tcat
-1.5000\tthe\tsat
-0.1000\tcat\tsat
-0.7000\tsat\t</s>

\\end\\
"""


class PruningTest(unittest.TestCase):
    def setUp(self):
        self.directory = tempfile.TemporaryDirectory()
        self.path = Path(self.directory.name)
        (self.path / "sphinx.arpa").write_text(SPHINX_ARPA, encoding="utf-8")
        self.unigrams, self.backoffs, self.bigrams = read_bigram_model(self.path / "sphinx.arpa")

    def tearDown(self):
        self.directory.cleanup()

    def test_reads_words_split_by_tabs(self):
        self.assertEqual(self.bigrams[("the", "cat")], -0.3)
        self.assertEqual(self.backoffs["the"], -0.2)
        self.assertEqual(len(self.bigrams), 5)

    def test_keeps_the_bigrams_that_carry_the_most_information(self):
        _, kept = pruned(self.unigrams, self.backoffs, self.bigrams, 3)
        # "the sat" is less likely than "sat" alone would make it: the first to go.
        self.assertNotIn(("the", "sat"), kept)
        self.assertEqual(len(kept), 3)

    def test_each_history_still_sums_to_one_after_pruning(self):
        for keep in (5, 3, 1, 0):
            backoffs, kept = pruned(self.unigrams, self.backoffs, self.bigrams, keep)
            out = self.path / f"general-{keep}.arpa.gz"
            write_bigram_arpa(out, self.unigrams, backoffs, kept, -7.0)
            model = ArpaModel(out)  # four decimals of log10 in the file: sums within 1e-3
            vocabulary = ["</s>", "the", "cat", "sat"]
            for history in ["<s>", "the", "cat", "sat"]:
                total = sum(math.exp(model.log_probability("<s>", history, word)) for word in vocabulary)
                self.assertAlmostEqual(total, 1.0, places=3, msg=f"{keep} bigrams kept, after {history!r}")

    def test_writes_the_same_bytes_twice_with_an_unk_for_unseen_words(self):
        backoffs, kept = pruned(self.unigrams, self.backoffs, self.bigrams, 4)
        first, second = self.path / "a.arpa.gz", self.path / "b.arpa.gz"
        for out in (first, second):
            write_bigram_arpa(out, self.unigrams, backoffs, kept, -7.0)
        self.assertEqual(first.read_bytes(), second.read_bytes())
        text = gzip.open(first, "rt", encoding="utf-8").read()
        self.assertIn("-7.0000\t<unk>\t0.0000", text)
        model = ArpaModel(first)
        self.assertEqual(model.log_probability("the", "cat", "dog"), model.log_probability("the", "cat", "<unk>"))


if __name__ == "__main__":
    unittest.main()
