"""The OCR lexical pass: the ARPA form of the trigram model, the channel and the corrections."""

import itertools
import math
import tempfile
import unittest
from contextlib import contextmanager
from pathlib import Path

from training.ocr_lexicon import (
    DEFAULT_SETTINGS,
    GENERAL_LM,
    ArpaModel,
    Channel,
    KneserNeyCounts,
    MixedModel,
    OcrLexicon,
    american_spelling,
    build,
    calibration_features,
    document_word_counts,
    in_longer_word,
    recognizer_confidence,
    runs_on,
    write_arpa,
)

SENTENCES = [
    s.split()
    for s in [
        "the state of the union is strong",
        "the state of the economy is strong",
        "we thank you for your service",
        "thank you for your letter of march",
        "the union of the states",
        "we meet today in the house",
        "the house and the senate meet today",
        "i thank you for the letter",
        "state of the union",
        "of the people by the people for the people",
        "the house of representatives met today",
    ]
    * 3
]
CONFUSIONS = [("rn", "m", 0.4), ("t", "f", 0.6), ("1", "l", 0.5), ("c", "e", 0.4), ("l", "i", 0.4)]


class ArpaTest(unittest.TestCase):
    def test_the_backoff_form_scores_every_trigram_as_the_interpolated_model(self):
        counts = KneserNeyCounts(SENTENCES)
        with tempfile.TemporaryDirectory() as directory:
            path = Path(directory) / "lm.arpa.gz"
            write_arpa(counts, path, min_trigram=1, min_bigram=1)
            model = ArpaModel(path)
        words = ["<s>", "the", "state", "of", "union", "thank", "you", "zebra", "</s>"]
        for a, b, c in itertools.product(words[:-1], words[1:-1], words[1:]):
            if c == "zebra":
                expected = math.log(counts.trigram(a, b, ""))
            else:
                expected = math.log(counts.trigram(a, b, c))
            # ARPA keeps five decimals of log10.
            self.assertAlmostEqual(model.log_probability(a, b, c), expected, delta=2e-4, msg=(a, b, c))

    def test_pruned_trigrams_fall_back_to_the_bigram(self):
        counts = KneserNeyCounts(SENTENCES)
        with tempfile.TemporaryDirectory() as directory:
            path = Path(directory) / "lm.arpa.gz"
            kept = write_arpa(counts, path, min_trigram=1000, min_bigram=1)
            model = ArpaModel(path)
        self.assertEqual(kept[2], 0)
        self.assertAlmostEqual(
            model.log_probability("the", "state", "of"), math.log(counts.bigram("state", "of")), delta=2e-4
        )


class ChannelTest(unittest.TestCase):
    def setUp(self):
        self.channel = Channel({"confusions": CONFUSIONS})

    def test_known_confusions_cost_less_than_plain_edits(self):
        self.assertEqual(self.channel.distance("union", "union"), 0.0)
        self.assertAlmostEqual(self.channel.distance("tor", "for"), 0.6)
        self.assertAlmostEqual(self.channel.distance("rnarch", "march"), 0.4)
        self.assertEqual(self.channel.distance("xor", "for"), 1.0)
        self.assertEqual(self.channel.distance("unon", "union"), 1.0)


class CorrectionTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.directory = tempfile.TemporaryDirectory()
        corpus_only = {**DEFAULT_SETTINGS, "general_lm_weight": 0.0}
        build(Path(cls.directory.name), SENTENCES, {"zebra", "tor"}, CONFUSIONS, settings=corpus_only)
        cls.lexicon = OcrLexicon(Path(cls.directory.name))
        cls.lexicon.settings["split_min_count"] = 5  # the shipped 20 assumes a corpus of millions of words

    @classmethod
    def tearDownClass(cls):
        cls.directory.cleanup()

    @contextmanager
    def settings(self, **values):
        """The lexicon with some settings replaced for the duration."""
        saved = dict(self.lexicon.settings)
        self.lexicon.settings.update(values)
        try:
            yield
        finally:
            self.lexicon.settings = saved

    def test_a_correct_line_is_left_alone(self):
        self.assertEqual(self.lexicon.correct("The state of the union is strong."), ("The state of the union is strong.", []))

    def test_non_words_become_the_likely_known_word_with_case_and_punctuation_kept(self):
        text, edits = self.lexicon.correct("Thank you tor your letter of rnarch.")
        self.assertEqual(text, "Thank you for your letter of march.")
        self.assertEqual([(e["start"], e["end"], e["text"]) for e in edits], [(10, 13, "for"), (29, 35, "march")])
        for edit in edits:
            self.assertGreater(edit["confidence"], 0.5)
            self.assertLessEqual(edit["confidence"], 1.0)
        self.assertEqual(self.lexicon.correct("THANK YOU TOR YOUR LETTER")[0], "THANK YOU FOR YOUR LETTER")

    def test_a_piece_of_a_word_with_letters_outside_a_to_z_is_kept(self):
        # WORD reads A-Z: "Hôpital" is "H", "ô", "pital", and "pital" had become "vital".
        self.assertTrue(in_longer_word("Hôpital", 2, 7))
        self.assertTrue(in_longer_word("Exupéry", 0, 4))
        self.assertTrue(in_longer_word("re\u0301sume", 0, 2))  # a combining accent
        self.assertTrue(in_longer_word("a\U0001d400bc", 2, 4))  # a letter beyond the BMP
        self.assertFalse(in_longer_word("the end, 2024", 4, 7))
        line = "Orthopaedic clinic, Hôpital Saint-Exupéry, Győr"
        self.assertEqual(self.lexicon.correct(line), (line, []))
        text, edits = self.lexicon.correct("the Hôpital was closed in rnarch")
        self.assertEqual(text, "the Hôpital was closed in march")
        self.assertEqual([(e["start"], e["end"]) for e in edits], [(26, 32)])

    def test_a_british_spelling_is_not_made_american(self):
        self.assertEqual(american_spelling("itemised"), "itemized")
        self.assertEqual(american_spelling("orthopaedic"), "orthopedic")
        self.assertEqual(american_spelling("colours"), "colors")
        self.assertEqual(american_spelling("colourful"), "colorful")
        self.assertEqual(american_spelling("neighbourhood"), "neighborhood")
        self.assertEqual(american_spelling("travelling"), "traveling")
        self.assertEqual(american_spelling("programmes"), "programs")
        self.assertEqual(american_spelling("instalments"), "installments")
        self.assertEqual(american_spelling("skilful"), "skillful")
        self.assertEqual(american_spelling("element"), "element")
        self.assertEqual(american_spelling("house"), "house")
        # "practise" is British for "practice"; "advise", "devise" and "servise" are other words or slips.
        self.assertEqual(american_spelling("practise"), american_spelling("practice"))
        self.assertNotEqual(american_spelling("advise"), american_spelling("advice"))
        self.assertNotEqual(american_spelling("servise"), american_spelling("service"))

    def test_merged_words_are_split(self):
        self.assertEqual(self.lexicon.correct("the state ofthe union")[0], "the state of the union")
        self.assertEqual(self.lexicon.correct("THE STATE OFTHE UNION")[0], "THE STATE OF THE UNION")

    def test_a_known_word_needs_more_evidence_than_a_non_word(self):
        # "tor" is in the dictionary: with a large penalty for changing known words it stays.
        with self.settings(known_word_penalty=50.0):
            self.assertEqual(self.lexicon.correct("thank you tor your letter")[0], "thank you tor your letter")

    def test_a_long_word_garbled_past_two_edits_is_found_by_its_letter_pairs(self):
        # Three confusions: out of the two-deletion search's reach, within 0.4 edits per letter.
        self.assertEqual(self.lexicon.correct("the house of rcpresentatlvcs")[0], "the house of representatives")
        with self.settings(far_min_length=99):
            self.assertEqual(self.lexicon.correct("the house of rcpresentatlvcs")[0], "the house of rcpresentatlvcs")

    def test_a_word_tied_to_a_number_is_a_reference_code_and_keeps_its_spelling(self):
        # src/corrector/passes/ocr-lexicon.ts's test has the same cases.
        self.assertEqual(self.lexicon.correct("letter of rnarch 2024")[0], "letter of march 2024")
        for line in ("letter rnarch-2024", "letter 2024-rnarch", "letter rnarch/7", "letter 7/rnarch"):
            self.assertEqual(self.lexicon.correct(line), (line, []))

    def test_a_line_is_read_from_the_words_of_the_line_its_sentence_runs_on_from(self):
        for line in ("we thank you", "thank you for your,", "the union of the (", "Dear Mrs Ahmed"):
            self.assertTrue(runs_on(line), line)
        for line in ("we thank you.", "Thank you!", 'he said "no."', "Total: ", "(see below).", " ", ""):
            self.assertFalse(runs_on(line), line)
        alone = self.lexicon.correct("tor your letter")
        self.assertEqual(alone[0], "for your letter")
        run_on = self.lexicon.read_lines([("we thank you", None), ("tor your letter", None)])[1]
        ended = self.lexicon.read_lines([("we thank you.", None), ("tor your letter", None)])[1]
        self.assertEqual(run_on[0], "for your letter")
        # After "thank you" the word model is surer of "for" than at a sentence's start.
        self.assertGreater(run_on[1][0]["confidence"], alone[1][0]["confidence"] + 0.2)
        self.assertEqual(ended, alone)
        with self.settings(new_sentence_cost=None):
            self.assertEqual(self.lexicon.read_lines([("we thank you", None), ("tor your letter", None)])[1], alone)

    def test_digits_are_not_touched(self):
        self.assertEqual(self.lexicon.correct("the state of 1990")[0], "the state of 1990")

    def test_an_edit_s_confidence_is_calibrated_where_the_channel_says_how(self):
        line = "Thank you tor your letter of rnarch."
        _, plain = self.lexicon.correct(line)
        calibration = {
            "bias": -1.0,
            "posterior_logit": 0.5,
            "known_word": 0.8,
            "length": 3.0,
            "capitalized": -0.8,
            "candidate_count": 0.2,
            "similarity": 4.0,
            "word_repeats": -0.7,
            "replacement_in_document": 1.5,
        }
        with self.settings(edit_calibration=calibration):
            _, calibrated = self.lexicon.correct(line)
            _, capitalised = self.lexicon.correct("Thank you Tor your letter of rnarch.")
        self.assertEqual([e["text"] for e in calibrated], [e["text"] for e in plain])
        for before, after in zip(plain, calibrated):
            word = line[before["start"] : before["end"]]
            counts = document_word_counts([line])
            features = calibration_features(self.lexicon.lexicon, word, before["text"], before["confidence"], counts)
            z = calibration["bias"] + sum(calibration[name] * value for name, value in zip(list(calibration)[1:], features))
            self.assertAlmostEqual(after["confidence"], 1 / (1 + math.exp(-z)), places=12)
        # "tor" is a known word (it pays the known-word penalty), capitalised a likely name: less sure.
        features = calibration_features(self.lexicon.lexicon, "tor", "for", 0.5, {"tor": 2, "for": 3})
        self.assertEqual(features[:4], [0.0, 1.0, 0.3, 0.0])
        self.assertEqual(features[5:], [1 - 1 / 3, math.log1p(1), math.log1p(3)])
        self.assertLess(capitalised[0]["confidence"], calibrated[0]["confidence"])
        self.assertEqual([e["text"] for e in capitalised], ["For", "march"])
        # No lone mark read as "I" was among the edits the weights were fitted on: its posterior stands.
        with self.settings(edit_calibration=calibration):
            self.assertEqual(self.lexicon.calibrated("|", "I", 0.6, {}), 0.6)
            self.assertNotEqual(self.lexicon.calibrated("tor", "for", 0.6, {}), 0.6)
            # A replacement the document uses elsewhere is surer; a word it repeats, less so.
            alone = self.lexicon.calibrated("tor", "for", 0.6, {})
            self.assertGreater(self.lexicon.calibrated("tor", "for", 0.6, {"for": 2}), alone)
            self.assertLess(self.lexicon.calibrated("tor", "for", 0.6, {"tor": 2}), alone)
        self.assertEqual(document_word_counts(["The Board's 2024 plan", "the board"]), {"the": 2, "board": 2, "s": 1, "plan": 1})


