import './app/no-eval.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { SessionGate } from './features/sign-in/index.js';
import { applyThemeToDocument } from './features/theme/index.js';
import './styles/app.css';

applyThemeToDocument();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SessionGate>
      <App />
    </SessionGate>
  </StrictMode>,
);
