import { useEffect, useMemo, useState } from 'react';
import { findInDocument } from '../../src/document/find.js';
import type { NekoDocument } from '../../src/document/types.js';
import { useStudio } from '../store/react.js';

/** Find and replace across the current texts of the whole document. */
export function FindReplace({ document, onClose }: { document: NekoDocument; onClose(): void }) {
  const selectSegment = useStudio((state) => state.selectSegment);
  const replaceAll = useStudio((state) => state.replaceAll);
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [wholeWord, setWholeWord] = useState(false);
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [current, setCurrent] = useState(0);
  const [report, setReport] = useState('');
  const options = useMemo(() => ({ wholeWord, caseSensitive }), [wholeWord, caseSensitive]);
  const matches = useMemo(
    () => findInDocument(document, query, options),
    [document, query, options],
  );

  const showFindMatches = useStudio((state) => state.showFindMatches);
  // The rows mark every match and the current one in their text; closing find clears the marks.
  useEffect(() => {
    showFindMatches(matches, matches.length > 0 ? Math.min(current, matches.length - 1) : -1);
  }, [matches, current, showFindMatches]);
  useEffect(() => () => showFindMatches([], -1), [showFindMatches]);

  function go(step: 1 | -1) {
    if (matches.length === 0) return;
    const next = (current + step + matches.length) % matches.length;
    setCurrent(next);
    selectSegment(matches[next]!.segmentId);
  }

  return (
    <form
      className="find-replace"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        go(1);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <input
        autoFocus
        aria-label="Find"
        placeholder="Find"
        value={query}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          setCurrent(0);
          setReport('');
        }}
      />
      <span className="find-count">
        {query ? `${matches.length ? current + 1 : 0} / ${matches.length}` : ''}
      </span>
      <button
        type="button"
        onClick={() => go(-1)}
        disabled={matches.length === 0}
        aria-label="Previous match"
      >
        ↑
      </button>
      <button type="submit" disabled={matches.length === 0} aria-label="Next match">
        ↓
      </button>
      <input
        aria-label="Replace with"
        placeholder="Replace with"
        value={replacement}
        onChange={(event) => setReplacement(event.currentTarget.value)}
      />
      <button
        type="button"
        disabled={matches.length === 0}
        onClick={() => {
          const count = replaceAll(query, replacement, options);
          setReport(`Replaced ${count}.`);
        }}
      >
        Replace all
      </button>
      <label>
        <input
          type="checkbox"
          checked={wholeWord}
          onChange={(event) => setWholeWord(event.currentTarget.checked)}
        />{' '}
        Whole words
      </label>
      <label>
        <input
          type="checkbox"
          checked={caseSensitive}
          onChange={(event) => setCaseSensitive(event.currentTarget.checked)}
        />{' '}
        Match case
      </label>
      <span role="status">{report}</span>
      <button type="button" onClick={onClose} aria-label="Close find and replace">
        ×
      </button>
    </form>
  );
}
