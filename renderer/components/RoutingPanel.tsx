import type { NekoDocument, RoutingRecord, Segment } from '../../src/document/types.js';
import { useStudio } from '../store/react.js';
import { findSegment } from '../store/segment-index.js';
import { expertUsage, filterSegments, routingDisagrees, sourceTask } from '../store/selectors.js';
import { expertColour, expertLabel } from './expert-colours.js';
import { RoutingHeatmap } from './RoutingHeatmap.js';
import { RoutingOverview } from './RoutingOverview.js';
import { routingCsv, routingJson } from '../../src/document/routing-export.js';
import { downloadExport } from '../services/downloads.js';

/** The routing of the selected segment: heatmap, its text token by token, and its routing mass. */
export function RoutingPanel({ document }: { document: NekoDocument }) {
  const selectedSegmentId = useStudio((state) => state.selectedSegmentId);
  const side = useStudio((state) => state.routingSide);
  const setSide = useStudio((state) => state.setRoutingSide);
  const focusedToken = useStudio((state) =>
    state.focusedToken?.side === side ? state.focusedToken.tokenIndex : null,
  );
  const focusToken = useStudio((state) => state.focusToken);
  const segment = selectedSegmentId ? findSegment(document, selectedSegmentId) : undefined;
  const routing = segment?.suggestion?.routing;

  return (
    <section className="routing-panel" aria-label="Expert routing">
      <h2>Expert routing</h2>
      <DocumentRoutingSummary document={document} />
      {!segment || !routing ? (
        <p className="routing-empty">
          {segment
            ? 'This segment has no routing record yet: run the corrector.'
            : 'Select a segment.'}
        </p>
      ) : (
        <>
          <RoutingMass document={document} segment={segment} routing={routing} />
          <div
            className="routing-side-toggle"
            role="radiogroup"
            aria-label="Which side of the model"
          >
            {(['encoder', 'decoder'] as const).map((name) => (
              <label key={name}>
                <input
                  type="radio"
                  name="routing-side"
                  data-testid="routing-side"
                  value={name}
                  checked={side === name}
                  onChange={() => setSide(name)}
                />{' '}
                {name === 'encoder' ? 'Encoder (source tokens)' : 'Decoder (output tokens)'}
              </label>
            ))}
          </div>
          <TokenText
            text={
              side === 'encoder'
                ? (routing.encoderText ?? segment.source)
                : (segment.suggestion?.text ?? '')
            }
            tokens={routing[side].tokens}
            focusedToken={focusedToken}
            onFocusToken={(tokenIndex) =>
              focusToken(tokenIndex === null ? null : { side, tokenIndex })
            }
          />
          {side === 'decoder' && routing.decoder.tokens.length === 0 && (
            <p className="routing-empty" data-testid="routing-side-empty">
              No decoder routing: the model did not write this segment&rsquo;s text. Scan lines are
              corrected by the lexical pass alone, and a piece the model could not finish keeps its
              source.
            </p>
          )}
          <RoutingHeatmap
            side={routing[side]}
            experts={routing.experts}
            focusedToken={focusedToken}
            onFocusToken={(tokenIndex) =>
              focusToken(tokenIndex === null ? null : { side, tokenIndex })
            }
          />
          <ExpertLegend experts={routing.experts} />
        </>
      )}
    </section>
  );
}

/** The text cut at token boundaries; hovering a token highlights its heatmap column, and back. */
function TokenText({
  text,
  tokens,
  focusedToken,
  onFocusToken,
}: {
  text: string;
  tokens: RoutingRecord['encoder']['tokens'];
  focusedToken: number | null;
  onFocusToken(token: number | null): void;
}) {
  const pieces: React.ReactNode[] = [];
  let position = 0;
  tokens.forEach((token, index) => {
    if (token.start > position)
      pieces.push(<span key={`gap${index}`}>{text.slice(position, token.start)}</span>);
    const start = Math.max(position, token.start);
    pieces.push(
      <span
        key={index}
        className={index === focusedToken ? 'token is-focused' : 'token'}
        data-testid="routing-token"
        data-focused={index === focusedToken}
        onMouseEnter={() => onFocusToken(index)}
        onMouseLeave={() => onFocusToken(null)}
      >
        {text.slice(start, token.end) || '∅'}
      </span>,
    );
    position = Math.max(position, token.end);
  });
  if (position < text.length) pieces.push(<span key="rest">{text.slice(position)}</span>);
  return <p className="token-text">{pieces}</p>;
}

