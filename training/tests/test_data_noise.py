"""Synthetic ASR/OCR generators, calibration counting, line pairing and the output contract."""

import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from training.data import asr_real, build, calibrate, jsonl, ocr_real, ood_scans  # noqa: E402
from training.data.asr_synth import AsrErrorModel  # noqa: E402
from training.data.metrics import cer, wer  # noqa: E402
from training.data.ocr_synth import OcrErrorModel  # noqa: E402
from training.data.phonetic import PhoneticNeighbours, read_cmudict  # noqa: E402
from training.data.verbalize import verbalize  # noqa: E402

CMUDICT = """\
MEET  M IY1 T
MEAT  M IY1 T
MET  M EH1 T
BUDGET  B AH1 JH AH0 T
REVIEW  R IY0 V Y UW1
THE  DH AH0
WE  W IY1
WILL  W IH1 L
WELL  W EH1 L
ON  AA1 N
MONDAY  M AH1 N D EY2
SOME  S AH1 M
DAY  D EY1
SOMEDAY  S AH1 M D EY2
FOR  F AO1 R
FOUR  F AO1 R
"""
SENTENCES = [
    "We will meet on Monday to review the budget.",
    "The budget for 2025 is $418,000, up 12% from the plan.",
    "Someday we will review the meat budget on Monday.",
]


def phonetic_model(calibration=None):
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "dict.txt"
        path.write_text(CMUDICT, encoding="latin-1")
        pronunciations = read_cmudict(path)
    vocabulary = set(pronunciations)
    return AsrErrorModel(
        calibration or calibrate.DEFAULT_ASR, PhoneticNeighbours(pronunciations, vocabulary), vocabulary
    )


class PhoneticTest(unittest.TestCase):
    def test_homophones_and_one_phone_neighbours(self):
        model = phonetic_model()
        self.assertEqual(model.neighbours.homophones("meet"), ["meat"])
        self.assertIn("met", model.neighbours.neighbours("meet"))
        self.assertIn("well", model.neighbours.neighbours("will"))
        self.assertNotIn("budget", model.neighbours.neighbours("meet"))


class AsrSynthTest(unittest.TestCase):
    def test_nbest_is_spoken_form_distinct_and_seeded(self):
        model = phonetic_model()
        for sentence in SENTENCES:
            hypotheses = model.nbest(sentence, random.Random(5), error_rate=0.3)
            self.assertEqual(hypotheses, model.nbest(sentence, random.Random(5), error_rate=0.3))
            self.assertLessEqual(len(hypotheses), 5)
            self.assertEqual(len(hypotheses), len(set(hypotheses)))
            for hypothesis in hypotheses:
                self.assertRegex(hypothesis, r"^[a-z' ]+$")

    def test_error_rate_follows_the_request(self):
        model = phonetic_model()
        spoken = verbalize(SENTENCES[1])
        for target in (0.05, 0.3):
            measured = statistics.mean(
                wer(spoken, model.nbest(SENTENCES[1], random.Random(seed), target)[0])
                for seed in range(300)
            )
            self.assertAlmostEqual(measured, target, delta=0.06)

    def test_observed_confusions_are_preferred(self):
        calibration = dict(calibrate.DEFAULT_ASR, substitutions={"budget": {"but it": 10}})
        model = phonetic_model(calibration)
        outputs = [model._substitute("budget", random.Random(seed)) for seed in range(200)]
        self.assertGreater(outputs.count("but it"), 80)


class OcrSynthTest(unittest.TestCase):
    def test_character_error_rate_follows_the_request(self):
        model = OcrErrorModel(calibrate.DEFAULT_OCR)
        line = "The committee approved the budget of $418,000 on March 3, 2025."
        for target in (0.03, 0.15):
            measured = statistics.mean(
                cer(line, model.corrupt(line, random.Random(seed), target), normalized=False)
                for seed in range(300)
            )
            self.assertAlmostEqual(measured, target, delta=0.5 * target)

    def test_classic_shape_confusions_occur(self):
        model = OcrErrorModel(calibrate.DEFAULT_OCR)
        outputs = {model._substitute("modern", random.Random(seed)) for seed in range(300)}
        self.assertIn("rnodern", outputs)
        self.assertIn("modem", outputs)

    def test_calibrated_confusions_are_learned_from_real_pairs(self):
        records = [
            {"reference": "modern illness", "hypotheses": ["modem i11ness"]},
            {"reference": "Bill", "hypotheses": ["Bi11"]},
        ]
        table = calibrate.ocr_statistics(records)
        self.assertEqual(table["substitutions"]["ll"], {"11": 2})
        self.assertEqual(table["substitutions"]["rn"], {"m": 1})
        self.assertEqual(len(table["segment_cer"]), 2)


