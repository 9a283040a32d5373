import type { PortfolioAnswer, PortfolioRow } from '@caseroom/shared';
import { useCallback, useEffect, useState } from 'react';
import type { ApiFailure, ApiResult } from '../../api/request.ts';
import { Link } from '../../app/Link.tsx';
import { PageFrame } from '../../app/PageFrame.tsx';
import { casePath, LIBRARY_PATH, navigate } from '../../app/routes.ts';
import { useLanguage, useMessages } from '../../i18n/messages.ts';
import { storeToken } from '../access/tokens.ts';
import { saveFile } from '../exchange/exchangeApi.ts';
import { memberFailureText, memberLinkGone } from './memberFailure.ts';
import { forgetMemberToken, MEMBER_TOKEN_STORED_EVENT, readMemberToken } from './memberLink.ts';
import { PortfolioChart } from './PortfolioChart.tsx';
import { PortfolioTable } from './PortfolioTable.tsx';
import { enterCase, fetchPortfolioWorkbook, loadPortfolio } from './portfolioApi.ts';

/**
 * The fund's portfolio (issue 15): every case of the member's organisation side by side, for its
 * agreed or else current version — a sortable, filterable table, a small chart of capital and
 * expected value, the overview as a workbook, and a button into each case (with a link of the
 * member's own).
 */
export function PortfolioPage() {
  const m = useMessages();
  const p = m.portfolio;
  const lang = useLanguage();
  const [token, setToken] = useState(readMemberToken);
  // A member link opened in this tab while the page is shown (only the fragment differs: no reload).
  useEffect(() => {
    const adopt = (event: Event) => {
      setResult(null);
      setToken((event as CustomEvent<{ token: string }>).detail.token);
    };
    window.addEventListener(MEMBER_TOKEN_STORED_EVENT, adopt);
    return () => window.removeEventListener(MEMBER_TOKEN_STORED_EVENT, adopt);
  }, []);
  const [result, setResult] = useState<ApiResult<PortfolioAnswer> | null>(null);
  const [exporting, setExporting] = useState(false);
  const [notice, setNotice] = useState<string | undefined>();
  const [opening, setOpening] = useState<string | undefined>();

  const load = useCallback(async () => {
    if (!token) return;
    const loaded = await loadPortfolio(token);
    if (!loaded.ok && memberLinkGone(loaded)) forgetMemberToken(token);
    setResult(loaded);
  }, [token]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    document.title = `${p.title} – Caseroom`;
  }, [p]);

  const failureText = (failure: ApiFailure, fallback: string) =>
    memberFailureText(m, failure, { unreachable: p.unreachable, fallback });

  const open = async (row: PortfolioRow) => {
    if (!token) return;
    setOpening(row.caseId);
    setNotice(undefined);
    const entered = await enterCase(token, row.caseId);
    setOpening(undefined);
    if (!entered.ok) {
      setNotice(failureText(entered, p.openFailed));
      return;
    }
    storeToken(row.caseId, entered.value.token);
    navigate(casePath(row.caseId));
  };

  const exportWorkbook = async () => {
    if (!token) return;
    setExporting(true);
    setNotice(undefined);
    const file = await fetchPortfolioWorkbook(token, lang);
    setExporting(false);
    if (file.ok) saveFile(file.blob, file.filename);
    else setNotice(failureText(file, p.exportFailed));
  };

  return (
    <PageFrame
      className="portfolio"
      mainClassName="portfolio-main"
      links={
        <>
          <Link href="/">{p.startLink}</Link>
          <Link href={LIBRARY_PATH}>{m.libraryAdmin.fromPortfolio}</Link>
        </>
      }
    >
      {!token ? (
        <>
          <h1>{p.title}</h1>
          <p className="lead">{p.noLink}</p>
        </>
      ) : !result ? (
        <>
          <h1>{p.title}</h1>
          <p className="loading" aria-busy="true">
            {p.loading}
          </p>
        </>
      ) : !result.ok ? (
        <>
          <h1>{p.title}</h1>
          <div className="error-box" role="alert">
            <p>{failureText(result, p.failed)}</p>
            {!memberLinkGone(result) && (
              <button type="button" onClick={() => void load()}>
                {m.common.tryAgain}
              </button>
            )}
          </div>
        </>
      ) : (
        <>
          <h1>{p.heading(result.value.organisation.name)}</h1>
          <p className="lead">
            {p.signedInAs(result.value.member.name)} {p.intro}
          </p>
          <div className="portfolio-actions">
            <button
              type="button"
              className="primary"
              onClick={() => void exportWorkbook()}
              disabled={exporting}
              aria-busy={exporting}
            >
              {exporting ? p.exporting : p.exportXlsx}
            </button>
            <button type="button" onClick={() => void load()}>
              {p.reload}
            </button>
          </div>
          {notice && (
            <p className="error-box" role="alert">
              {notice}
            </p>
          )}
          {result.value.cases.length === 0 ? (
            <p className="empty">{p.noCases}</p>
          ) : (
            <>
              <PortfolioTable rows={result.value.cases} onOpen={(row) => void open(row)} opening={opening} />
              <PortfolioChart rows={result.value.cases} />
            </>
          )}
        </>
      )}
    </PageFrame>
  );
}
