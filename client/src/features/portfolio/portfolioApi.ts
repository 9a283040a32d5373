import { api, type EnteredCase, endpointPath, type PortfolioAnswer } from '@caseroom/shared';
import { callApi } from '../../api/callApi.ts';
import { type ApiFailure, type ApiResult, readFailure } from '../../api/request.ts';
import { filenameOf } from '../exchange/exchangeApi.ts';

/** The organisation's portfolio, asked with the member's own link. */
export function loadPortfolio(memberToken: string): Promise<ApiResult<PortfolioAnswer>> {
  return callApi(api.portfolio, { tokens: [memberToken] });
}

/** A link of the member's own to one of the organisation's cases. */
export function enterCase(memberToken: string, caseId: string): Promise<ApiResult<EnteredCase>> {
  return callApi(api.enterCase, { tokens: [memberToken], params: { id: caseId } });
}

/** The portfolio as a workbook. */
export async function fetchPortfolioWorkbook(
  memberToken: string,
  lang: 'da' | 'en',
): Promise<{ ok: true; blob: Blob; filename: string } | ({ ok: false } & ApiFailure)> {
  let response: Response;
  try {
    response = await fetch(`${endpointPath(api.exportPortfolio, {})}?lang=${lang}`, {
      headers: { authorization: `Bearer ${memberToken}` },
    });
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
  if (!response.ok) return readFailure(response, await response.json().catch(() => undefined));
  const blob = await response.blob().catch(() => undefined);
  if (!blob) return { ok: false, reason: 'unreachable' };
  return { ok: true, blob, filename: filenameOf(response.headers.get('content-disposition'), 'portfolio.xlsx') };
}
