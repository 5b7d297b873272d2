"""The out-of-domain sets: which sentences and paragraphs they take, and that none is in the corpus."""

import json
import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from training.data import ood  # noqa: E402

LICENCE_LIKE = """                    EXAMPLE PUBLIC LICENSE
                       Version 1, 2026

 Everyone is permitted to copy and distribute verbatim copies of this license document.

  0. Definitions.

  "This License" refers to version 1 of the Example Public License, which is written for this test
and has no other use at all; it exists only so that the paragraph is long enough to count as the
prose of a licence, which the builder wants and a heading or a rule is not.

  ====================================================================
  See http://www.example.org/licenses/ for the text of this license, which says nothing of note.
"""


class OodTest(unittest.TestCase):
    def test_business_sentences_are_distinct_and_in_no_held_out_split(self):
        sentences = ood.business_sentences()
        self.assertEqual(len(sentences), 60)
        self.assertEqual(len(set(sentences)), 60)
        data = Path(__file__).resolve().parents[1] / "data" / "out"
        for split in ("dev.jsonl", "test.jsonl"):
            references = {json.loads(line)["reference"] for line in (data / split).open(encoding="utf-8")}
            self.assertFalse(references & set(sentences), split)

    def test_licence_paragraphs_keep_prose_only(self):
        paragraphs = ood.licence_paragraphs(LICENCE_LIKE)
        self.assertEqual(len(paragraphs), 1)
        self.assertTrue(paragraphs[0].startswith('"This License" refers to version 1'))
        self.assertNotIn("\n", paragraphs[0])

    def test_licence_sentences_are_spoken_lengths_without_urls(self):
        sentences = ood.licence_sentences(LICENCE_LIKE)
        self.assertIn("Everyone is permitted to copy and distribute verbatim copies of this license document.", sentences)
        self.assertFalse(any("http" in s or "====" in s for s in sentences))
        self.assertTrue(all(8 <= len(s.split()) <= 22 for s in sentences))

    def test_pages_cut_the_wrapped_text_into_scans(self):
        pages = ood.pages_of("business", " ".join(["word"] * 200), copies=2)
        lines = [line for page in pages for line in page["lines"]]
        self.assertEqual(" ".join(lines).split(), ["word"] * 400)
        self.assertTrue(all(len(page["lines"]) <= ood.LINES_PER_PAGE for page in pages))
        self.assertEqual(len({page["id"] for page in pages}), len(pages))


if __name__ == "__main__":
    unittest.main()
