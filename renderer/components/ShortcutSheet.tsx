import { useEffect } from 'react';
import { describeBinding, SHORTCUTS } from './shortcuts.js';

export function ShortcutSheet({ onClose }: { onClose(): void }) {
  useEffect(() => {
    const closeOnEscape = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('keydown', closeOnEscape);
    return () => window.removeEventListener('keydown', closeOnEscape);
  }, [onClose]);

  return (
    <div className="overlay" onClick={onClose}>
      <div
        className="shortcut-sheet"
        role="dialog"
        aria-modal="true"
        aria-label="Keyboard shortcuts"
        data-testid="shortcut-sheet"
        onClick={(event) => event.stopPropagation()}
      >
        <h2>Keyboard shortcuts</h2>
        <p className="shortcut-note" data-testid="shortcut-note">
          One cursor: the selected segment, and in it the highlighted suggestion. A and R act on the
          highlighted suggestion; J and K move to the next or previous pending suggestion anywhere;
          ↑ and ↓ move between segments.
        </p>
        <table>
          <tbody>
            {SHORTCUTS.map((shortcut) => (
              <tr key={shortcut.action} data-testid="shortcut" data-action={shortcut.action}>
                <td>
                  {shortcut.bindings.map((binding, index) => (
                    <kbd key={index}>{describeBinding(binding)}</kbd>
                  ))}
                </td>
                <td>{shortcut.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" autoFocus onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
