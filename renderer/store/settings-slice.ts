import type { CorrectRequest } from '../../src/corrector/contract.js';
import type { SliceCreator } from './studio.js';

export type DeviceChoice = NonNullable<CorrectRequest['device']>;
export type DecodingChoice = NonNullable<CorrectRequest['decoding']>;

export interface Settings {
  device: DeviceChoice;
  decoding: DecodingChoice;
  /** Suggestions at or above this confidence are the ones "accept all above" takes. */
  confidenceThreshold: number;
}

export const DEFAULT_SETTINGS: Settings = {
  device: 'auto',
  decoding: 'aggressive',
  // On the dev set, edits of at least 0.6 kept do-no-harm under 1% on every task (MODEL_CARD.md).
  confidenceThreshold: 0.6,
};

/** The part of the Web Storage interface settings need; localStorage in the app. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const SETTINGS_KEY = 'neko-studio.settings';

export interface SettingsSlice {
  settings: Settings;
  updateSettings(change: Partial<Settings>): void;
}

const DEVICES: readonly DeviceChoice[] = ['auto', 'cpu', 'cuda', 'webgpu'];
const DECODINGS: readonly DecodingChoice[] = ['aggressive', 'greedy'];

/** Reads remembered settings, keeping defaults for anything missing or invalid (an older version's). */
export function loadSettings(storage: KeyValueStorage | undefined): Settings {
  let stored: unknown;
  try {
    stored = JSON.parse(storage?.getItem(SETTINGS_KEY) ?? 'null');
  } catch {
    return DEFAULT_SETTINGS;
  }
  if (typeof stored !== 'object' || stored === null) return DEFAULT_SETTINGS;
  const { device, decoding, confidenceThreshold } = stored as Record<string, unknown>;
  return {
    device: DEVICES.find((choice) => choice === device) ?? DEFAULT_SETTINGS.device,
    decoding: DECODINGS.find((choice) => choice === decoding) ?? DEFAULT_SETTINGS.decoding,
    confidenceThreshold:
      typeof confidenceThreshold === 'number' &&
      confidenceThreshold >= 0 &&
      confidenceThreshold <= 1
        ? confidenceThreshold
        : DEFAULT_SETTINGS.confidenceThreshold,
  };
}

export function createSettingsSlice(
  storage: KeyValueStorage | undefined,
): SliceCreator<SettingsSlice> {
  return (set, get) => ({
    settings: loadSettings(storage),
    updateSettings(change) {
      const settings = { ...get().settings, ...change };
      set({ settings });
      try {
        storage?.setItem(SETTINGS_KEY, JSON.stringify(settings));
      } catch {
        // A full or disabled storage only costs remembering the settings; the session keeps them.
      }
    },
  });
}
