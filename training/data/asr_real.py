"""Stage 2: real ASR errors. Text → speech (flite or espeak-ng, several voices and rates) → sox
(16 kHz mono) → a faint noise floor, sometimes more noise → pocketsphinx N-best (up to 5 distinct
hypotheses, best first)."""

from __future__ import annotations

import hashlib
import random
import subprocess
import tempfile
from pathlib import Path
from typing import Any, Dict, List, Optional

import numpy as np

MODEL_DIR = Path("/usr/share/pocketsphinx/model/en-us")
NBEST_SCAN = 60
NBEST_KEEP = 5
FILLERS = {"<s>", "</s>", "<sil>", "[noise]", "<unk>", "++noise++", "[speech]"}

# (engine, voice): flite voices and espeak-ng Klatt variants gave 20-40% WER here (measured on this project's build machine).
VOICES: List[Dict[str, str]] = [
    {"engine": "flite", "voice": "slt"},
    {"engine": "flite", "voice": "rms"},
    {"engine": "flite", "voice": "awb"},
    {"engine": "flite", "voice": "kal16"},
    {"engine": "espeak", "voice": "en-us+klatt"},
    {"engine": "espeak", "voice": "en-us+klatt2"},
    {"engine": "espeak", "voice": "en-us+klatt4"},
]


# Measured here: en-gb+klatt3 gave 98% WER on dev/test (pocketsphinx's en-us model does not follow
# it), pairs that teach the corrector to invent text, so its output is left out of every split.
RETIRED_VOICES = {"espeak:en-gb+klatt3"}


def is_usable(record: Dict[str, Any]) -> bool:
    return record["meta"]["voice"] not in RETIRED_VOICES and any(record["hypotheses"])


def voice_name(settings: Dict[str, Any]) -> str:
    return f"{settings['engine']}:{settings['voice']}"


def choose_settings(segment_id: str) -> Dict[str, Any]:
    """Voice, rate and noise for a segment, fixed by its id so that reruns agree."""
    rng = random.Random(int(hashlib.sha1(segment_id.encode()).hexdigest()[:12], 16))
    settings: Dict[str, Any] = dict(rng.choice(VOICES))
    settings["rate"] = rng.choice([0.9, 1.0, 1.0, 1.1, 1.2])
    settings["noise_snr_db"] = rng.choice([None, None, None, 35, 30, 25])
    settings["seed"] = rng.randrange(2**31)
    return settings


def synthesize(text: str, settings: Dict[str, Any], directory: Path) -> bytes:
    """16 kHz mono signed 16-bit raw audio of the text."""
    wav = directory / "speech.wav"
    if settings["engine"] == "flite":
        stretch = f"{1.0 / settings['rate']:.2f}"
        command = ["flite", "-voice", settings["voice"], "--setf", f"duration_stretch={stretch}"]
        subprocess.run(command + ["-t", text, "-o", str(wav)], check=True, capture_output=True)
    else:
        words_per_minute = str(int(165 * settings["rate"]))
        command = ["espeak-ng", "-v", settings["voice"], "-s", words_per_minute, "-w", str(wav)]
        subprocess.run(command + ["--", text], check=True, capture_output=True)
    converted = subprocess.run(
        ["sox", str(wav), "-t", "raw", "-r", "16000", "-c", "1", "-b", "16", "-e", "signed", "-"],
        check=True,
        capture_output=True,
    )
    return converted.stdout


def add_noise(audio: bytes, snr_db: Optional[float], seed: int) -> bytes:
    """A faint white-noise floor always (TTS silence is exactly digital zero, which pocketsphinx
    handles badly), plus white noise at the given signal-to-noise ratio."""
    samples = np.frombuffer(audio, dtype=np.int16).astype(np.float64)
    rng = np.random.default_rng(seed)
    noise_level = 8.0
    if snr_db is not None and samples.size:
        signal_power = float(np.mean(samples**2)) or 1.0
        noise_level = max(noise_level, float(np.sqrt(signal_power / 10 ** (snr_db / 10))))
    noisy = samples + rng.normal(0.0, noise_level, samples.shape)
    return np.clip(noisy, -32768, 32767).astype(np.int16).tobytes()


class Recognizer:
    def __init__(self) -> None:
        from pocketsphinx import Decoder  # Debian's python3-pocketsphinx, imported only where used

        config = Decoder.default_config()
        config.set_string("-hmm", str(MODEL_DIR / "en-us"))
        config.set_string("-lm", str(MODEL_DIR / "en-us.lm.bin"))
        config.set_string("-dict", str(MODEL_DIR / "cmudict-en-us.dict"))
        config.set_string("-logfn", "/dev/null")
        # Caps active HMMs per frame: measured 40% less CPU here with the same 1-best on clean TTS.
        config.set_int("-maxhmmpf", 3000)
        self.decoder = Decoder(config)

    def nbest(self, audio: bytes) -> List[str]:
        decoder = self.decoder
        decoder.start_utt()
        decoder.process_raw(audio, False, True)
        decoder.end_utt()
        hypotheses: List[str] = []
        best = decoder.hyp()
        if best is not None:
            hypotheses.append(clean_hypothesis(best.hypstr))
        for scanned, entry in enumerate(decoder.nbest()):
            if scanned >= NBEST_SCAN or len(hypotheses) >= NBEST_KEEP:
                break
            text = clean_hypothesis(entry.hypstr)
            if text not in hypotheses:
                hypotheses.append(text)
        return [h for h in hypotheses if h] or [""]


def clean_hypothesis(text: str) -> str:
    words = []
    for word in text.split():
        word = word.split("(")[0]
        if word.lower() not in FILLERS:
            words.append(word)
    return " ".join(words)


_recognizer: Optional[Recognizer] = None


def recognize_segment(
    segment: Dict[str, str], settings: Optional[Dict[str, Any]] = None
) -> Dict[str, Any]:
    """Speak and recognize one corpus segment; runs in a worker process."""
    global _recognizer
    if _recognizer is None:
        _recognizer = Recognizer()
    settings = settings or choose_settings(segment["id"])
    with tempfile.TemporaryDirectory(prefix="neko-asr-") as directory:
        audio = synthesize(segment["text"], settings, Path(directory))
    audio = add_noise(audio, settings["noise_snr_db"], settings["seed"])
    hypotheses = _recognizer.nbest(audio)
    return {
        "segment": segment["id"],
        "hypotheses": hypotheses,
        "reference": segment["text"],
        "meta": {
            "voice": voice_name(settings),
            "rate": settings["rate"],
            "noise_snr_db": settings["noise_snr_db"],
            "seconds": round(len(audio) / 32000, 2),
        },
    }
