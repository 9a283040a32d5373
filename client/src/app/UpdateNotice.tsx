import { useState } from 'react';
import { useMessages } from '../i18n/messages.ts';
import { useUiStore } from '../store.ts';
import { reloadIntoNewBuild } from './newBuild.ts';

/** The reload button: stores what was typed, then reloads into the new version. */
function ReloadButton() {
  const m = useMessages();
  const [reloading, setReloading] = useState(false);
  return (
    <button
      type="button"
      className="primary"
      disabled={reloading}
      onClick={() => {
        setReloading(true);
        void reloadIntoNewBuild();
      }}
    >
      {reloading ? m.network.update.reloading : m.network.update.reload}
    </button>
  );
}

/** A banner over the page once a new version of Caseroom is known (the page itself still works). */
export function UpdateNotice() {
  const m = useMessages();
  const available = useUiStore((state) => state.updateAvailable);
  if (!available) return null;
  return (
    <div className="update-notice" role="alert">
      <div>
        <p className="update-notice-title">{m.network.update.title}</p>
        <p>{m.network.update.body}</p>
      </div>
      <ReloadButton />
    </div>
  );
}

/**
 * A full page in place of what could not be shown: a part of the new version that this page
 * cannot load ("Caseroom was updated — reload"), or anything else that broke the page.
 */
export function ReloadPage({ kind }: { kind: 'update' | 'crashed' }) {
  const m = useMessages();
  const text = kind === 'update' ? m.network.update : m.network.crashed;
  return (
    <div className="page message-page">
      <main id="main" className="message-card">
        <h1>{text.title}</h1>
        <p role="alert">{text.body}</p>
        <div className="actions">
          <ReloadButton />
        </div>
      </main>
    </div>
  );
}
