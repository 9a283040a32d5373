import type { LibraryAnswer, LibraryEntry, LibraryEntryFields } from '@caseroom/shared';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ApiResult } from '../../api/request.ts';
import { Link } from '../../app/Link.tsx';
import { PageFrame } from '../../app/PageFrame.tsx';
import { PORTFOLIO_PATH } from '../../app/routes.ts';
import { useLanguage, useMessages } from '../../i18n/messages.ts';
import { memberFailureText, memberLinkGone } from '../portfolio/memberFailure.ts';
import { forgetMemberToken, MEMBER_TOKEN_STORED_EVENT, readMemberToken } from '../portfolio/memberLink.ts';
import { EntryFormDialog, type SaveOutcome } from './EntryFormDialog.tsx';
import { LibraryTable } from './LibraryTable.tsx';
import { addEntry, changeEntry, loadLibrary, loadVersions } from './libraryAdminApi.ts';
import { VersionsDialog } from './VersionsDialog.tsx';

type Failure = Exclude<ApiResult<unknown>, { ok: true }>;
type Open = { kind: 'add' } | { kind: 'edit'; entry: LibraryEntry } | { kind: 'versions'; entry: LibraryEntry };

/**
 * The organisation's unit-value library at `/library` (issue 15, docs/library.md): its members
 * see every entry at its current version, add one, change one (saved as its next version) and
 * read an entry's versions — with the member link the portfolio uses.
 */
export function LibraryPage() {
  const m = useMessages();
  const t = m.libraryAdmin;
  const lang = useLanguage();
  const [token, setToken] = useState(readMemberToken);
  const [result, setResult] = useState<ApiResult<LibraryAnswer> | null>(null);
  const [open, setOpen] = useState<Open | undefined>();
  const [confirmation, setConfirmation] = useState<string | undefined>();
  useEffect(() => {
    const adopt = (event: Event) => {
      setResult(null);
      setToken((event as CustomEvent<{ token: string }>).detail.token);
    };
    window.addEventListener(MEMBER_TOKEN_STORED_EVENT, adopt);
    return () => window.removeEventListener(MEMBER_TOKEN_STORED_EVENT, adopt);
  }, []);

  const gone = useCallback(
    (failure: Failure) => {
      if (token && memberLinkGone(failure)) {
        forgetMemberToken(token);
        return true;
      }
      return false;
    },
    [token],
  );
  const load = useCallback(async () => {
    if (!token) return;
    const loaded = await loadLibrary(token);
    if (!loaded.ok) gone(loaded);
    setResult(loaded);
  }, [token, gone]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    document.title = `${t.title} – Caseroom`;
  }, [t]);

  const failureText = useCallback(
    (failure: Failure, fallback: string) => memberFailureText(m, failure, { unreachable: t.unreachable, fallback }),
    [m, t],
  );

  const save = async (body: LibraryEntryFields, baseVersion: number | undefined): Promise<SaveOutcome> => {
    if (!token) return { kind: 'failed', result: { ok: false, reason: 'server', code: 'memberLinkMissing' } };
    const editing = open?.kind === 'edit' ? open.entry : undefined;
    const saved = editing ? await changeEntry(token, editing.id, body, baseVersion) : await addEntry(token, body);
    if (!saved.ok && saved.code === 'libraryConflict' && editing && baseVersion !== undefined) {
      // The server wrote nothing because the form's version is no longer the latest: read who
      // saved which version, so the form can say so (the person's typing stays).
      const versions = await loadVersions(token, editing.id);
      const latest = versions.ok ? versions.value.at(-1) : undefined;
      if (latest && latest.version !== baseVersion) return { kind: 'changedMeanwhile', latest };
    }
    if (!saved.ok) {
      if (gone(saved)) {
        // The link no longer works: the page says so in place of the form.
        setOpen(undefined);
        setResult(saved);
      }
      return { kind: 'failed', result: saved };
    }
    setOpen(undefined);
    setConfirmation(editing ? t.savedVersion(saved.value.name, saved.value.version) : t.saved(saved.value.name));
    await load();
    return { kind: 'saved', entry: saved.value };
  };

  // One loader per opened history, so the dialog reads the versions once.
  const openVersions = useMemo(() => {
    if (open?.kind !== 'versions') return undefined;
    const { entry } = open;
    return { entry, load: () => (token ? loadVersions(token, entry.id) : Promise.resolve(noLink)) };
  }, [open, token]);

  return (
    <PageFrame
      className="portfolio library-page"
      mainClassName="portfolio-main"
      links={<Link href={PORTFOLIO_PATH}>{t.portfolioLink}</Link>}
      after={
        <>
          {open && open.kind !== 'versions' && (
            <EntryFormDialog
              key={open.kind === 'edit' ? open.entry.id : 'add'}
              entry={open.kind === 'edit' ? open.entry : undefined}
              onSave={save}
              onClose={() => setOpen(undefined)}
              failureText={failureText}
            />
          )}
          {openVersions && (
            <VersionsDialog
              entry={openVersions.entry}
              load={openVersions.load}
              onClose={() => setOpen(undefined)}
              failureText={failureText}
            />
          )}
        </>
      }
    >
      <h1>{t.title}</h1>
      {!token ? (
        <p className="lead">{t.noLink}</p>
      ) : !result ? (
        <p className="loading" aria-busy="true">
          {t.loading}
        </p>
      ) : !result.ok ? (
        <div className="error-box" role="alert">
          <p>{failureText(result, t.failed)}</p>
          {!memberLinkGone(result) && (
            <button type="button" onClick={() => void load()}>
              {m.common.tryAgain}
            </button>
          )}
        </div>
      ) : (
        <>
          <p className="lead">{t.intro}</p>
          <div className="portfolio-actions">
            <button
              type="button"
              className="primary"
              onClick={() => {
                setConfirmation(undefined);
                setOpen({ kind: 'add' });
              }}
            >
              {t.add}
            </button>
            <button type="button" onClick={() => void load()}>
              {t.reload}
            </button>
          </div>
          <p className="library-confirmation" role="status">
            {confirmation}
          </p>
          {result.value.entries.length === 0 ? (
            <p className="empty">{t.empty}</p>
          ) : (
            <LibraryTable
              entries={result.value.entries}
              lang={lang}
              onEdit={(entry) => {
                setConfirmation(undefined);
                setOpen({ kind: 'edit', entry });
              }}
              onVersions={(entry) => setOpen({ kind: 'versions', entry })}
            />
          )}
        </>
      )}
    </PageFrame>
  );
}

const noLink: ApiResult<LibraryEntry[]> = { ok: false, reason: 'server', code: 'memberLinkMissing' };
