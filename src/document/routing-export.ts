/**
 * Routing records of a whole document, for inspecting routing across a meeting or a book rather
 * than one segment at a time: an overview (expert shares per segment and layer) and exports as JSON
 * and CSV (one row per token and layer, the shape spreadsheets and pandas read directly).
 */
import type { NekoDocument, RoutingRecord, RoutingSide } from './types.js';

export interface SegmentRouting {
  index: number;
  segmentId: string;
  /** The task the input claims (the segment's own, else the document's). */
  sourceTask: string;
  inferredTask: string;
  experts: string[];
  expertMass: number[];
  encoder: RoutingSide;
  decoder: RoutingSide;
  encoderText: string;
  decoderText: string;
}

/** Every segment's routing record, in document order; segments not corrected yet are left out. */
export function routingRecords(document: NekoDocument): SegmentRouting[] {
  return document.segments.flatMap((segment, index) => {
    const routing = segment.suggestion?.routing;
    if (!routing) return [];
    return [
      {
        index,
        segmentId: segment.id,
        sourceTask: segment.task ?? document.task,
        inferredTask: routing.inferredTask,
        experts: routing.experts,
        expertMass: routing.expertMass,
        encoder: routing.encoder,
        decoder: routing.decoder,
        encoderText: routing.encoderText ?? segment.source,
        decoderText: segment.suggestion!.text,
      },
    ];
  });
}

export function routingJson(document: NekoDocument): string {
  return `${JSON.stringify({ title: document.title, segments: routingRecords(document) }, null, 1)}\n`;
}

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One row per segment, side, layer and token: the token, its offsets, the router probability of
 * every expert and the two chosen. The expert columns come from the first record (one model routes
 * a document).
 */
export function routingCsv(document: NekoDocument): string {
  const records = routingRecords(document);
  const experts = records[0]?.experts ?? [];
  const header = [
    'segment_index',
    'segment_id',
    'source_task',
    'inferred_task',
    'side',
    'layer',
    'token_index',
    'piece',
    'start',
    'end',
    ...experts.map((expert) => `p_${expert}`),
    'top1',
    'top2',
  ];
  const rows = [header.map(csvField).join(',')];
  for (const record of records) {
    for (const side of ['encoder', 'decoder'] as const) {
      const routing = record[side];
      routing.probabilities.forEach((layer, layerIndex) => {
        layer.forEach((probabilities, tokenIndex) => {
          const token = routing.tokens[tokenIndex];
          const [top1, top2] = routing.top2[layerIndex]?.[tokenIndex] ?? [];
          rows.push(
            [
              record.index,
              record.segmentId,
              record.sourceTask,
              record.inferredTask,
              side,
              layerIndex,
              tokenIndex,
              token?.piece ?? '',
              token?.start ?? '',
              token?.end ?? '',
              ...experts.map((_, expert) => probabilities[expert] ?? 0),
              top1 === undefined ? '' : (record.experts[top1] ?? top1),
              top2 === undefined ? '' : (record.experts[top2] ?? top2),
            ]
              .map(csvField)
              .join(','),
          );
        });
      });
    }
  }
  return `${rows.join('\n')}\n`;
}

export interface RoutingOverview {
  experts: string[];
  layers: number;
  /** Per segment (document order): shares[layer][expert] over all its tokens, or null if unrouted. */
  columns: (number[][] | null)[];
}

const overviewCache = new WeakMap<readonly unknown[], RoutingOverview | null>();

/** Expert shares per segment and layer, both sides' tokens counted alike; cached per segments array. */
export function routingOverview(document: NekoDocument): RoutingOverview | null {
  if (!overviewCache.has(document.segments)) {
    overviewCache.set(document.segments, computeOverview(document));
  }
  return overviewCache.get(document.segments)!;
}

/** Per routing record: shares[layer][expert]. Edits keep unchanged segments' records, so a change
 * to one segment recomputes one column, not ten thousand. */
const columnCache = new WeakMap<RoutingRecord, number[][]>();

function computeOverview(document: NekoDocument): RoutingOverview | null {
  let experts: string[] | null = null;
  let layers = 0;
  const columns = document.segments.map((segment) => {
    const routing: RoutingRecord | undefined = segment.suggestion?.routing;
    if (!routing) return null;
    experts ??= routing.experts;
    let column = columnCache.get(routing);
    if (!column) {
      column = routingColumn(routing);
      columnCache.set(routing, column);
    }
    layers = Math.max(layers, column.length);
    return column;
  });
  return experts ? { experts, layers, columns } : null;
}

function routingColumn(routing: RoutingRecord): number[][] {
  const sides = [routing.encoder, routing.decoder];
  const layerCount = Math.max(...sides.map((side) => side.probabilities.length));
  return Array.from({ length: layerCount }, (_, layer) => {
    const sums = routing.experts.map(() => 0);
    let tokens = 0;
    for (const side of sides) {
      for (const probabilities of side.probabilities[layer] ?? []) {
        probabilities.forEach((share, expert) => {
          if (expert < sums.length) sums[expert]! += share;
        });
        tokens += 1;
      }
    }
    return sums.map((sum) => (tokens > 0 ? sum / tokens : 0));
  });
}