class CalibrationTest(unittest.TestCase):
    def test_asr_statistics_count_against_the_spoken_reference(self):
        records = [
            {
                "reference": "We will meet on Monday.",
                "hypotheses": ["we well meet monday", "we will meet monday"],
            },
            {"reference": "I paid $5.", "hypotheses": ["i paid five dollars"]},
        ]
        table = calibrate.asr_statistics(records)
        self.assertEqual(table["substitutions"], {"will": {"well": 1}})
        self.assertEqual(table["deletions"], {"on": 1})
        self.assertAlmostEqual(table["rates"]["sub"], 1 / 9)
        self.assertEqual(table["nbest"]["count"], {"2": 1, "1": 1})
        self.assertEqual(table["nbest"]["edits_from_best"], [1])

    def test_tables_round_trip_through_json(self):
        with tempfile.TemporaryDirectory() as directory:
            calibrate.save({"source": "x", "value": [1, 2]}, "asr", Path(directory))
            self.assertEqual(calibrate.load("asr", Path(directory))["value"], [1, 2])
            fallback = calibrate.load("ocr", Path(directory))
            self.assertEqual(fallback["source"], calibrate.DEFAULT_OCR["source"])


class RealRecognizerHelpersTest(unittest.TestCase):
    def test_fillers_and_alternate_pronunciation_marks_are_dropped(self):
        self.assertEqual(asr_real.clean_hypothesis("<s> the(2) <sil> budget [NOISE] </s>"), "the budget")

    def test_settings_are_fixed_by_segment_id(self):
        self.assertEqual(asr_real.choose_settings("sotu-1-3"), asr_real.choose_settings("sotu-1-3"))
        voices = {asr_real.voice_name(asr_real.choose_settings(f"s{n}")) for n in range(200)}
        self.assertEqual(len(voices), len(asr_real.VOICES))

    def test_noise_floor_fills_digital_silence(self):
        silence = bytes(3200)
        noisy = asr_real.add_noise(silence, None, seed=1)
        self.assertEqual(len(noisy), len(silence))
        self.assertNotEqual(noisy, silence)

    def test_lines_pair_in_order_and_unlike_lines_are_dropped(self):
        sources = ["The meeting starts at ten.", "Budget review follows.", "Lunch is at noon."]
        recognized = ["The rneeting starts at ten.", "%%$#@ ~~", "Lunch is at noou."]
        pairs = ocr_real.pair_lines(sources, recognized)
        self.assertEqual(pairs, [(sources[0], recognized[0]), (sources[2], recognized[2])])

    def test_wrap_lines_respects_width_and_keeps_words(self):
        text = " ".join(["budget"] * 40)
        lines = ocr_real.wrap_lines(text, 30)
        self.assertTrue(all(len(line) <= 30 for line in lines))
        self.assertEqual(" ".join(lines), text)


class OutputContractTest(unittest.TestCase):
    def test_examples_carry_the_contract_fields(self):
        record = {
            "segment": "mail-1-2",
            "hypotheses": ["we will meet", "we will meat"],
            "reference": "We will meet.",
            "meta": {"voice": "flite:slt"},
        }
        examples = list(build.real_examples([record], "asr"))
        examples.append(build.clean_example("ocr", {"id": "sotu-1-0", "text": SENTENCES[0]}))
        for example in examples:
            self.assertEqual(set(example), {"id", "hypotheses", "reference", "task", "origin", "meta"})
            self.assertIn(example["origin"], ("real", "synthetic", "clean"))
            self.assertIsInstance(example["hypotheses"], list)
        self.assertEqual(examples[1]["hypotheses"], [examples[1]["reference"]])

    def test_jsonl_skips_a_torn_last_line_but_reports_other_bad_lines(self):
        with tempfile.TemporaryDirectory() as directory:
            path = Path(directory) / "cache.jsonl"
            path.write_text(json.dumps({"a": 1}) + "\n" + '{"a": ', encoding="utf-8")
            self.assertEqual(jsonl.read(path), [{"a": 1}])
            path.write_text('{"a": \n' + json.dumps({"a": 1}) + "\n", encoding="utf-8")
            with self.assertRaisesRegex(ValueError, r"cache\.jsonl:1"):
                jsonl.read(path)

    def test_cache_repair_cuts_a_torn_tail_before_appending(self):
        with tempfile.TemporaryDirectory() as directory:
            path = Path(directory) / "cache.jsonl"
            path.write_text(json.dumps({"a": 1}) + "\n" + '{"a": ', encoding="utf-8")
            self.assertEqual(jsonl.read_cache(path), [{"a": 1}])
            jsonl.append(path, {"a": 2})
            self.assertEqual(jsonl.read(path), [{"a": 1}, {"a": 2}])

    def test_interleaving_alternates_sources(self):
        segments = [{"id": f"{s}-{n}", "source": s} for s in ("a", "b") for n in range(5)]
        ordered = build.interleave_sources(segments)
        self.assertEqual([s["source"] for s in ordered], ["a", "b"] * 5)


