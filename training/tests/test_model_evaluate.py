"""evaluate.py's figures: corpus-level rates, the N-best oracle, relative change, do-no-harm."""

import unittest

from training.evaluate import ErrorCounter, evaluate, oracle_hypothesis


class EvaluateTest(unittest.TestCase):
    def test_rates_are_summed_over_the_corpus_not_averaged_per_segment(self):
        counter = ErrorCounter()
        counter.add("one two three four five six seven eight nine ten", "one two three four five six seven eight nine ten")
        counter.add("Hello world.", "hello word")
        rates = counter.rates()
        self.assertAlmostEqual(rates["wer"], 1 / 12)
        self.assertAlmostEqual(rates["wer_cased"], 2 / 12)

    def test_oracle_picks_the_hypothesis_with_fewest_word_errors(self):
        self.assertEqual(oracle_hypothesis("the cat sat", ["a cat sad", "the cat sad", "the hat sad"]), "the cat sad")

    def test_report_separates_noisy_from_clean_and_measures_change(self):
        records = [
            {"task": "asr", "origin": "real", "reference": "I paid $5.", "hypotheses": ["i paid five dollars", "i paid $5"]},
            {"task": "asr", "origin": "real", "reference": "see you at noon", "hypotheses": ["sea you at noon"]},
            {"task": "asr", "origin": "clean", "reference": "All is well here.", "hypotheses": ["All is well here."]},
        ]
        corrections = ["I paid $5.", "sea you at noon", "All is well hear."]
        report = evaluate(records, corrections)
        asr = report["tasks"]["asr"]
        self.assertEqual(asr["segments"], 2)
        self.assertAlmostEqual(asr["best"]["wer"], 3 / 7)  # "five dollars" for "5" (2 edits) + "sea"
        self.assertAlmostEqual(asr["oracle"]["wer"], 1 / 7)
        self.assertAlmostEqual(asr["corrected"]["wer"], 1 / 7)
        self.assertAlmostEqual(asr["relative_change"]["wer"], (1 / 7 - 3 / 7) / (3 / 7))
        harm = report["do_no_harm"]["asr"]
        self.assertAlmostEqual(harm["words_changed"], 1 / 4)
        self.assertEqual(harm["segments_unchanged"], 0.0)


if __name__ == "__main__":
    unittest.main()
