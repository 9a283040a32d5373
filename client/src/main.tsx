import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { adoptLinkToken } from './features/access/tokens.ts';
import './styles/app.css';
import './styles/workshop.css';
import './styles/exchange.css';

// A link's token is stored and taken out of the address bar before anything renders (A12).
adoptLinkToken();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
