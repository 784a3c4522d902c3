import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { applyStoredTheme } from './shared/theme';
import { warmIndexWorkers } from './workers/indexPool';
import './index.css';

applyStoredTheme();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Worker start-up is paid while the user is still choosing a folder, not during the load.
setTimeout(warmIndexWorkers, 0);