if __name__ == "__main__":
    unittest.main()


class GeneralModelTest(unittest.TestCase):
    """The corpus model mixed with a general English model (training/general_lm.py)."""

    def setUp(self):
        self.directory = tempfile.TemporaryDirectory()
        self.path = Path(self.directory.name)
        build(self.path, SENTENCES, {"zebra", "tor"}, CONFUSIONS)

    def tearDown(self):
        self.directory.cleanup()

    def write_general(self):
        from training.general_lm import write_bigram_arpa

        unigrams = {"<s>": -99.0, "</s>": -1.0, "the": -1.0, "zebra": -2.0, "letter": -1.5}
        write_bigram_arpa(self.path / GENERAL_LM, unigrams, {"the": -0.2}, {("the", "zebra"): -0.3}, -7.0)

    def test_the_shipped_settings_mix_in_the_general_model_and_need_its_file(self):
        self.assertGreater(DEFAULT_SETTINGS["general_lm_weight"], 0)
        with self.assertRaises(FileNotFoundError) as raised:
            OcrLexicon(self.path)
        self.assertIn(GENERAL_LM, str(raised.exception))

    def test_the_mixture_interpolates_each_model_s_own_backoff(self):
        self.write_general()
        lexicon = OcrLexicon(self.path)
        self.assertIsInstance(lexicon.lm, MixedModel)
        corpus, general = lexicon.lm.models
        weight = DEFAULT_SETTINGS["general_lm_weight"]
        for a, b, c in [("<s>", "the", "zebra"), ("of", "the", "union"), ("the", "state", "qwzx")]:
            expected = math.log(
                (1 - weight) * math.exp(corpus.log_probability(a, b, c))
                + weight * math.exp(general.log_probability(a, b, c))
            )
            self.assertAlmostEqual(lexicon.lm.log_probability(a, b, c), expected, places=12)
        # "the zebra" is a general bigram only: the mixture gives it more than the corpus model does.
        mixed, alone = (model.log_probability("<s>", "the", "zebra") for model in (lexicon.lm, corpus))
        self.assertGreater(mixed, alone)


