import './app/zodWithoutEval.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { watchForFailedChunks } from './app/newBuild.ts';
import { adoptLinkToken } from './features/access/tokens.ts';
import { adoptMemberLink } from './features/portfolio/memberLink.ts';
import './styles/app.css';
import './styles/workshop.css';
import './styles/exchange.css';
import './styles/network.css';
import './styles/portfolio.css';
import './styles/library.css';
import './styles/libraryAdmin.css';
import './styles/admin.css';

// A link's token is stored and taken out of the address bar before anything renders (A12) —
// and again when a link differing only in its fragment is opened in this tab (no page load).
adoptLinkToken();
adoptMemberLink();
window.addEventListener('hashchange', () => {
  adoptLinkToken();
  adoptMemberLink();
});
// A chunk of an older build that the server no longer has: "Caseroom was updated — reload".
watchForFailedChunks();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
