import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { startI18n } from './i18n/i18n.js';
import { syncServerClock } from './session/server-clock.js';
import { refreshSession } from './session/session.js';
import './styles/app.css';
import './styles/members.css';

await startI18n();
// Who is logged in, and the server's clock: the header and every deadline need them.
void refreshSession();
void syncServerClock();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