class RecognizerConfidenceTest(unittest.TestCase):
    def test_a_word_inside_punctuation_takes_its_white_space_word_s_confidence(self):
        confidences = [0.1, 0.2, 0.3]
        self.assertEqual([recognizer_confidence("(a) b  c", start, confidences) for start in (1, 4, 7)], confidences)
        self.assertIsNone(recognizer_confidence("a b", 2, [0.5]))
        self.assertIsNone(recognizer_confidence("a b", 2, None))

    def test_a_doubted_word_is_cheaper_to_change_and_a_sure_one_dearer(self):
        lexicon = OcrLexicon.__new__(OcrLexicon)
        lexicon.settings = {"recognizer_confidence_weight": 1.0, "recognizer_confidence_midpoint": 0.8}
        options = [("tbe", ["tbe"], 0.0), ("the", ["the"], 0.5), ("toe", ["toe"], 1.0)]
        doubted = lexicon.with_recognizer_confidence(options, 0.2)
        self.assertEqual([round(cost, 9) for _, _, cost in doubted], [0.0, 0.0, 0.4])
        sure = lexicon.with_recognizer_confidence(options, 1.0)
        self.assertEqual([round(cost, 9) for _, _, cost in sure], [0.0, 0.7, 1.2])
        self.assertIs(lexicon.with_recognizer_confidence(options, None), options)

