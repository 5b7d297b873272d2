import { Fragment, memo, type KeyboardEvent, type ReactNode } from 'react';
import { holdReason } from '../../src/document/bulk-review.js';
import { wordOrigins } from '../../src/document/operations.js';
import type { Segment, SuggestionEdit } from '../../src/document/types.js';
import { useStudio } from '../store/react.js';
import { pendingEditIndices, selectCurrentEdit } from '../store/selectors.js';
import { overlappingEdits, splitWords, suggestionRuns } from './text-pieces.js';

export function segmentEditorId(segmentId: string): string {
  return `segment-editor-${segmentId}`;
}

export function formatTime(seconds: number | undefined): string {
  if (seconds === undefined) return '';
  const minutes = Math.floor(seconds / 60);
  const rest = seconds - minutes * 60;
  return `${minutes}:${rest.toFixed(1).padStart(4, '0')}`;
}

export function formatPercent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

interface SegmentRowProps {
  segment: Segment;
  /** Position in the document, shown as the line number. */
  number: number;
}

/** One segment: the recognizer's text beside the corrected text, with each suggestion decidable. */
export const SegmentRow = memo(function SegmentRow({ segment, number }: SegmentRowProps) {
  const selected = useStudio((state) => state.selectedSegmentId === segment.id);
  const playing = useStudio((state) => state.playingSegmentId === segment.id);
  const hovered = useStudio((state) => state.hoveredSegmentId === segment.id);
  // Only the selected row can hold the highlight; the others skip the lookup.
  const cursorEdit = useStudio((state) =>
    state.selectedSegmentId === segment.id ? (selectCurrentEdit(state)?.editIndex ?? -1) : -1,
  );
  const selectSegment = useStudio((state) => state.selectSegment);
  const hoverSegment = useStudio((state) => state.hoverSegment);
  const playSegment = useStudio((state) => state.playSegment);
  const acceptAllInSegment = useStudio((state) => state.acceptAllInSegment);
  const rejectAllInSegment = useStudio((state) => state.rejectAllInSegment);
  const showAlternatives = useStudio((state) => state.alternativesSegmentId === segment.id);
  const toggleAlternatives = useStudio((state) => state.toggleAlternatives);
  const showResults = useStudio((state) => state.showResults);
  const suggestion = segment.suggestion;
  const hasEdits = (suggestion?.edits.length ?? 0) > 0;
  // The diff already shows the result; the editor appears on demand (selected row, "Show results").
  const showEditor = !hasEdits || selected || showResults;
  const pendingCount = pendingEditIndices(segment).length;
  const alternatives = segment.nbest?.slice(1) ?? [];

  const className = [
    'segment-row',
    selected && 'is-selected',
    playing && 'is-playing',
    hovered && 'is-hovered',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div
      className={className}
      data-testid="segment-row"
      data-segment-id={segment.id}
      data-selected={selected}
      data-playing={playing}
      data-text={segment.text}
      onClick={() => selectSegment(segment.id)}
      onMouseEnter={() => hoverSegment(segment.id)}
      onMouseLeave={() => hoverSegment(null)}
    >
      <div className="segment-meta">
        <span className="segment-number">{number}</span>
        {segment.start !== undefined && (
          <button
            type="button"
            className="segment-time"
            title="Play this segment (P); it stops at the segment’s end"
            data-testid="play-segment"
            onClick={(event) => {
              event.stopPropagation();
              selectSegment(segment.id);
              playSegment(segment.id);
            }}
          >
            ▶ {formatTime(segment.start)}
          </button>
        )}
        {segment.speaker && <span className="segment-speaker">{segment.speaker}</span>}
        <OriginNote segment={segment} />
        {suggestion && (
          <span className="segment-confidence" title="Corrector confidence for the whole segment">
            {formatPercent(suggestion.confidence)}
          </span>
        )}
      </div>
      {/* With suggestions, the diff is the recognizer's text and the correction at once: shown once,
          across both text columns; the plain recognizer text would repeat it. */}
      {!hasEdits && (
        <div className="segment-source" aria-label="Recognizer text">
          <SourceText segment={segment} playing={playing} />
        </div>
      )}
      <div className={hasEdits ? 'segment-corrected segment-diff' : 'segment-corrected'}>
        {suggestion && hasEdits && (
          <div className="suggestion-line" aria-label="Suggested changes to the recognizer text">
            <SuggestionText
              segmentId={segment.id}
              text={suggestion.text}
              edits={suggestion.edits}
              cursorEdit={cursorEdit}
            />
          </div>
        )}
        {showEditor && <SegmentEditor segmentId={segment.id} text={segment.text} />}
        {!showEditor && <FindMarks segmentId={segment.id} text={segment.text} standalone />}
        {alternatives.length > 0 && showAlternatives && (
          <Alternatives segmentId={segment.id} alternatives={alternatives} />
        )}
      </div>
      <div className="segment-actions">
        {pendingCount > 0 && (
          <>
            <button
              type="button"
              onClick={() => acceptAllInSegment(segment.id)}
              title="Accept all suggestions of this segment (Shift+A)"
            >
              Accept {pendingCount}
            </button>
            <button
              type="button"
              onClick={() => rejectAllInSegment(segment.id)}
              title="Reject all suggestions of this segment (Shift+R)"
            >
              Reject {pendingCount}
            </button>
          </>
        )}
        {alternatives.length > 0 && (
          <button
            type="button"
            aria-expanded={showAlternatives}
            onClick={(event) => {
              event.stopPropagation();
              toggleAlternatives(segment.id);
            }}
            title="The recognizer's other hypotheses (N)"
            data-testid="nbest-toggle"
          >
            N-best {alternatives.length}
          </button>
        )}
      </div>
    </div>
  );
});

