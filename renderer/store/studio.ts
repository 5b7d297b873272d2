import { createStore, type StateCreator } from 'zustand/vanilla';
import { createCorrectionSlice, type CorrectionSlice } from './correction-slice.js';
import { createDocumentSlice, type DocumentSlice } from './document-slice.js';
import { createHistorySlice, type HistorySlice } from './history-slice.js';
import { createMediaSlice, type MediaSlice } from './media-slice.js';
import { createReviewSlice, type ReviewSlice } from './review-slice.js';
import { createSettingsSlice, type KeyValueStorage, type SettingsSlice } from './settings-slice.js';

export type StudioState = DocumentSlice &
  HistorySlice &
  ReviewSlice &
  MediaSlice &
  SettingsSlice &
  CorrectionSlice;

export type SliceCreator<Slice> = StateCreator<StudioState, [], [], Slice>;

export interface StudioStoreOptions {
  /** Where settings are remembered (localStorage in the app); without it they last the session. */
  settingsStorage?: KeyValueStorage;
}

/** One store built from small slices; React binds to it in renderer/store/react.ts. */
export function createStudioStore(options: StudioStoreOptions = {}) {
  return createStore<StudioState>()((...args) => ({
    ...createDocumentSlice(...args),
    ...createHistorySlice(...args),
    ...createReviewSlice(...args),
    ...createMediaSlice(...args),
    ...createSettingsSlice(options.settingsStorage)(...args),
    ...createCorrectionSlice(...args),
  }));
}

export type StudioStore = ReturnType<typeof createStudioStore>;
