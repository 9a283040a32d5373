import { Party } from '@caseroom/shared';
import { type ApiFailure, type ApiResult, apiRequest } from '../../api/request.ts';
import { allTokens, storeToken } from '../access/tokens.ts';

export type { ApiFailure, ApiResult };

/** One row of the start page's case list, as `GET /api/cases` returns it. */
export type CaseSummary = {
  id: string;
  title: string;
  municipality: string;
  phase: number | undefined;
  updatedAt: Date | undefined;
  online: number;
  /** Who this browser's link makes the caller in the case (A6). */
  party: Party | undefined;
};

function readSummary(row: unknown): CaseSummary | undefined {
  if (!row || typeof row !== 'object') return undefined;
  const r = row as Record<string, unknown>;
  if (typeof r.id !== 'string' || r.id === '') return undefined;
  const updated =
    typeof r.updatedAt === 'string' || typeof r.updatedAt === 'number' ? new Date(r.updatedAt) : undefined;
  const party = Party.safeParse(r.party);
  return {
    id: r.id,
    title: typeof r.title === 'string' ? r.title : '',
    municipality: typeof r.municipality === 'string' ? r.municipality : '',
    phase: typeof r.phase === 'number' ? r.phase : undefined,
    updatedAt: updated && !Number.isNaN(updated.getTime()) ? updated : undefined,
    online: typeof r.online === 'number' ? r.online : 0,
    party: party.success ? party.data : undefined,
  };
}

/**
 * The cases this browser's links open, most recently changed first. Every stored token goes
 * in one header (A4); with none, nobody is asked — a new browser has no cases.
 */
export async function listCases(): Promise<ApiResult<CaseSummary[]>> {
  const tokens = allTokens();
  if (tokens.length === 0) return { ok: true, value: [] };
  const result = await apiRequest('/api/cases', { tokens });
  if (!result.ok) return result;
  if (!Array.isArray(result.value)) return { ok: false, reason: 'server' };
  const cases = result.value.map(readSummary).filter((row): row is CaseSummary => row !== undefined);
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
  const result = await apiRequest('/api/cases', {
    method: 'POST',
    body: options.example ? { example: true } : {},
    ...(options.organisationKey ? { organisationKey: options.organisationKey } : {}),
  });
  if (!result.ok) return result;
  const { id, token } = (result.value ?? {}) as { id?: unknown; token?: unknown };
  if (typeof id !== 'string' || id === '' || typeof token !== 'string' || token === '') {
    return { ok: false, reason: 'server' };
  }
  storeToken(id, token);
  return { ok: true, value: id };
}