/** Says who changed the recognizer's words, so that hand edits and accepted corrections stand out. */
function OriginNote({ segment }: { segment: Segment }) {
  if (!segment.origins) return null;
  const origins = wordOrigins(segment);
  const byUser = origins.filter((origin) => origin === 'user').length;
  const byCorrector = origins.filter((origin) => origin === 'corrector').length;
  return (
    <>
      {byCorrector > 0 && (
        <span className="segment-origin origin-corrector">{byCorrector} word(s) corrected</span>
      )}
      {byUser > 0 && <span className="segment-origin origin-user">{byUser} word(s) by hand</span>}
    </>
  );
}

function SourceText({ segment, playing }: { segment: Segment; playing: boolean }) {
  const playingWord = useStudio((state) => (playing ? state.playingWordIndex : -1));
  const playFrom = useStudio((state) => state.playFrom);
  const edits = segment.suggestion?.edits ?? [];
  const pieces = splitWords(segment.source);
  const wordCount = pieces.filter((piece) => piece.wordIndex >= 0).length;
  // Recognizer words line up with the source's words only when the counts agree.
  const timedWords = segment.words?.length === wordCount ? segment.words : undefined;
  const insertionsAt = (offset: number) =>
    edits.flatMap((edit, index) =>
      edit.kind === 'insert' && edit.sourceSpan[0] === offset ? [index] : [],
    );

  return (
    <>
      {pieces.map((piece) => {
        const insertions = piece.wordIndex >= 0 ? insertionsAt(piece.start) : [];
        if (piece.wordIndex < 0) return <span key={piece.start}>{piece.text}</span>;
        const marked = overlappingEdits(edits, 'sourceSpan', piece.start, piece.end);
        const edit = marked.length > 0 ? edits[marked[0]!] : undefined;
        const word = timedWords?.[piece.wordIndex];
        return (
          <span key={piece.start}>
            {insertions.map((index) => (
              <InsertionMark key={`i${index}`} edit={edits[index]!} />
            ))}
            <span
              className={[
                'word',
                edit && `edit-${edit.kind} decision-${edit.decision}`,
                piece.wordIndex === playingWord && 'is-playing-word',
                word?.start !== undefined && 'is-timed',
              ]
                .filter(Boolean)
                .join(' ')}
              title={
                word?.confidence !== undefined
                  ? `Recognizer confidence ${formatPercent(word.confidence)}`
                  : undefined
              }
              onClick={
                word?.start !== undefined
                  ? (event) => {
                      event.stopPropagation();
                      playFrom(word.start!);
                    }
                  : undefined
              }
            >
              {piece.text}
            </span>
          </span>
        );
      })}
      {insertionsAt(segment.source.length).map((index) => (
        <InsertionMark key={`i${index}`} edit={edits[index]!} />
      ))}
    </>
  );
}

