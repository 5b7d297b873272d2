"""Speech for the out-of-domain ASR sets: a voice, speeds, noise and rooms that no training example had.

Training speech (asr_real.py) is flite's slt/rms/awb/kal16 and espeak-ng's Klatt variants, at rates
0.9-1.2, over white noise. Here every utterance is Festival's ked diphone voice (an American male
speaker in none of those), made into other speakers by a pitch shift, at other tempos, over pink
(1/f) noise instead of white, and sometimes in a reverberant room. espeak-ng's non-Klatt variants were
tried and left out: pocketsphinx gave 73-100% WER on them (business sentences without numbers), output
too broken to say anything about a corrector; ked gave 18%, and the conditions raise it.
The recognizer is the same pocketsphinx as in training: the product corrects that recognizer's kind
of output, and what must be new is the speech and the text.
"""

from __future__ import annotations

import hashlib
import random
import subprocess
import tempfile
from pathlib import Path
from typing import Any, Dict, Optional

import numpy as np

from . import asr_real

VOICE = "ked_diphone"
# Wider ranges (pitch +-300-400 cents, SNR 15 dB, reverb 70%) gave 61% WER: too broken to correct.
PITCH_CENTS = [-200, -100, 0, 150, 250]
TEMPOS = [0.9, 1.0, 1.1, 1.15]
PINK_NOISE_SNR_DB = [None, None, 30, 22]
REVERB_PERCENT = [None, None, None, 30]


def ood_settings(utterance_id: str) -> Dict[str, Any]:
    """The conditions of one utterance, fixed by its id so that rebuilds agree."""
    rng = random.Random(int(hashlib.sha1(f"ood:{utterance_id}".encode()).hexdigest()[:12], 16))
    return {
        "voice": f"festival:{VOICE}",
        "pitch_cents": rng.choice(PITCH_CENTS),
        "tempo": rng.choice(TEMPOS),
        "pink_noise_snr_db": rng.choice(PINK_NOISE_SNR_DB),
        "reverb_percent": rng.choice(REVERB_PERCENT),
        "seed": rng.randrange(2**31),
    }


def synthesize(text: str, settings: Dict[str, Any], directory: Path) -> bytes:
    """16 kHz mono signed 16-bit raw audio of the text under the utterance's conditions."""
    text_file, wav = directory / "text.txt", directory / "speech.wav"
    text_file.write_text(text, encoding="utf-8")
    voice = settings["voice"].split(":", 1)[1]
    subprocess.run(
        ["text2wave", "-eval", f"(voice_{voice})", "-o", str(wav), str(text_file)],
        check=True,
        capture_output=True,
    )
    effects = ["pitch", str(settings["pitch_cents"]), "tempo", "-s", str(settings["tempo"])]
    if settings["reverb_percent"] is not None:
        effects += ["reverb", str(settings["reverb_percent"])]
    converted = subprocess.run(
        ["sox", str(wav), "-t", "raw", "-r", "16000", "-c", "1", "-b", "16", "-e", "signed", "-"]
        + effects,
        check=True,
        capture_output=True,
    )
    return converted.stdout


def pink_noise(length: int, rng: np.random.Generator) -> np.ndarray:
    """Unit-power noise whose power falls as 1/f (white noise shaped in the frequency domain)."""
    spectrum = np.fft.rfft(rng.normal(0.0, 1.0, length))
    frequencies = np.arange(spectrum.size, dtype=np.float64)
    frequencies[0] = 1.0
    noise = np.fft.irfft(spectrum / np.sqrt(frequencies), n=length)
    return noise / (np.sqrt(np.mean(noise**2)) or 1.0)


def add_pink_noise(audio: bytes, snr_db: Optional[float], seed: int) -> bytes:
    """Pink noise at the given SNR, or else only the faint floor every recognizer input gets (digital
    silence trips pocketsphinx; asr_real.add_noise says why)."""
    if snr_db is None:
        return asr_real.add_noise(audio, None, seed)
    samples = np.frombuffer(audio, dtype=np.int16).astype(np.float64)
    if not samples.size:
        return audio
    signal_power = float(np.mean(samples**2)) or 1.0
    level = np.sqrt(signal_power / 10 ** (snr_db / 10))
    noisy = samples + level * pink_noise(samples.size, np.random.default_rng(seed))
    return np.clip(noisy, -32768, 32767).astype(np.int16).tobytes()


_recognizer: Optional[asr_real.Recognizer] = None


def recognize_utterance(utterance: Dict[str, str]) -> Dict[str, Any]:
    """Speak and recognize one utterance ({"id", "text"}); runs in a worker process."""
    global _recognizer
    if _recognizer is None:
        _recognizer = asr_real.Recognizer()
    settings = ood_settings(utterance["id"])
    with tempfile.TemporaryDirectory(prefix="neko-ood-asr-") as directory:
        audio = synthesize(utterance["text"], settings, Path(directory))
    audio = add_pink_noise(audio, settings["pink_noise_snr_db"], settings["seed"])
    return {
        "segment": utterance["id"],
        "hypotheses": _recognizer.nbest(audio),
        "reference": utterance["text"],
        "meta": {
            **{key: value for key, value in settings.items() if key != "seed"},
            "seconds": round(len(audio) / 32000, 2),
        },
    }
