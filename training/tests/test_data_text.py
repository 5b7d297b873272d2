"""Corpus cleaning, metrics, the verbalizer and the text-task error rules."""

import random
import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from training.data import corpus, textnoise  # noqa: E402
from training.data.metrics import align, cer, normalize, wer  # noqa: E402
from training.data.verbalize import cardinal, ordinal, verbalize, year  # noqa: E402

VOCABULARY = set(
    "the we will meet on monday to review budget and plan for next quarter please send report by "
    "friday it is a good idea this was very useful thanks".split()
)


class MetricsTest(unittest.TestCase):
    def test_normalize_keeps_inner_apostrophes_only(self):
        self.assertEqual(normalize("  It's 'Fine',  REALLY!  "), "it's fine really")

    def test_wer_counts_each_edit_kind(self):
        self.assertAlmostEqual(wer("a b c d", "a x c d e"), 2 / 4)
        self.assertAlmostEqual(wer("a b c d", "a b d"), 1 / 4)
        self.assertEqual(wer("Hello, world.", "hello world"), 0.0)

    def test_raw_cer_sees_case_and_punctuation(self):
        self.assertEqual(cer("Budget.", "budget", normalized=True), 0.0)
        self.assertAlmostEqual(cer("Budget.", "budget", normalized=False), 2 / 7)

    def test_alignment_reconstructs_both_sides(self):
        reference, hypothesis = "the cat sat on the mat".split(), "a cat sat in on mat".split()
        steps = align(reference, hypothesis)
        self.assertEqual([r for _, r, _ in steps if r is not None], reference)
        self.assertEqual([h for _, _, h in steps if h is not None], hypothesis)
        self.assertEqual(sum(op != "ok" for op, _, _ in steps), 3)


class VerbalizeTest(unittest.TestCase):
    def test_numbers(self):
        self.assertEqual(cardinal(418000), "four hundred eighteen thousand")
        self.assertEqual(cardinal(2_000_015), "two million fifteen")
        self.assertEqual(ordinal(21), "twenty first")
        self.assertEqual(ordinal(40), "fortieth")
        self.assertEqual(year(2024), "twenty twenty four")
        self.assertEqual(year(2005), "two thousand five")
        self.assertEqual(year(1900), "nineteen hundred")

    def test_written_forms_become_spoken_lowercase_words(self):
        spoken = verbalize("The budget is $418,000 for AWS, up 12.5% since March 3rd at 10:30 a.m.")
        self.assertEqual(
            spoken,
            "the budget is four hundred eighteen thousand dollars for a w s up twelve point five "
            "percent since march third at ten thirty a m",
        )
        self.assertEqual(
            verbalize("$1,299.99"), "one thousand two hundred ninety nine dollars and ninety nine cents"
        )
        self.assertEqual(verbalize("$2.5 million"), "two point five million dollars")
        self.assertRegex(verbalize("In Q3 2019, 9:05 p.m."), r"^[a-z' ]+$")


class CorpusTest(unittest.TestCase):
    EMAIL = (
        "From: someone@example.com\nSubject: plan\nContent-Type: text/plain\n\n"
        "We will meet on Monday to review the budget.\n"
        "See http://example.com/page for more.\n"
        "> quoted text from the earlier message\n"
        "On Mon, Bob wrote:\n"
        "--\nBob, signature line\n"
    )

    def test_email_cleaning_drops_headers_quotes_urls_and_signature(self):
        body = corpus.clean_email_body(self.EMAIL)
        self.assertIn("We will meet on Monday to review the budget.", body)
        for gone in ("Subject", "http", "quoted text", "wrote", "signature"):
            self.assertNotIn(gone, body)

    def test_html_mail_becomes_text(self):
        mail = "Content-Type: text/html\n\n<html><style>p{}</style><p>It is a <b>good</b> idea.</p></html>"
        self.assertEqual(" ".join(corpus.clean_email_body(mail).split()), "It is a good idea.")

    def test_sentence_split_respects_abbreviations(self):
        text = "Mr. Smith paid $5. Then he left at 3 p.m. on Friday. Did he?\n\nNew paragraph here"
        self.assertEqual(
            corpus.split_sentences(text),
            ["Mr. Smith paid $5.", "Then he left at 3 p.m. on Friday.", "Did he?", "New paragraph here"],
        )

    def test_long_sentences_are_chunked_within_bounds(self):
        clause = "we will meet on monday to review the budget and the plan for next quarter,"
        sentence = " ".join([clause] * 6)
        chunks = corpus.chunk_long_sentence(sentence)
        self.assertGreater(len(chunks), 1)
        for chunk in chunks:
            self.assertTrue(corpus.MIN_WORDS <= len(chunk.split()) <= corpus.MAX_WORDS, chunk)
            self.assertFalse(chunk.endswith(","))

    def test_clean_segment_filter(self):
        self.assertTrue(corpus.is_clean_segment("We will meet on Monday to review the budget.", VOCABULARY))
        self.assertFalse(corpus.is_clean_segment("WE WILL MEET ON MONDAY TO REVIEW IT", VOCABULARY))
        self.assertFalse(corpus.is_clean_segment("We will xqzt on blorf to frobnicate it.", VOCABULARY))
        self.assertFalse(corpus.is_clean_segment("Too short here.", VOCABULARY))

    def test_split_is_by_document_and_near_90_5_5(self):
        splits = [corpus.split_of(f"doc-{n}") for n in range(4000)]
        self.assertEqual(splits, [corpus.split_of(f"doc-{n}") for n in range(4000)])
        self.assertAlmostEqual(splits.count("train") / 4000, 0.9, delta=0.03)
        self.assertAlmostEqual(splits.count("dev") / 4000, 0.05, delta=0.02)

    def test_business_documents_are_deterministic_and_number_rich(self):
        from training.data import business

        first = list(business.iter_documents(8, seed=3))
        self.assertEqual(first, list(business.iter_documents(8, seed=3)))
        text = " ".join(d["text"] for d in first)
        self.assertRegex(text, r"\d")
        self.assertEqual(len({d["doc"] for d in first}), 8)


class TextNoiseTest(unittest.TestCase):
    SENTENCES = [
        "Their report is on the table and it's ready for the meeting.",
        "We received the invoice from the company in February.",
        "The committee has approved a separate budget for the new office.",
        "She went to the bank, and then she paid the bill.",
    ]

    def test_corruption_is_seeded_and_changes_the_text(self):
        for sentence in self.SENTENCES:
            first = textnoise.corrupt(sentence, random.Random(7))
            self.assertEqual(first, textnoise.corrupt(sentence, random.Random(7)))
            corrupted, rules = first
            self.assertNotEqual(corrupted, sentence)
            self.assertTrue(rules)

    def test_confusable_rule_swaps_within_its_set(self):
        tokens = "Their report is ready".split()
        self.assertEqual(textnoise.confusable_error(tokens, random.Random(1)), "confusable")
        self.assertIn(tokens[0], ("There", "They're"))

    def test_misspelling_rule_uses_the_list(self):
        tokens = "We received it.".split()
        textnoise.misspelling_error(tokens, random.Random(0))
        self.assertEqual(tokens[1], "recieved")

    def test_rules_cover_many_kinds_over_a_corpus(self):
        rng = random.Random(11)
        seen = set()
        for _ in range(200):
            for sentence in self.SENTENCES:
                seen.update(textnoise.corrupt(sentence, rng)[1])
        self.assertGreaterEqual(len(seen), 9)


if __name__ == "__main__":
    unittest.main()
