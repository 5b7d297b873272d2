import { useEffect, useRef } from 'react';
import { shortcutFor, type ShortcutAction } from '../components/shortcuts.js';

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Routes key presses anywhere in the window to the handlers of their shortcut actions. Keys that a
 * focused control uses itself (Enter and Space on a button, typing in a field) are left to it.
 */
export function useKeyboardShortcuts(handlers: Partial<Record<ShortcutAction, () => void>>): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing) return;
      const onButton =
        event.target instanceof HTMLButtonElement || event.target instanceof HTMLAnchorElement;
      if (onButton && (event.key === 'Enter' || event.key === ' ')) return;
      const action = shortcutFor(event, isTextField(event.target));
      const handler = action && latest.current[action];
      if (!handler) return;
      event.preventDefault();
      handler();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
