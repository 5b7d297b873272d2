/**
 * The recognition task of text whose input does not say it (an N-best line without "task", a plain
 * .txt). The task decides which passes follow the model (the ASR guard, the OCR gate and lexical pass),
 * so a wrong guess matters: OCR lines corrected as text lost 31% CER on real business letters.
 *
 * The evidence is what each recognizer leaves in its output, in this order:
 * - alternatives: only speech recognizers give N-best lists here;
 * - spoken form: lower case, no digits and no punctuation is how ASR without a formatter writes,
 *   unless the file's such lines have contractions typed without their apostrophe ("dont");
 * - scan noise: characters and letter-digit mixes that typing and speech do not produce ("|", "ﬁ",
 *   "Iine", "0f");
 * - shape: a full sentence (capital first, end punctuation) is writing; a piece of one is a
 *   scan's line, which the page's width cut, unless it shows typing ("i" for "I", "dont") or its
 *   file is a list of sentences typed without end punctuation or without capitals.
 * The router's own choice was measured too: better on lines like its training data, far worse on
 * scans of unseen documents (training/README.md, "Out-of-domain evaluation").
 */
import { trimmedToAlphanumerics } from '../align/tokens.js';
import type { Segment, Task } from './types.js';

export type TaskEvidence =
  | 'alternatives'
  | 'spoken form'
  | 'typed'
  | 'scan noise'
  | 'sentence'
  | 'file of sentences'
  | 'line piece';

export interface InferredTask {
  task: Task;
  evidence: TaskEvidence;
}

const SPOKEN_FORM = /^[a-z' ]+$/;
/** The spoken form in capitals, as Kaldi-style recognizers write it; six words, unlike a heading. */
const SPOKEN_FORM_IN_CAPITALS = /^[A-Z']+(?: [A-Z']+){5,}$/;
/**
 * Contractions typed without their apostrophe: no speech recognizer's lexicon has them (pocketsphinx's
 * has "cant", "wont", "im", "whats" and "lets", words or names of their own, and none of these), so a
 * lower-case line with one is careless typing, not a transcript in spoken form.
 */
const TYPED_CONTRACTION =
  /\b(?:dont|didnt|doesnt|isnt|wasnt|werent|ive|youre|theyre|thats|couldnt|shouldnt|wouldnt|havent|hasnt|hadnt|mustnt)\b/;
/**
 * "i" for "I" before a verb, or a contraction of it: careless typing ("i couldnt find it. i asked"),
 * which a scan of print rarely shows (0.3% of 32,818 real tesseract lines, each in a file of scans).
 */
