import type { MemberListing } from '@caseroom/shared';
import { useEffect, useState } from 'react';
import { Link } from '../../app/Link.tsx';
import { PageFrame } from '../../app/PageFrame.tsx';
import { useMessages } from '../../i18n/messages.ts';
import { forgetOrganisationKey, readOrganisationKey, storeOrganisationKey } from '../organisation/organisationKey.ts';
import { AdminKeyForm } from './AdminKeyForm.tsx';
import { listMembers } from './adminApi.ts';
import { adminFailureText, keyRefused } from './adminFailure.ts';
import { MembersPanel } from './MembersPanel.tsx';
import { PersonalDataPanel } from './PersonalDataPanel.tsx';
import { RetentionPanel } from './RetentionPanel.tsx';

/** Where the page stands with the key: being checked, asked for (with why), or accepted. */
type KeyState =
  | { kind: 'checking' }
  | { kind: 'asking'; error?: string; notice?: string }
  | { kind: 'accepted'; key: string; members: MemberListing[] };

/**
 * The administrator's page (issue 15, `/admin`; docs/access.md "The administrator's page"): with
 * the organisation key — checked by listing the members, kept in this tab's sessionStorage only
 * (the same place the start page keeps it) — add people and hand over their link once, revoke
 * them, set how long archived cases are kept, and list a case's personal data.
 */
export function AdminPage() {
  const m = useMessages();
  const t = m.admin;
  const [state, setState] = useState<KeyState>(() =>
    readOrganisationKey() ? { kind: 'checking' } : { kind: 'asking' },
  );

  useEffect(() => {
    document.title = `${t.title} – Caseroom`;
  }, [t]);

  /** Checks a key by listing the members with it; a refused key is forgotten. */
  const tryKey = async (key: string, remembered: boolean) => {
    const members = await listMembers(key);
    if (members.ok) {
      storeOrganisationKey(key);
      setState({ kind: 'accepted', key, members: members.value });
      return;
    }
    if (keyRefused(members)) forgetOrganisationKey();
    const error = adminFailureText(m, members, m.admin.members.failed);
    setState({ kind: 'asking', error: remembered && keyRefused(members) ? t.key.refusedNow : error });
  };

  // A key remembered in this tab is checked once when the page opens.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only on opening; tryKey reads the texts of the moment.
  useEffect(() => {
    const remembered = readOrganisationKey();
    if (remembered) void tryKey(remembered, true);
  }, []);

  /** A call refused the key (replaced meanwhile): forget it and ask again. */
  const onKeyRefused = () => {
    forgetOrganisationKey();
    setState({ kind: 'asking', error: t.key.refusedNow });
  };

  const forget = () => {
    forgetOrganisationKey();
    setState({ kind: 'asking', notice: t.key.forgotten });
  };

  return (
    <PageFrame className="admin" mainClassName="admin-main" links={<Link href="/">{t.startLink}</Link>}>
      <h1>{t.title}</h1>
      <p className="lead">{t.intro}</p>
      {state.kind === 'checking' ? (
        <p className="loading" aria-busy="true">
          {t.key.checking}
        </p>
      ) : state.kind === 'asking' ? (
        <>
          {state.notice && (
            <p className="admin-notice" role="status">
              {state.notice}
            </p>
          )}
          <AdminKeyForm error={state.error} onSubmit={(key) => tryKey(key, false)} />
        </>
      ) : (
        <>
          <div className="admin-key-held">
            <p role="status">{t.key.remembered}</p>
            <button type="button" onClick={forget}>
              {t.key.forget}
            </button>
          </div>
          <MembersPanel organisationKey={state.key} initial={state.members} onKeyRefused={onKeyRefused} />
          <RetentionPanel organisationKey={state.key} onKeyRefused={onKeyRefused} />
          <PersonalDataPanel organisationKey={state.key} />
        </>
      )}
    </PageFrame>
  );
}
