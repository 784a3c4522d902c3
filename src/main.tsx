import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { openServedFolder } from './features/served-folder';
import { applyStoredTheme } from './shared/theme';
import { warmIndexWorkers } from './workers/indexPool';
import './index.css';

applyStoredTheme();
// Served by `recording-inspector DIR`: the folder's index is requested before React starts.
const served = openServedFolder();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Worker start-up is paid while the user is still choosing a folder, not during the load.
// (A served folder is indexed by the command line: no worker is needed until another folder is opened.)
if (!served) setTimeout(warmIndexWorkers, 0);
