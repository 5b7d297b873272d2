import type { NekoApi, RecoveryUpdate, SegmentChange, TypingDraft } from '../../src/api/types.js';
import type { NekoDocument } from '../../src/document/types.js';
import { findSegment } from '../store/segment-index.js';
import { selectHasUnsavedChanges } from '../store/selectors.js';
import type { StudioState, StudioStore } from '../store/studio.js';

/**
 * Keeps this window's unsaved work in the core's recovery files (src/api/recovery.ts), which survive
 * a crash or a restart of the app, the browser or the browser-mode server, whatever port it then
 * gets. A change (a decision, a committed edit, a keystroke in a segment's editor) is sent at most
 * RECOVERY_DELAY_MS after it happens, or as soon as the write before it is done; the core writes it
 * atomically, so a kill loses at most about the last second of work. A decision or an edit sends only
 * the segments it changed, a keystroke only the typed text; the whole document travels when it is
 * new or changed throughout. Saving or closing the document removes the
 * recovery.
 */

/** How long after a change it is sent: short enough for ~1 s, long enough to batch a burst of keys. */
export const RECOVERY_DELAY_MS = 250;
/** How often an open session tells the core it is alive, so its work is offered to nobody else. */
export const HEARTBEAT_MS = 3000;

export type RecoveryApi = Pick<
  NekoApi,
  'saveRecovery' | 'discardRecovery' | 'listRecoveries' | 'loadRecovery'
>;

export interface RecoveryWriter {
  /** This window's session id: a fresh one, or the recovered session's after `adopt`. */
  readonly sessionId: string;
  /** Continues a recovered session's files: what this window does next replaces them. */
  adopt(sessionId: string): Promise<void>;
  /** Sends what changed now; resolves once the core has it (tests, and before a risky action). */
  flush(): Promise<void>;
  stop(): void;
}

export function startRecoveryWriter(
  store: StudioStore,
  api: RecoveryApi,
  options: {
    sessionId?: string;
    delayMs?: number;
    heartbeatMs?: number;
    onError?: (message: string) => void;
  } = {},
): RecoveryWriter {
  let sessionId = options.sessionId ?? newSessionId();
  const delayMs = options.delayMs ?? RECOVERY_DELAY_MS;
  /** The document and typing the core holds for this session (undefined: nothing or unknown). */
  let sentDocument: NekoDocument | undefined;
  let sentTyping: TypingDraft | null | undefined;
  let stored = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let failing = false;
  let stopped = false;

  function schedule(): void {
    if (timer !== undefined || stopped) return;
    timer = setTimeout(() => {
      timer = undefined;
      void flush();
    }, delayMs);
  }

  function flush(): Promise<void> {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    if (running) {
      // A change that came in during a write goes out right after it.
      again = true;
      return running;
    }
    running = writeOnce()
      .catch((error: unknown) => {
        // Unknown what the core kept: send everything next time.
        sentDocument = undefined;
        sentTyping = undefined;
        if (!failing) {
          failing = true;
          options.onError?.(`Recovery could not save: ${(error as Error).message}`);
        }
        // Retried at the next change or heartbeat, not in a loop against a core that is gone.
      })
      .finally(() => {
        running = undefined;
        if (again && !stopped) {
          again = false;
          void flush();
        }
      });
    return running;
  }

  async function writeOnce(): Promise<void> {
    const state = store.getState();
    const { document, documentId, format } = state;
    const typing = currentTyping(state);
    if (!document || !documentId || !format || (!selectHasUnsavedChanges(state) && !typing)) {
      // Saved, closed or never changed: nothing to recover.
      if (stored) {
        await api.discardRecovery(sessionId);
        stored = false;
      }
      sentDocument = undefined;
      sentTyping = undefined;
      failing = false;
      return;
    }
    const update: RecoveryUpdate = { sessionId };
    if (document !== sentDocument) {
      const changes = sentDocument && segmentChanges(sentDocument, document);
      if (!changes) update.work = { document, documentId, format };
      else if (changes.length > 0) update.changes = changes;
      // A new document object with the very same content: the core has it already.
      else sentDocument = document;
    }
    if (!sameTyping(typing, sentTyping)) update.typing = typing;
    if (update.work === undefined && update.changes === undefined && update.typing === undefined)
      return;
    await api.saveRecovery(update);
    stored = true;
    failing = false;
    sentDocument = document;
    sentTyping = typing;
  }

  const unsubscribe = store.subscribe((state, previous) => {
    if (
      state.document !== previous.document ||
      state.savedDocument !== previous.savedDocument ||
      state.typing !== previous.typing
    ) {
      schedule();
    }
  });
  const heartbeat = setInterval(() => {
    // A write that failed (the core was unreachable) is retried here too.
    if (failing) void flush();
    else void api.saveRecovery({ sessionId }).catch(() => undefined);
  }, options.heartbeatMs ?? HEARTBEAT_MS);
  void api.saveRecovery({ sessionId }).catch(() => undefined);

  return {
    get sessionId() {
      return sessionId;
    },
    async adopt(recovered) {
      await running;
      const previous = sessionId;
      const hadWork = stored;
      sessionId = recovered;
      stored = true;
      sentDocument = undefined;
      sentTyping = undefined;
      await api.saveRecovery({ sessionId });
      // The work this window had is what the user chose to replace with the recovered one.
      if (hadWork) await api.discardRecovery(previous).catch(() => undefined);
      schedule();
    },
    flush,
    stop() {
      stopped = true;
      unsubscribe();
      clearInterval(heartbeat);
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}

/**
 * The segments that differ from the document last sent, when nothing else does (the store replaces
 * only what changed, so unchanged segments are the same objects); undefined when the whole document
 * is worth sending: another document, segments added or removed, or most of them changed.
 */
export function segmentChanges(
  sent: NekoDocument,
  document: NekoDocument,
): SegmentChange[] | undefined {
  if (sent.segments.length !== document.segments.length) return undefined;
  const keys = Object.keys(document) as (keyof NekoDocument)[];
  if (keys.length !== Object.keys(sent).length) return undefined;
  if (keys.some((key) => key !== 'segments' && document[key] !== sent[key])) return undefined;
  const changes: SegmentChange[] = [];
  for (let index = 0; index < document.segments.length; index++) {
    const segment = document.segments[index]!;
    if (segment === sent.segments[index]) continue;
    if (segment.id !== sent.segments[index]!.id) return undefined;
    changes.push({ index, segment });
    if (changes.length > document.segments.length / 4) return undefined;
  }
  return changes;
}

/**
 * The typing worth keeping: in a segment of the open document whose text is still the one the typing
 * began from (undo or an accepted suggestion replaces the editor's content), and different from it.
 */
function currentTyping(state: StudioState): TypingDraft | null {
  const { typing, document } = state;
  if (!typing || !document) return null;
  const segment = findSegment(document, typing.segmentId);
  return segment && segment.text === typing.baseText && segment.text !== typing.text
    ? typing
    : null;
}

function sameTyping(a: TypingDraft | null, b: TypingDraft | null | undefined): boolean {
  if (b === undefined) return false;
  return (
    a === b ||
    (a !== null &&
      b !== null &&
      a.segmentId === b.segmentId &&
      a.text === b.text &&
      a.baseText === b.baseText)
  );
}

function newSessionId(): string {
  return crypto.randomUUID();
}
