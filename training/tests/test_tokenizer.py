"""The Python tokenizer: exact round trips, determinism, byte fallback, source construction."""

import random
import unittest
from pathlib import Path

from training.tokenizer import BYTE_OFFSET, Tokenizer, build_source, pretokenize, train

SAMPLE = Path(__file__).resolve().parents[2] / "test" / "fixtures" / "tokenizer" / "sample.txt"


class TokenizerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.lines = SAMPLE.read_text(encoding="utf-8").splitlines()
        cls.tokenizer = train(cls.lines, vocab_size=1000)

    def test_round_trips_any_unicode(self):
        rng = random.Random(3)
        texts = ["", "  x", "a\tb\n\nc  ", "naïve café 日本語 👩‍💻 e\u0301", "\x00\x1f\x7f", "rn1l|0O ~~"]
        for _ in range(300):
            code_points = [rng.randrange(1, 0x110000) for _ in range(rng.randrange(1, 20))]
            texts.append("".join(chr(c) for c in code_points if not 0xD800 <= c <= 0xDFFF))
        for text in texts:
            self.assertEqual(self.tokenizer.decode(self.tokenizer.encode(text)), text)

    def test_learns_merges_that_shorten_common_text(self):
        text = " ".join(self.lines[:50])
        self.assertEqual(self.tokenizer.vocab_size, 1000)
        self.assertLess(len(self.tokenizer.encode(text)), len(text.encode("utf-8")) / 3)

    def test_unknown_scripts_fall_back_to_bytes(self):
        ids = self.tokenizer.encode("ᚠᛇᚻ")
        self.assertEqual(ids, [BYTE_OFFSET + b for b in "ᚠᛇᚻ".encode("utf-8")])

    def test_training_is_deterministic_and_saves_losslessly(self):
        again = train(self.lines, vocab_size=1000)
        self.assertEqual(again.merges, self.tokenizer.merges)
        path = Path(self.id().replace(".", "_") + ".json")
        try:
            self.tokenizer.save(path)
            loaded = Tokenizer.load(path)
        finally:
            path.unlink(missing_ok=True)
        self.assertEqual(loaded.encode(self.lines[0]), self.tokenizer.encode(self.lines[0]))

    def test_pretokenizer_keeps_one_space_with_the_next_word(self):
        self.assertEqual(pretokenize(b"a  bc,d 12"), [b"a", b" ", b" bc", b",", b"d", b" 12"])

    def test_source_keeps_whole_hypotheses_best_first(self):
        tokenizer = self.tokenizer
        best, second, third = "the nation is strong", "the nation his strong", "then asian is strong"
        ids = [tokenizer.encode(h) for h in (best, second, third)]
        full = build_source(tokenizer, [best, second, third], nbest_max=5, max_source_tokens=200)
        self.assertEqual(full, ids[0] + [tokenizer.sep_id] + ids[1] + [tokenizer.sep_id] + ids[2] + [tokenizer.eos_id])
        two = build_source(tokenizer, [best, second, third], nbest_max=2, max_source_tokens=200)
        self.assertEqual(two, ids[0] + [tokenizer.sep_id] + ids[1] + [tokenizer.eos_id])
        tight = build_source(tokenizer, [best, second], nbest_max=5, max_source_tokens=len(ids[0]) + 2)
        self.assertEqual(tight, ids[0] + [tokenizer.eos_id])
        cut = build_source(tokenizer, [best], nbest_max=5, max_source_tokens=3)
        self.assertEqual(cut, ids[0][:2] + [tokenizer.eos_id])
        self.assertEqual(build_source(tokenizer, [], nbest_max=5, max_source_tokens=8), [tokenizer.eos_id])


if __name__ == "__main__":
    unittest.main()
