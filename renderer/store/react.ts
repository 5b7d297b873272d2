import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { StudioState, StudioStore } from './studio.js';

export const StudioStoreContext = createContext<StudioStore | null>(null);

export function useStudioStore(): StudioStore {
  const store = useContext(StudioStoreContext);
  if (!store) throw new Error('useStudio needs a StudioStoreContext provider above it');
  return store;
}

/** Subscribes a component to one piece of the studio state. */
export function useStudio<Selected>(selector: (state: StudioState) => Selected): Selected {
  return useStore(useStudioStore(), selector);
}