function InsertionMark({ edit }: { edit: SuggestionEdit }) {
  return (
    <span className={`insertion-mark decision-${edit.decision}`} title={`Insert “${edit.after}”`}>
      ‸
    </span>
  );
}

interface SuggestionTextProps {
  segmentId: string;
  text: string;
  edits: readonly SuggestionEdit[];
  cursorEdit: number;
}

function SuggestionText({ segmentId, text, edits, cursorEdit }: SuggestionTextProps) {
  const accept = useStudio((state) => state.acceptSuggestion);
  const reject = useStudio((state) => state.rejectSuggestion);
  const moveToSuggestion = useStudio((state) => state.moveToSuggestion);
  const threshold = useStudio((state) => state.settings.confidenceThreshold);

  const runs = suggestionRuns(text, edits);
  return (
    <>
      {runs.map((run, position) => {
        if (run.editIndex < 0) return <span key={position}>{run.text}</span>;
        const edit = edits[run.editIndex]!;
        const editIndex = run.editIndex;
        // An edit shows its words, confidence and buttons: it gets a space on either side where the
        // text has none, or a deletion after another edit read "✗still".
        const previous = runs[position - 1];
        const next = runs[position + 1];
        const spaceBefore =
          previous !== undefined && (previous.editIndex >= 0 || !/\s$/.test(previous.text));
        const spaceAfter = next !== undefined && next.editIndex < 0 && !/^\s/.test(next.text);
        return (
          <Fragment key={position}>
            {spaceBefore && ' '}
            <span
              data-testid="suggestion"
              data-edit-index={editIndex}
              data-decision={edit.decision}
              aria-current={editIndex === cursorEdit ? 'true' : undefined}
              className={[
                'suggestion',
                `edit-${edit.kind}`,
                `decision-${edit.decision}`,
                edit.stale && 'is-stale',
                edit.confidence < threshold && 'is-low-confidence',
                editIndex === cursorEdit && 'is-current',
              ]
                .filter(Boolean)
                .join(' ')}
              title={editTitle(edit)}
              onClick={(event) => {
                event.stopPropagation();
                moveToSuggestion({ segmentId, editIndex });
              }}
            >
              {edit.before && edit.kind !== 'insert' && <del>{edit.before}</del>}
              {run.text && <ins>{run.text}</ins>}
              <span className="suggestion-confidence">{formatPercent(edit.confidence)}</span>
              {edit.stale ? (
                <span
                  className="suggestion-decision"
                  title="You retyped these words; the suggestion no longer applies"
                >
                  superseded
                </span>
              ) : edit.decision === 'pending' ? (
                <>
                  <button
                    type="button"
                    className="suggestion-accept"
                    data-testid="accept-suggestion"
                    aria-label={`Accept “${edit.after || 'deletion'}”`}
                    onClick={(event) => {
                      event.stopPropagation();
                      accept(segmentId, editIndex);
                    }}
                  >
                    ✓
                  </button>
                  <button
                    type="button"
                    className="suggestion-reject"
                    data-testid="reject-suggestion"
                    aria-label={`Reject “${edit.after || 'deletion'}”`}
                    onClick={(event) => {
                      event.stopPropagation();
                      reject(segmentId, editIndex);
                    }}
                  >
                    ✗
                  </button>
                </>
              ) : (
                <span className="suggestion-decision">{edit.decision}</span>
              )}
            </span>
            {spaceAfter && ' '}
          </Fragment>
        );
      })}
    </>
  );
}

/**
 * The current text, edited in place. The change enters the document (one undo step) on blur or
 * Enter; while it is typed, the store's `typing` holds it so that recovery saves it within a second.
 * Escape abandons it. Undo or an accepted suggestion replaces the text, which remounts the editor
 * through its key.
 */