def _has_pocketsphinx() -> bool:
    try:
        import pocketsphinx  # noqa: F401
    except ImportError:
        return False
    return asr_real.MODEL_DIR.is_dir()


@unittest.skipUnless(
    shutil.which("flite") and shutil.which("sox") and _has_pocketsphinx(),
    "needs flite, sox and python3-pocketsphinx with the en-us model (Debian packages)",
)
class RealAsrPipelineTest(unittest.TestCase):
    def test_clear_speech_is_mostly_recognized(self):
        segment = {"id": "test-slt", "text": "We will meet on Monday to review the budget."}
        settings = {"engine": "flite", "voice": "slt", "rate": 1.0, "noise_snr_db": None, "seed": 1}
        record = asr_real.recognize_segment(segment, settings)
        self.assertLessEqual(len(record["hypotheses"]), asr_real.NBEST_KEEP)
        self.assertEqual(len(record["hypotheses"]), len(set(record["hypotheses"])))
        self.assertLess(wer(verbalize(segment["text"]), record["hypotheses"][0]), 0.4)


@unittest.skipUnless(
    Path(ocr_real.CONVERT).exists() and shutil.which("tesseract"),
    "needs ImageMagick (/usr/bin/convert) and tesseract-ocr (Debian packages)",
)
class RealOcrPipelineTest(unittest.TestCase):
    def test_undegraded_page_reads_back_nearly_exactly(self):
        lines = ["The budget review is on Monday at 10:30.", "Please send the report to Anna."]
        with tempfile.TemporaryDirectory() as directory:
            recognized = ocr_real.render_and_recognize(
                lines, ocr_real.FONTS[0], 28, 0.0, seed=1, directory=Path(directory)
            )
        pairs = ocr_real.pair_lines(lines, recognized)
        self.assertEqual(len(pairs), 2)
        self.assertLess(ocr_real.page_error_rate(pairs, len(lines)), 0.05)

    def test_the_same_seed_makes_the_same_degraded_page(self):
        lines = ["Invoice 4471: three pallets of copper fittings,", "delivered to the Leeds depot on 12 March."]
        with tempfile.TemporaryDirectory() as directory:
            read = [
                ocr_real.render_and_recognize(lines, ocr_real.FONTS[0], 20, 0.8, seed=7, directory=Path(directory))
                for _ in range(3)
            ]
        self.assertEqual(read[1], read[0])
        self.assertEqual(read[2], read[0])

    def test_the_same_seed_makes_the_same_scanned_page(self):
        lines = ood_scans.page_lines("Dear Ms Arakawa,\n\nYour tenancy ends on 31 January 2026.", 48)
        with tempfile.TemporaryDirectory() as directory:
            images = []
            for name in ("a.png", "b.png"):
                # A training face: CI installs fonts-dejavu-core, not the out-of-domain faces.
                font = str(ocr_real.FONT_DIR / ocr_real.FONTS[0])
                ood_scans.render(lines, font, 22, 0.7, seed=3, image=Path(directory) / name)
                # The pixels, not the file: PNG's text chunks carry the time it was written.
                pixels = subprocess.run(
                    [ocr_real.CONVERT, str(Path(directory) / name), "gray:-"], check=True, capture_output=True
                )
                images.append(pixels.stdout)
        self.assertGreater(len(images[0]), 0)
        self.assertEqual(images[1], images[0])


if __name__ == "__main__":
    unittest.main()
