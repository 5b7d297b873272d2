export type ShortcutAction =
  | 'next-suggestion'
  | 'previous-suggestion'
  | 'accept'
  | 'reject'
  | 'accept-segment'
  | 'reject-segment'
  | 'next-segment'
  | 'previous-segment'
  | 'edit'
  | 'alternatives'
  | 'play-segment'
  | 'play-pause'
  | 'start-earlier'
  | 'start-later'
  | 'end-earlier'
  | 'end-later'
  | 'undo'
  | 'redo'
  | 'find'
  | 'save'
  | 'open'
  | 'shortcuts';

interface KeyBinding {
  key: string;
  /** Ctrl on Linux and Windows, Cmd on macOS. */
  mod?: boolean;
  shift?: boolean;
}

export interface Shortcut {
  action: ShortcutAction;
  description: string;
  bindings: KeyBinding[];
  /** Also active while typing in a text field; the others leave typing alone. */
  whileTyping?: boolean;
}

/** The one list that both handles keys and fills the shortcut sheet, so the two cannot disagree. */
export const SHORTCUTS: Shortcut[] = [
  {
    action: 'next-suggestion',
    description: 'Next pending suggestion (selects its segment)',
    bindings: [{ key: 'j' }],
  },
  {
    action: 'previous-suggestion',
    description: 'Previous pending suggestion (selects its segment)',
    bindings: [{ key: 'k' }],
  },
  {
    action: 'accept',
    description: 'Accept the highlighted suggestion (the highlight stays; J moves on)',
    bindings: [{ key: 'a' }, { key: 'Enter' }],
  },
  {
    action: 'reject',
    description: 'Reject the highlighted suggestion (the highlight stays; J moves on)',
    bindings: [{ key: 'r' }, { key: 'Backspace' }],
  },
  {
    action: 'accept-segment',
    description: 'Accept all in the selected segment',
    bindings: [{ key: 'a', shift: true }],
  },
  {
    action: 'reject-segment',
    description: 'Reject all in the selected segment',
    bindings: [{ key: 'r', shift: true }],
  },
  {
    action: 'next-segment',
    description: 'Next segment shown; highlights its first pending suggestion',
    bindings: [{ key: 'ArrowDown' }],
  },
  {
    action: 'previous-segment',
    description: 'Previous segment shown; highlights its first pending suggestion',
    bindings: [{ key: 'ArrowUp' }],
  },
  {
    action: 'edit',
    description: 'Edit the segment’s text (Enter or Esc to leave)',
    bindings: [{ key: 'e' }, { key: 'F2' }],
  },
  { action: 'alternatives', description: 'Show the N-best alternatives', bindings: [{ key: 'n' }] },
  {
    action: 'play-segment',
    description: 'Play the selected segment (stops at its end)',
    bindings: [{ key: 'p' }],
  },
  { action: 'play-pause', description: 'Play or pause the audio', bindings: [{ key: ' ' }] },
  {
    action: 'start-earlier',
    description: 'Move the selected segment’s start 0.1 s earlier',
    bindings: [{ key: '[' }],
  },
  {
    action: 'start-later',
    description: 'Move the selected segment’s start 0.1 s later',
    bindings: [{ key: ']' }],
  },
  {
    action: 'end-earlier',
    description: 'Move the selected segment’s end 0.1 s earlier',
    bindings: [{ key: ';' }],
  },
  {
    action: 'end-later',
    description: 'Move the selected segment’s end 0.1 s later',
    bindings: [{ key: "'" }],
  },
  { action: 'undo', description: 'Undo', bindings: [{ key: 'z', mod: true }] },
  {
    action: 'redo',
    description: 'Redo',
    bindings: [
      { key: 'z', mod: true, shift: true },
      { key: 'y', mod: true },
    ],
  },
  {
    action: 'find',
    description: 'Find and replace',
    bindings: [
      { key: 'f', mod: true },
      { key: 'h', mod: true },
    ],
    whileTyping: true,
  },
  {
    action: 'save',
    description: 'Save the project',
    bindings: [{ key: 's', mod: true }],
    whileTyping: true,
  },
  {
    action: 'open',
    description: 'Open a file',
    bindings: [{ key: 'o', mod: true }],
    whileTyping: true,
  },
  { action: 'shortcuts', description: 'Show this sheet', bindings: [{ key: '?' }] },
];

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

function matches(event: KeyPress, binding: KeyBinding): boolean {
  if (event.altKey) return false;
  if ((event.ctrlKey || event.metaKey) !== Boolean(binding.mod)) return false;
  // "?" is Shift+/ on most layouts: its key value already says it, so Shift is not checked for it.
  if (binding.key === '?') return event.key === '?';
  if (event.shiftKey !== Boolean(binding.shift)) return false;
  return binding.key.length === 1
    ? event.key.toLowerCase() === binding.key
    : event.key === binding.key;
}

/** The action bound to a key press, or undefined; `typing` is true when focus is in a text field. */
export function shortcutFor(event: KeyPress, typing: boolean): ShortcutAction | undefined {
  return SHORTCUTS.find(
    (shortcut) =>
      (!typing || shortcut.whileTyping) &&
      shortcut.bindings.some((binding) => matches(event, binding)),
  )?.action;
}

export function describeBinding(binding: KeyBinding): string {
  const names: Record<string, string> = { ' ': 'Space', ArrowDown: '↓', ArrowUp: '↑' };
  const key =
    names[binding.key] ?? (binding.key.length === 1 ? binding.key.toUpperCase() : binding.key);
  return [binding.mod && 'Ctrl', binding.shift && 'Shift', key].filter(Boolean).join('+');
}
