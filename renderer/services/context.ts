import { createContext, useContext } from 'react';
import type { NekoApi } from '../../src/api/types.js';
import type { StudioController } from './controller.js';

export interface StudioServices {
  api: NekoApi;
  controller: StudioController;
}

export const StudioServicesContext = createContext<StudioServices | null>(null);

export function useServices(): StudioServices {
  const services = useContext(StudioServicesContext);
  if (!services) throw new Error('useServices needs a StudioServicesContext provider above it');
  return services;
}