function RoutingMass({
  document,
  segment,
  routing,
}: {
  document: NekoDocument;
  segment: Segment;
  routing: RoutingRecord;
}) {
  const disagrees = routingDisagrees(document, segment);
  const source = sourceTask(document, segment);
  return (
    <div className="routing-mass">
      <MassBar experts={routing.experts} mass={routing.expertMass} />
      <p data-testid="routing-inferred">
        Most routing went to the <strong>{taskName(routing.inferredTask)}</strong> expert; the file
        says {taskName(source)}.
        {disagrees && (
          <span className="routing-note">
            {' '}
            That is not an error to fix: the router judges by the words alone (clean speech often
            reads like typed text to it), and the corrector follows the file’s source type, not the
            router, in what it proposes.
          </span>
        )}
      </p>
    </div>
  );
}

const TASK_NAMES: Record<string, string> = {
  asr: 'speech (ASR)',
  ocr: 'scan (OCR)',
  text: 'typed text',
};

function taskName(task: string): string {
  return TASK_NAMES[task] ?? task;
}

function MassBar({ experts, mass }: { experts: readonly string[]; mass: readonly number[] }) {
  return (
    <div className="mass-bar" role="img" aria-label="Routing mass per expert">
      {mass.map((share, expert) => (
        <span
          key={expert}
          style={{ width: `${share * 100}%`, background: expertColour(experts, expert) }}
          title={`${expertLabel(experts, expert)}: ${(share * 100).toFixed(1)}%`}
        />
      ))}
    </div>
  );
}

function ExpertLegend({ experts }: { experts: readonly string[] }) {
  return (
    <ul className="expert-legend" aria-label="Experts">
      {experts.map((_, expert) => (
        <li key={expert}>
          <span className="swatch" style={{ background: expertColour(experts, expert) }} />
          {expertLabel(experts, expert)}
        </li>
      ))}
      <li className="legend-note">lighter = less sure router</li>
    </ul>
  );
}

/** Expert use over the whole document, and the entry to the "routing disagrees" review filter. */
function DocumentRoutingSummary({ document }: { document: NekoDocument }) {
  const filter = useStudio((state) => state.listFilter);
  const setFilter = useStudio((state) => state.setListFilter);
  const usage = expertUsage(document);
  if (!usage) return null;
  const disagreeing = filterSegments(document, 'routing-disagrees').length;
  return (
    <div className="routing-summary" data-testid="routing-summary">
      <MassBar experts={usage.experts} mass={usage.mass} />
      <p>
        {usage.routedSegments} segments routed; most routing by segment:{' '}
        {[...usage.inferredTasks].map(([task, count]) => `${count} ${taskName(task)}`).join(', ')}.
      </p>
      <RoutingOverview document={document} />
      <p className="routing-export">
        Export routing records:{' '}
        <button
          type="button"
          data-testid="export-routing-json"
          onClick={() => downloadRouting(document, 'json')}
        >
          JSON
        </button>{' '}
        <button
          type="button"
          data-testid="export-routing-csv"
          onClick={() => downloadRouting(document, 'csv')}
        >
          CSV
        </button>
      </p>
      {disagreeing > 0 && (
        <button
          type="button"
          aria-pressed={filter === 'routing-disagrees'}
          onClick={() => setFilter(filter === 'routing-disagrees' ? 'all' : 'routing-disagrees')}
        >
          {filter === 'routing-disagrees'
            ? 'Show all segments'
            : `Show the ${disagreeing} where routing differs from the source type`}
        </button>
      )}
    </div>
  );
}

/** The routing records as a file: a download (a save dialog in the app). */
function downloadRouting(document: NekoDocument, kind: 'json' | 'csv'): void {
  const base = (document.source.name || document.title).replace(/\.[^.]*$/, '');
  downloadExport(
    kind === 'json'
      ? {
          fileName: `${base}.routing.json`,
          content: routingJson(document),
          mimeType: 'application/json; charset=utf-8',
        }
      : {
          fileName: `${base}.routing.csv`,
          content: routingCsv(document),
          mimeType: 'text/csv; charset=utf-8',
        },
  );
}