const TYPED_PRONOUN =
  /(?:^|\s)i(?:['’](?:m|ll|ve|d)\b|\s+(?:am|was|have|had|will|would|can|could|think|want|need|went|know|like|love|hope|just|really|also|dont|didnt|cant|couldnt|wont|got|see|saw|feel|felt|guess|mean|did|do|said|told|asked|found|tried|thought|go|play|live|work|study|get|make|take|come|eat|read|write|watch|buy|visit|prefer|agree|believe|remember|forget|hate|enjoy|try|use|call|look|wish|wonder|miss|usually|always|never|often|don't|didn't|can't|won't|[a-z]+ed)\b)/;
/** The share of the lower-case lines of a file that must be typed for the rest to count as typed. */
const TYPED_MIN_SHARE = 0.1;
const SCAN_NOISE_CHARACTERS = /[|~^_{}[\]<>«»¢©®`\\]/g;
/** Inline code as Markdown and chat write it: a pair of backticks around a span without one. */
const CODE_SPAN = /`[^`\s][^`]*`/g;
/** A letter between digits or a digit between letters, or a capital inside lower case ("CIient"). */
const MIXED_WORD = /[a-z][A-Z]|[A-Za-z][0-9][a-z]|[a-z][0-9]|[0-9][a-z]{1,2}[0-9]/;
/** How products are named ("WhatsApp", "LinkedIn", "iPhone", "eBay"), not how scans misread. */
const BRAND_NAME = /^(?:[A-Z][a-z]{2,}(?:[A-Z][a-z]+)+|[ie][A-Z][a-z]{2,})$/;
const ORDINAL_OR_UNIT = /^\d+(st|nd|rd|th|s|am|pm|kg|km|cm|mm|ml|kb|mb|gb|h|m|x)$/i;
/** A list's bullet may come first ("- I have been in London last year."). */
const SENTENCE = /^(?:[-*•]\s+)?["'(‘“]?[A-Z0-9].*[.!?]["')’”]?$/s;
/** A sentence typed without its capital: lower case first, 4 words, end punctuation. */
const LOWER_CASE_SENTENCE = /^[a-z]\S*(?:\s+\S+){3,}[.!?]["')’”]?$/;
/** A sentence without its end punctuation, as forms and chat take them: capital, 4 words, no digit. */
const UNPUNCTUATED_SENTENCE = /^(?!.*\d)[A-Z][a-z'’]*(?:\s+\S+){3,}$(?<![,;:-])/;
/**
 * The shares of a file's lines that must be sentences, and sentences without end punctuation, for
 * its line pieces to count as writing.
 */
const SENTENCES_MIN_SHARE = 0.8;
const UNPUNCTUATED_MIN_SHARE = 0.6;

/** A segment's first characters say as much as all of them, and a hostile file stays cheap. */
const CHARACTERS_READ = 2000;
/** Segments a document's task is read from. */
const SEGMENTS_READ = 400;

/** The task of one segment, from its hypotheses (best first). */
export function inferSegmentTask(hypotheses: readonly string[]): InferredTask {
  // A segment of several lines (a two-line cue, a wrapped paragraph) reads as one line.
  const best = asOneLine((hypotheses[0] ?? '').slice(0, CHARACTERS_READ)).trim();
  if (hypotheses.filter((hypothesis) => hypothesis.trim() !== '').length > 1)
    return { task: 'asr', evidence: 'alternatives' };
  const words = best.split(/\s+/).filter(Boolean);
  if ((words.length >= 3 && SPOKEN_FORM.test(best)) || SPOKEN_FORM_IN_CAPITALS.test(best)) {
    return TYPED_CONTRACTION.test(best.toLowerCase())
      ? { task: 'text', evidence: 'typed' }
      : { task: 'asr', evidence: 'spoken form' };
  }
  if (scanNoise(best, words) > 0) return { task: 'ocr', evidence: 'scan noise' };
  if (SENTENCE.test(best)) return { task: 'text', evidence: 'sentence' };
  // Lower case with punctuation: a scan's line piece, unless it shows typing.
  if (TYPED_CONTRACTION.test(best) || TYPED_PRONOUN.test(best))
    return { task: 'text', evidence: 'typed' };
  return { task: 'ocr', evidence: 'line piece' };
}

/**
 * Signs of a scan's misreadings in a line: odd characters plus words that mix letters oddly. Code
 * between a pair of backticks is writing's own ("run `git --version`" had been read as a scan, and
 * the lexical pass made it "`it --version`"); no OOD, business or in-domain scan line has such a
 * pair.
 */
export function scanNoise(line: string, words: readonly string[] = line.split(/\s+/)): number {
  const prose = line.replace(CODE_SPAN, ' ');
  const oddCharacters = prose.match(SCAN_NOISE_CHARACTERS)?.length ?? 0;
  const proseWords = prose === line ? words : prose.split(/\s+/).filter(Boolean);
  const mixedWords = proseWords.filter((word) => {
    const bare = trimmedToAlphanumerics(word);
    return (
      MIXED_WORD.test(bare) &&
      !ORDINAL_OR_UNIT.test(bare) &&
      !/^[A-Z0-9-]+$/.test(bare) &&
      !BRAND_NAME.test(bare)
    );
  }).length;
  return oddCharacters + mixedWords;
}

/** Whether any of the first lines a file's task is read from shows a scan's noise. */
export function showsScanNoise(lines: readonly string[]): boolean {
  return lines
    .slice(0, SEGMENTS_READ)
    .some((line) => scanNoise(line.slice(0, CHARACTERS_READ)) > 0);
}

/** Evidence that only one kind of recognizer leaves; the rest (shape, case) writing can share. */
const DECISIVE_EVIDENCE: ReadonlySet<TaskEvidence> = new Set(['alternatives', 'scan noise']);
/** Lines a file needs, and the share of them one task must have, before it speaks for the others. */
const FILE_MIN_LINES = 5;
const FILE_MIN_SHARE = 2 / 3;

/**
 * The task of each line of a file whose lines do not say it (N-best JSONL). One recognizer usually
 * wrote a whole file, so a line whose own evidence is only its shape takes the task most of the
 * file's lines show; a line with decisive evidence keeps its own, and a file without a clear
 * majority leaves every line to itself. On OOD dev scans, line by line, 7.5% of the lines were read
 * as speech or writing (a lower-case line piece, a line that happens to be a sentence), and the
 * passes for those made 40 harmful edits and 3 repairs.
 */
export function inferLineTasks(lines: readonly (readonly string[])[]): Task[] {
  const inferred = inferEachLine(lines);
  const counts: Record<Task, number> = { asr: 0, ocr: 0, text: 0 };
  for (const line of inferred) counts[line.task]++;
  const [fileTask, count] = (Object.entries(counts) as [Task, number][]).reduce((best, entry) =>
    entry[1] > best[1] ? entry : best,
  );
  const clear = lines.length >= FILE_MIN_LINES && count >= FILE_MIN_SHARE * lines.length;
  return inferred.map((line) =>
    clear && !DECISIVE_EVIDENCE.has(line.evidence) ? fileTask : line.task,
  );
}

/** Each line's own evidence, then what the file's lines together say of typing and sentences. */
function inferEachLine(lines: readonly (readonly string[])[]): readonly InferredTask[] {
  return withFilesOfSentences(
    lines.map((hypotheses) => asOneLine(hypotheses[0] ?? '')),
    withTypedSpokenForm(lines.map((hypotheses) => inferSegmentTask(hypotheses))),
  );
}

/**
 * Lower-case lines without punctuation read as typing, not speech, where enough lines of the same
 * file show typing ("i didnt see him", "she dont know"): careless writing looks like a transcript in
 * spoken form, and as one it would get the ASR passes, which leave its grammar alone.
 */
function withTypedSpokenForm(inferred: readonly InferredTask[]): readonly InferredTask[] {
  const typed = inferred.filter((line) => line.evidence === 'typed').length;
  const lowerCase = typed + inferred.filter((line) => line.evidence === 'spoken form').length;
  if (typed === 0 || typed < TYPED_MIN_SHARE * lowerCase) return inferred;
  return inferred.map((line) =>
    line.evidence === 'spoken form' ? { task: 'text', evidence: 'typed' } : line,
  );
}

/**
 * A file whose lines are nearly all sentences, with or without end punctuation ("My sister have two
 * cats"), none with a scan's noise and almost none starting in lower case, is writing: a scan's
 * lines are mostly pieces of sentences that start in lower case, and its tables and addresses have
 * digits. Of 4,002 scanned pages (real tesseract train pages and the OOD dev, business and fresh
 * scans), one page of spam looked so. So does a file whose lines nearly all end as sentences but
 * start in lower case ("my brother goes to school by bus."): none of those pages.
 */
function withFilesOfSentences(
  lines: readonly string[],
  inferred: readonly InferredTask[],
): readonly InferredTask[] {
  if (lines.length < FILE_MIN_LINES || inferred.some((line) => line.evidence === 'scan noise'))
    return inferred;
  const trimmed = lines.map((line) => line.slice(0, CHARACTERS_READ).trim());
  const unpunctuated = trimmed.filter(
    (line) => UNPUNCTUATED_SENTENCE.test(line) && !isTitleCase(line),
  ).length;
  const sentences = unpunctuated + inferred.filter((line) => line.evidence === 'sentence').length;
  const lowerCase = trimmed.filter((line) => /^[a-z]/.test(line)).length;
  const ended = trimmed.filter((line) => LOWER_CASE_SENTENCE.test(line)).length;
  const unpunctuatedFile =
    sentences >= SENTENCES_MIN_SHARE * lines.length &&
    unpunctuated >= UNPUNCTUATED_MIN_SHARE * lines.length &&
    lowerCase <= 0.1 * lines.length;
  // Sentences that end as sentences but start in lower case, line after line, are typing: a scan's
  // line that starts in lower case goes on from the line before and seldom ends a sentence.
  const lowerCaseFile = ended >= SENTENCES_MIN_SHARE * lines.length;
  if (!unpunctuatedFile && !lowerCaseFile) return inferred;
  return inferred.map((line) =>
    line.evidence === 'line piece' ? { task: 'text', evidence: 'file of sentences' } : line,
  );
}

/** A heading or a list's item ("Walk Like an Egyptian"): a third of its other words capitalised. */
function isTitleCase(line: string): boolean {
  const rest = line.split(/\s+/).slice(1);
  return rest.filter((word) => /^[A-Z]/.test(word)).length * 3 > rest.length;
}

/**
 * The task of a whole document from its segments: the task with the most words, where a tie or a
 * near-tie between text and OCR goes to OCR, whose passes are the more careful (the OCR gate keeps
 * only edits the model is sure of). Words, not segments: a letter's greeting, closing and signature
 * ("Dear Sir or Madam,", "Kind regards,", "Maria Rossi") read as pieces of lines, and counted as
 * segments they outvoted its two paragraphs, which were then corrected as a scan.
 */
export function inferDocumentTask(segments: readonly Pick<Segment, 'source' | 'nbest'>[]): Task {
  const counts: Record<Task, number> = { asr: 0, ocr: 0, text: 0 };
  const read = segments
    .slice(0, SEGMENTS_READ)
    .map((segment) => (segment.nbest?.length ? segment.nbest : [segment.source]));
  const tasks = inferEachLine(read);
  for (const [index, hypotheses] of read.entries()) {
    const words = (hypotheses[0] ?? '').slice(0, CHARACTERS_READ).split(/\s+/).filter(Boolean);
    counts[tasks[index]!.task] += Math.max(1, words.length);
  }
  if (counts.asr >= counts.ocr && counts.asr >= counts.text && counts.asr > 0) return 'asr';
  return counts.text > 1.5 * counts.ocr ? 'text' : counts.ocr > 0 ? 'ocr' : 'text';
}

function asOneLine(text: string): string {
  return text.replace(/[\r\n]+/gu, ' ');
}
