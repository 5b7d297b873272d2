"""Confidence-gated corrections: which edits survive a threshold, grouped as the app groups them."""

import json
import unittest
from pathlib import Path

from training.gating import (
    confident_correction,
    is_unsure_deletion,
    is_unsure_punctuation_change,
    loses_characters_beyond_ascii,
    rewrites_words,
)

# Shared with test/unit/corrector/asr-guard.test.ts and ocr-refine.test.ts.
CASES = json.loads(
    (Path(__file__).resolve().parents[2] / "test" / "fixtures" / "gating" / "cases.json").read_text(encoding="utf-8")
)


def word_tokens(text: str, probabilities: dict[str, float]) -> tuple[list[tuple[int, int]], list[float]]:
    """One token per word (with its leading space, as the byte-level BPE makes them)."""
    spans, confidences, position = [], [], 0
    for index, word in enumerate(text.split(" ")):
        start = position if index == 0 else position - 1
        spans.append((start, position + len(word)))
        confidences.append(probabilities.get(word, 0.99))
        position += len(word) + 1
    return spans, confidences


class GatingTest(unittest.TestCase):
    def test_zero_threshold_keeps_the_correction_as_it_is(self):
        spans, probabilities = word_tokens("Their  house", {})
        self.assertEqual(confident_correction("there house", "Their  house", spans, probabilities, 0.0), "Their  house")

    def test_edits_below_the_threshold_give_back_the_source_words(self):
        output = "the cat sat on the mat"
        spans, probabilities = word_tokens(output, {"cat": 0.95, "mat": 0.4})
        source = "the cot sat on the mad"
        self.assertEqual(confident_correction(source, output, spans, probabilities, 0.6), "the cat sat on the mad")
        self.assertEqual(confident_correction(source, output, spans, probabilities, 0.3), output)

    def test_adjacent_changes_are_one_edit_decided_by_its_least_sure_token(self):
        output = "revenue was 4.2 billion dollars"
        spans, probabilities = word_tokens(output, {"4.2": 0.9, "billion": 0.5})
        source = "revenue was four point two billion dollar"
        # "four point two" -> "4.2" and "dollar" -> "dollars" are separate edits (billion is equal).
        gated = confident_correction(source, output, spans, probabilities, 0.8)
        self.assertEqual(gated, "revenue was 4.2 billion dollars")
        spans, probabilities = word_tokens("we wanted it", {"we": 0.99, "wanted": 0.3})
        self.assertEqual(confident_correction("i want it", "we wanted it", spans, probabilities, 0.5), "i want it")

    def test_a_deletion_is_as_sure_as_the_token_after_it(self):
        output = "we can negotiate"
        sure_spans, sure = word_tokens(output, {"negotiate": 0.9})
        self.assertEqual(confident_correction("we can really negotiate", output, sure_spans, sure, 0.8), output)
        _, unsure = word_tokens(output, {"negotiate": 0.2})
        self.assertEqual(
            confident_correction("we can really negotiate", output, sure_spans, unsure, 0.8), "we can really negotiate"
        )

    def test_a_scan_line_keeps_its_end_without_an_added_period(self):
        # One token per word, each sure: only the ocr_line rule can leave an edit out.
        # An added period alone, an inserted word, the word changed too (kept), the first edit stays,
        # a line that had one (no rule), not at the end.
        for source, output, expected in CASES["ocr_line_without_added_period"]:
            spans, probabilities = word_tokens(output, {})
            with self.subTest(source=source, output=output):
                self.assertEqual(confident_correction(source, output, spans, probabilities, 0.7, ocr_line=True), expected)
                self.assertEqual(confident_correction(source, output, spans, probabilities, 0.7), output)
        spans, probabilities = word_tokens("Sales Manager.", {})
        self.assertEqual(confident_correction("Sales Manager", "Sales Manager.", spans, probabilities, 0.0, True), "Sales Manager")

    def test_an_edit_that_loses_a_letter_beyond_ascii_is_left_out(self):
        for before, after, loses in CASES["characters_beyond_ascii_lost"]:
            with self.subTest(before=before, after=after):
                self.assertEqual(loses_characters_beyond_ascii(before, after), loses)
        # Ungated writing keeps the model's output, except such an edit.
        spans, probabilities = word_tokens("I will miss Krak very much.", {})
        self.assertEqual(
            confident_correction("I will miss Kraków very much", "I will miss Krak very much.", spans, probabilities, 0.0),
            "I will miss Kraków very much.",
        )

    def test_an_asr_word_rewrite_is_left_out(self):
        for before, after, rewrite in CASES["asr_word_rewrite"]:
            with self.subTest(before=before, after=after):
                self.assertEqual(rewrites_words(before.split(), after.split()), rewrite)
        self.assertFalse(rewrites_words([], ["satisfaction"]))
        self.assertFalse(rewrites_words(["department"], []))
        source = "customer complaints dropped by 15% after we change the support hours"
        output = "Customer satisfaction rose to 15% after we changed the support hours."
        spans, probabilities = word_tokens(output, {})
        expected = "customer complaints dropped by 15% after we change the support hours."
        self.assertEqual(confident_correction(source, output, spans, probabilities, 0.0, asr_segment=True), expected)
        self.assertEqual(confident_correction(source, output, spans, probabilities, 0.0), output)

    def test_an_asr_word_the_recognizer_did_not_write_is_left_out_but_punctuation_stays(self):
        source = "we went to store and bought milk"
        output = "We went to the store and bought milk."
        spans, probabilities = word_tokens(output, {})
        expected = "We went to store and bought milk."
        self.assertEqual(confident_correction(source, output, spans, probabilities, 0.0, asr_segment=True), expected)
        self.assertEqual(confident_correction(source, output, spans, probabilities, 0.0), output)

    def test_asr_rewrites_however_sure_and_unsure_deletions_are_left_out_but_digits_and_case_stay(self):
        source = "okay the plan than the patch is twelve so so"
        output = "Okay, the plan then the cash is 12 so"
        spans, probabilities = word_tokens(output, {"Okay,": 0.95, "then": 0.99, "cash": 0.5, "12": 0.3})
        expected = "Okay, the plan than the patch is 12 so"
        self.assertEqual(confident_correction(source, output, spans, probabilities, 0.0, asr_segment=True), expected)
        self.assertTrue(is_unsure_deletion(["that"], [], 0.69))
        self.assertFalse(is_unsure_deletion(["that"], [], 0.7))
        self.assertFalse(is_unsure_deletion([","], [], 0.1))
        self.assertFalse(is_unsure_deletion(["focus"], ["file"], 0.1))

    def test_the_recognizers_punctuation_changes_only_above_the_gate(self):
        self.assertTrue(is_unsure_punctuation_change(["news."], ["news,"], 0.89))
        self.assertFalse(is_unsure_punctuation_change(["news."], ["news,"], 0.9))
        self.assertFalse(is_unsure_punctuation_change(["news"], ["news,"], 0.2))
        self.assertFalse(is_unsure_punctuation_change(["news."], ["views."], 0.2))


if __name__ == "__main__":
    unittest.main()
