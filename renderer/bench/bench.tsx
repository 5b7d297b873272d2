import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { drawHeatmap, heatmapLayout } from '../components/heatmap-drawing.js';
import { RoutingPanel } from '../components/RoutingPanel.js';
import { SegmentList } from '../components/SegmentList.js';
import { StudioStoreContext, useStudio } from '../store/react.js';
import { createStudioStore } from '../store/studio.js';
import '../styles/app.css';
import { EXPERTS, longMeeting, randomSource, routingSide } from './generate.js';

/**
 * Measures, in a real browser, what the brief asks to report: how the review list behaves with 10,000
 * segments and how long a 200-token routing heatmap takes to draw. Run by renderer/bench/run.ts.
 */

const SEGMENTS = 10_000;
const HEATMAP_TOKENS = 200;
const HEATMAP_LAYERS = 6;

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

function summarize(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (quantile: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))]!;
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    count: values.length,
    mean: round(values.reduce((sum, value) => sum + value, 0) / values.length),
    median: round(at(0.5)),
    p95: round(at(0.95)),
    max: round(sorted.at(-1)!),
  };
}

function ListBench() {
  const document = useStudio((state) => state.document);
  return document ? (
    <div style={{ display: 'grid', gridTemplateColumns: '1fr 420px', height: '100vh' }}>
      <div style={{ display: 'flex', flexDirection: 'column', minHeight: 0 }}>
        <SegmentList document={document} />
      </div>
      <div style={{ overflow: 'auto' }}>
        <RoutingPanel document={document} />
      </div>
    </div>
  ) : null;
}

async function benchList() {
  const store = createStudioStore();
  const document = longMeeting(SEGMENTS);
  const root = createRoot(window.document.getElementById('root')!);
  const mountStarted = performance.now();
  flushSync(() => {
    store.getState().openDocument({ documentId: 'bench', format: 'srt', document });
    root.render(
      <StudioStoreContext value={store}>
        <ListBench />
      </StudioStoreContext>,
    );
  });
  await nextFrame();
  const openMs = performance.now() - mountStarted;
  const list = window.document.querySelector<HTMLElement>('.segment-list')!;

  // Smooth scrolling: 400 px per frame through the list; record the time between frames.
  const frameGaps: number[] = [];
  let previous = await nextFrame();
  for (let step = 0; step < 300; step++) {
    list.scrollTop += 400;
    const now = await nextFrame();
    frameGaps.push(now - previous);
    previous = now;
  }
  const rowsInDom = window.document.querySelectorAll('[data-testid="segment-row"]').length;

  // Jumps to random places (scroll bar drags, search results): time until the next frame is painted.
  const random = randomSource(7);
  const jumps: number[] = [];
  for (let jump = 0; jump < 40; jump++) {
    await nextFrame();
    const started = performance.now();
    list.scrollTop = random() * list.scrollHeight;
    await nextFrame();
    jumps.push(performance.now() - started);
  }

  // An edit and an undo in a 10,000-segment document: action, React commit and the next frame.
  const edits: number[] = [];
  for (let edit = 0; edit < 30; edit++) {
    const visible = window.document.querySelector<HTMLElement>('[data-testid="segment-row"]')!;
    const segmentId = visible.dataset.segmentId!;
    await nextFrame();
    const started = performance.now();
    store.getState().editSegment(segmentId, `edited ${edit}`);
    await nextFrame();
    edits.push(performance.now() - started);
    store.getState().undo();
  }

  // One undo step accepting every pending suggestion above 0.5 (about 1,700 edits).
  await nextFrame();
  const acceptStarted = performance.now();
  const accepted = store.getState().acceptAllAbove(0.5);
  await nextFrame();
  const acceptAllMs = performance.now() - acceptStarted;

  // Left on screen for run.ts's screenshot: the first segment selected, with its routing shown.
  store.getState().undo();
  list.scrollTop = 0;
  store.getState().selectSegment('s1');
  store.getState().focusToken({ side: 'encoder', tokenIndex: 2 });
  return {
    segments: SEGMENTS,
    openMs: Math.round(openMs),
    rowsInDom,
    scrollFrameGapMs: summarize(frameGaps),
    framesOver50ms: frameGaps.filter((gap) => gap > 50).length,
    jumpToFrameMs: summarize(jumps),
    editToFrameMs: summarize(edits),
    acceptAllAbove: { accepted, toFrameMs: Math.round(acceptAllMs) },
  };
}

async function benchHeatmap() {
  const random = randomSource(11);
  const text = Array.from({ length: HEATMAP_TOKENS }, (_, index) => `tok${index}`).join(' ');
  const side = routingSide(text, HEATMAP_LAYERS, random);
  const layout = heatmapLayout(side);
  const canvas = window.document.createElement('canvas');
  window.document.body.append(canvas);
  const scale = 2; // as on a high-density screen: four times the pixels of scale 1
  canvas.width = layout.width * scale;
  canvas.height = layout.height * scale;
  const context = canvas.getContext('2d')!;
  context.setTransform(scale, 0, 0, scale, 0, 0);
  const draws: number[] = [];
  for (let run = 0; run < 60; run++) {
    const started = performance.now();
    drawHeatmap(context, layout, side, EXPERTS, run % HEATMAP_TOKENS);
    // Reading a pixel back forces the canvas to finish drawing inside the timed span.
    context.getImageData(0, 0, 1, 1);
    draws.push(performance.now() - started);
  }
  canvas.remove();
  return {
    tokens: HEATMAP_TOKENS,
    layers: HEATMAP_LAYERS,
    experts: EXPERTS.length,
    cells: HEATMAP_TOKENS * HEATMAP_LAYERS,
    canvasPixels: `${canvas.width}×${canvas.height}`,
    firstDrawMs: Math.round(draws[0]! * 100) / 100,
    drawMs: summarize(draws.slice(1)),
  };
}

async function main() {
  const results: Record<string, unknown> = { userAgent: navigator.userAgent };
  try {
    results.heatmap = await benchHeatmap();
    results.list = await benchList();
  } catch (error) {
    results.error = error instanceof Error ? `${error.message}\n${error.stack}` : String(error);
  }
  const output = window.document.getElementById('results')!;
  output.textContent = JSON.stringify(results, null, 2);
  output.dataset.done = 'true';
}

void main();
