import type {
  NekoDocument,
  RoutingRecord,
  RoutingSide,
  Segment,
} from '../../src/document/types.js';

/**
 * Synthetic but realistically shaped data for the renderer's performance figures: a long meeting with
 * suggestions on every third segment, and routing records of any length. Deterministic (seeded).
 */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const WORDS =
  'we need to ship the new model before friday and check the numbers with the team again'.split(
    ' ',
  );
export const EXPERTS = ['asr', 'ocr', 'text', 'general'];

export function routingSide(text: string, layers: number, random: () => number): RoutingSide {
  const tokens = [...text.matchAll(/\S+/g)].map((match) => ({
    piece: match[0],
    start: match.index,
    end: match.index + match[0].length,
  }));
  const probabilities = Array.from({ length: layers }, () =>
    tokens.map(() => {
      const raw = EXPERTS.map(() => random() ** 3);
      const sum = raw.reduce((total, value) => total + value, 0);
      return raw.map((value) => value / sum);
    }),
  );
  const top2 = probabilities.map((layer) =>
    layer.map((row) => {
      const order = row.map((_, index) => index).sort((a, b) => row[b]! - row[a]!);
      return [order[0]!, order[1]!] as [number, number];
    }),
  );
  return { tokens, probabilities, top2 };
}

export function routingRecord(
  source: string,
  output: string,
  layers: number,
  random: () => number,
): RoutingRecord {
  const encoder = routingSide(source, layers, random);
  const decoder = routingSide(output, layers, random);
  const mass = EXPERTS.map(() => 0);
  for (const side of [encoder, decoder]) {
    for (const layer of side.probabilities)
      for (const row of layer) row.forEach((p, e) => (mass[e]! += p));
  }
  const total = mass.reduce((sum, value) => sum + value, 0);
  const expertMass = mass.map((value) => value / total);
  const best = expertMass.indexOf(Math.max(...expertMass));
  return { experts: EXPERTS, encoder, decoder, inferredTask: EXPERTS[best]!, expertMass };
}

function sentence(random: () => number, words: number): string {
  return Array.from({ length: words }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
}

export function longMeeting(segmentCount: number, layers = 3): NekoDocument {
  const random = randomSource(42);
  const segments: Segment[] = [];
  for (let index = 0; index < segmentCount; index++) {
    const source = sentence(random, 6 + Math.floor(random() * 14));
    const segment: Segment = {
      id: `s${index + 1}`,
      source,
      text: source,
      start: index * 3,
      end: index * 3 + 2.8,
      speaker: `Speaker ${(index % 3) + 1}`,
    };
    if (index % 3 === 0) {
      const firstWord = source.split(' ')[0]!;
      const corrected = firstWord[0]!.toUpperCase() + source.slice(1) + '.';
      segment.suggestion = {
        text: corrected,
        confidence: 0.5 + random() / 2,
        edits: [
          {
            kind: 'replace',
            sourceSpan: [0, firstWord.length],
            targetSpan: [0, firstWord.length],
            before: firstWord,
            after: corrected.slice(0, firstWord.length),
            confidence: random(),
            decision: 'pending',
          },
        ],
        routing: routingRecord(source, corrected, layers, random),
      };
    }
    segments.push(segment);
  }
  return {
    version: 1,
    kind: 'transcript',
    task: 'asr',
    title: `Generated meeting, ${segmentCount} segments`,
    source: { format: 'srt', name: 'generated.srt' },
    segments,
  };
}
