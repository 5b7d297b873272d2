#!/usr/bin/python3
"""Synthesizes the sample meeting and transcribes it with a real recognizer.

Reads meeting-script.txt (one `Speaker|line` a segment), speaks each line with espeak-ng in the
speaker's voice, converts it with sox to 16 kHz mono under a faint noise floor (espeak's digital
silence otherwise throws pocketsphinx off), and recognizes it with pocketsphinx. The recognizer's
words and word times (10 ms frames) become the Whisper-shaped meeting.whisper.json, so its errors are
real recognition errors. Only the presentation is made Whisper-like: the first word and "i" are
capitalised and each segment ends with a full stop, since pocketsphinx writes neither case nor
punctuation. Writes meeting.ogg (the audio) and meeting.whisper.json next to this script.

Run with Debian's python3 (it has the pocketsphinx bindings): /usr/bin/python3 make-meeting.py
"""
import json
import math
import os
import subprocess
import tempfile
import wave

from pocketsphinx import Decoder, get_model_path

HERE = os.path.dirname(os.path.abspath(__file__))
VOICES = {  # espeak-ng voice, words per minute, pitch
    'Anna': ('en-us+klatt', 160, 55),
    'Ben': ('en-us+klatt4', 150, 40),
    'Carla': ('en-us+klatt6', 155, 60),
}
RATE = 16000
GAP_SECONDS = 0.6


def run(*command):
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def decoder():
    model = get_model_path()
    config = Decoder.default_config()
    config.set_string('-hmm', os.path.join(model, 'en-us'))
    config.set_string('-lm', os.path.join(model, 'en-us.lm.bin'))
    config.set_string('-dict', os.path.join(model, 'cmudict-en-us.dict'))
    config.set_string('-logfn', os.devnull)
    return Decoder(config)


def speak(work, index, speaker, line):
    voice, speed, pitch = VOICES[speaker]
    raw = os.path.join(work, f'{index}-raw.wav')
    clean = os.path.join(work, f'{index}-clean.wav')
    noisy = os.path.join(work, f'{index}.wav')
    run('espeak-ng', '-v', voice, '-s', str(speed), '-p', str(pitch), '-w', raw, line)
    run('sox', raw, '-r', str(RATE), '-c', '1', '-b', '16', clean, 'remix', '-', 'gain', '-3', 'pad', '0', str(GAP_SECONDS))
    # Mix a faint white-noise floor of the same length under the speech.
    noise = os.path.join(work, f'{index}-noise.wav')
    run('sox', clean, noise, 'synth', 'whitenoise', 'vol', '0.003')
    run('sox', '-m', clean, noise, noisy)
    return noisy


def samples_of(path):
    with wave.open(path, 'rb') as audio:
        return audio.getnframes(), audio.readframes(audio.getnframes())


def recognize(dec, pcm):
    dec.start_utt()
    dec.process_raw(pcm, False, True)
    dec.end_utt()
    logmath = dec.get_logmath()
    words = []
    for segment in dec.seg():
        word = segment.word
        if word in ('<s>', '</s>', '<sil>', '[NOISE]', '[SPEECH]') or word.startswith('++'):
            continue
        if word.endswith(')') and '(' in word:
            word = word[: word.index('(')]  # alternative pronunciation marker, e.g. "the(2)"
        probability = min(1.0, max(0.0, logmath.exp(segment.prob)))
        words.append((word, segment.start_frame / 100, (segment.end_frame + 1) / 100, probability))
    return words


def presented(words):
    texts = ['I' if word == 'i' else word.replace("i'", "I'", 1) if word.startswith("i'") else word for word, *_ in words]
    if texts:
        texts[0] = texts[0][:1].upper() + texts[0][1:]
        texts[-1] += '.'
    return texts


def main():
    script = [line.split('|', 1) for line in open(os.path.join(HERE, 'meeting-script.txt')).read().splitlines() if line.strip()]
    dec = decoder()
    segments, parts, offset = [], [], 0.0
    with tempfile.TemporaryDirectory() as work:
        for index, (speaker, line) in enumerate(script):
            path = speak(work, index, speaker, line)
            frames, pcm = samples_of(path)
            recognized = recognize(dec, pcm)
            texts = presented(recognized)
            words = [
                {'word': ' ' + text, 'start': round(offset + start, 2), 'end': round(offset + end, 2), 'probability': round(probability, 3)}
                for text, (_, start, end, probability) in zip(texts, recognized)
            ]
            if words:
                segments.append({
                    'id': len(segments),
                    'seek': 0,
                    'start': words[0]['start'],
                    'end': words[-1]['end'],
                    'text': ''.join(word['word'] for word in words),
                    'speaker': speaker,
                    'words': words,
                })
            parts.append(path)
            offset += frames / RATE
        run('sox', *parts, os.path.join(work, 'meeting.wav'))
        run('sox', os.path.join(work, 'meeting.wav'), '-C', '3', os.path.join(HERE, 'meeting.ogg'))
    document = {'text': ''.join(segment['text'] for segment in segments), 'segments': segments, 'language': 'en'}
    with open(os.path.join(HERE, 'meeting.whisper.json'), 'w') as out:
        json.dump(document, out, indent=2, ensure_ascii=False)
        out.write('\n')


if __name__ == '__main__':
    main()