function SegmentEditor({ segmentId, text }: { segmentId: string; text: string }) {
  const editSegment = useStudio((state) => state.editSegment);
  const typeInSegment = useStudio((state) => state.typeInSegment);
  const abandonTyping = useStudio((state) => state.abandonTyping);

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      event.currentTarget.blur();
    } else if (event.key === 'Escape') {
      event.currentTarget.value = text;
      abandonTyping(segmentId);
      event.currentTarget.blur();
    }
  }

  return (
    <div className="segment-editor-stack">
      <FindMarks segmentId={segmentId} text={text} />
      <textarea
        key={text}
        id={segmentEditorId(segmentId)}
        className="segment-text-editor"
        data-testid="segment-text-editor"
        aria-label="Current text"
        defaultValue={text}
        rows={1}
        spellCheck
        onBlur={(event) => editSegment(segmentId, event.currentTarget.value)}
        onChange={(event) => typeInSegment(segmentId, event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}

/**
 * Find's matches in this row's text, marked where they are. Drawn behind the transparent editor in
 * the same font and wrapping, so the marks sit under the very characters (a textarea cannot hold
 * marks itself); standalone, for a row whose editor is hidden, it is the text with its marks.
 */
function FindMarks({
  segmentId,
  text,
  standalone = false,
}: {
  segmentId: string;
  text: string;
  standalone?: boolean;
}) {
  // A string key keeps the selector's result comparable, so rows without matches never re-render.
  const key = useStudio((state) => {
    if (state.findMatches.length === 0) return '';
    const current = state.findMatches[state.currentFindMatch];
    return state.findMatches
      .filter((match) => match.segmentId === segmentId)
      .map((match) => `${match.start}:${match.end}:${match === current ? 1 : 0}`)
      .join(',');
  });
  if (!key) return null;
  const pieces: ReactNode[] = [];
  let at = 0;
  for (const part of key.split(',')) {
    const [start, end, current] = part.split(':').map(Number) as [number, number, number];
    if (start < at || end > text.length) continue;
    pieces.push(text.slice(at, start));
    pieces.push(
      <mark
        key={start}
        data-testid="find-match"
        data-current={current === 1}
        className={current === 1 ? 'find-match is-current' : 'find-match'}
      >
        {text.slice(start, end)}
      </mark>,
    );
    at = end;
  }
  pieces.push(text.slice(at));
  return (
    <div
      className={standalone ? 'find-marks is-standalone' : 'find-marks'}
      aria-hidden={!standalone}
    >
      {pieces}
      {/* A textarea keeps room for a last empty line; so does this. */}
      {'\u200b'}
    </div>
  );
}

function Alternatives({ segmentId, alternatives }: { segmentId: string; alternatives: string[] }) {
  const editSegment = useStudio((state) => state.editSegment);
  return (
    <ol className="alternatives" start={2} aria-label="Other recognizer hypotheses">
      {alternatives.map((alternative, index) => (
        <li key={index}>
          <button
            type="button"
            onClick={(event) => {
              event.stopPropagation();
              editSegment(segmentId, alternative);
            }}
            title="Use this hypothesis as the text"
          >
            {alternative}
          </button>
        </li>
      ))}
    </ol>
  );
}

const PASS_NAMES = {
  'ocr-lexicon': 'the OCR lexicon pass',
  'ocr-marks': 'the rule for specks read as marks',
  'grammar-checker': 'the grammar checker',
};

/** The tooltip of an edit: what it changes, how sure the corrector is, who proposed it, whom it overrules. */
function editTitle(edit: SuggestionEdit): string {
  const by = edit.pass ? `, by ${PASS_NAMES[edit.pass]}` : '';
  const overrules =
    edit.recognizerConfidence === undefined
      ? ''
      : `; the recognizer was ${formatPercent(edit.recognizerConfidence)} sure of the words it changes`;
  const held = holdReason(edit);
  const review = held ? `; left out of “Accept all”: it ${held}` : '';
  return `${edit.kind}: “${edit.before}” → “${edit.after}”, confidence ${formatPercent(edit.confidence)}${by}${overrules}${review}`;
}
