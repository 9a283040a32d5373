import { api, type CaseListing, type Party } from '@caseroom/shared';
import { callApi } from '../../api/callApi.ts';
import type { ApiFailure, ApiResult } from '../../api/request.ts';
import { allTokens, storeToken } from '../access/tokens.ts';

export type { ApiFailure, ApiResult };

/** One row of the start page's case list, as `GET /api/cases` returns it. */
export type CaseSummary = {
  id: string;
  title: string;
  municipality: string;
  phase: number | undefined;
  updatedAt: Date | undefined;
  /** When the case was created (or imported); undefined from an older server. */
  createdAt: Date | undefined;
  /** When the case was made from an import file; undefined for a case made here (issue 13). */
  importedAt: Date | undefined;
  /** When the case was archived (issue 15); listed only when archived cases are asked for. */
  archivedAt: Date | undefined;
  online: number;
  /** Who this browser's link makes the caller in the case (A6). */
  party: Party | undefined;
};

/** An ISO time from the server as a Date; undefined when absent or not a time. */
function optionalTime(iso: string | undefined): Date | undefined {
  const time = iso === undefined ? undefined : new Date(iso);
  return time && !Number.isNaN(time.getTime()) ? time : undefined;
}

/** A listed case as the start page shows it: missing texts empty, the time a Date. */
function summary(row: CaseListing): CaseSummary {
  const updated = new Date(row.updatedAt);
  return {
    id: row.id,
    title: row.title ?? '',
    municipality: row.municipality ?? '',
    phase: row.phase,
    updatedAt: Number.isNaN(updated.getTime()) ? undefined : updated,
    createdAt: optionalTime(row.createdAt),
    importedAt: optionalTime(row.importedAt),
    archivedAt: optionalTime(row.archivedAt),
    online: row.online,
    party: row.party,
  };
}

/**
 * The cases this browser's links open, most recently changed first. Every stored token goes
 * in one header (A4); with none, nobody is asked — a new browser has no cases. Archived cases
 * (issue 15) only with `includeArchived`.
 */
export async function listCases(includeArchived = false): Promise<ApiResult<CaseSummary[]>> {
  const tokens = allTokens();
  if (tokens.length === 0) return { ok: true, value: [] };
  const result = await callApi(api.listCases, { tokens, ...(includeArchived ? { query: { archived: '1' } } : {}) });
  if (!result.ok) return result;
  const cases = result.value.map(summary);
  cases.sort((a, b) => (b.updatedAt?.getTime() ?? 0) - (a.updatedAt?.getTime() ?? 0));
  return { ok: true, value: cases };
}

/**
 * Creates a case (empty, or filled with the built-in example), remembers the facilitator link
 * it comes with (A3) and returns the case id. On a server reachable from the network, the
 * organisation key goes along (issue 10); without one, the server answers 401
 * `organisationKeyMissing`.
 */
export async function createCase(options: { example: boolean; organisationKey?: string }): Promise<ApiResult<string>> {
  const result = await callApi(api.createCase, {
    body: options.example ? { example: true } : {},
    ...(options.organisationKey ? { organisationKey: options.organisationKey } : {}),
  });
  if (!result.ok) return result;
  const { id, token } = result.value;
  storeToken(id, token);
  return { ok: true, value: id };
}
