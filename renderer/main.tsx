import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api.js';
import { App } from './App.js';
import { createStudioController } from './services/controller.js';
import { StudioServicesContext } from './services/context.js';
import { StudioStoreContext } from './store/react.js';
import { createStudioStore } from './store/studio.js';
import './styles/app.css';

const store = createStudioStore({ settingsStorage: window.localStorage });
const services = {
  api,
  controller: createStudioController(api, store),
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StudioStoreContext value={store}>
      <StudioServicesContext value={services}>
        <App />
      </StudioServicesContext>
    </StudioStoreContext>
  </StrictMode>,
);
