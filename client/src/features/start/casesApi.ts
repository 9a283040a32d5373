/** One row of the start page's case list, as `GET /api/cases` returns it. */
export type CaseSummary = {
  id: string;
  title: string;
  municipality: string;
  phase: number | undefined;
  updatedAt: Date | undefined;
  online: number;
};

/** Why a request failed, in terms the start page can explain. */
export type ApiFailure = { reason: 'unreachable' | 'server'; message?: string };
export type ApiResult<T> = { ok: true; value: T } | ({ ok: false } & ApiFailure);

async function request(path: string, init?: RequestInit): Promise<ApiResult<unknown>> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { 'content-type': 'application/json', ...init?.headers } });
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const message = (body as { error?: { message?: unknown } } | undefined)?.error?.message;
    return { ok: false, reason: 'server', ...(typeof message === 'string' ? { message } : {}) };
  }
  return { ok: true, value: body };
}

function readSummary(row: unknown): CaseSummary | undefined {
  if (!row || typeof row !== 'object') return undefined;
  const r = row as Record<string, unknown>;
  if (typeof r.id !== 'string' || r.id === '') return undefined;
  const updated =
    typeof r.updatedAt === 'string' || typeof r.updatedAt === 'number' ? new Date(r.updatedAt) : undefined;
  return {
    id: r.id,
    title: typeof r.title === 'string' ? r.title : '',
    municipality: typeof r.municipality === 'string' ? r.municipality : '',
    phase: typeof r.phase === 'number' ? r.phase : undefined,
    updatedAt: updated && !Number.isNaN(updated.getTime()) ? updated : undefined,
    online: typeof r.online === 'number' ? r.online : 0,
  };
}

/** The cases on this server, most recently changed first. */
export async function listCases(): Promise<ApiResult<CaseSummary[]>> {
  const result = await request('/api/cases');
  if (!result.ok) return result;
  if (!Array.isArray(result.value)) return { ok: false, reason: 'server' };
  const cases = result.value.map(readSummary).filter((row): row is CaseSummary => row !== undefined);
  cases.sort((a, b) => (b.updatedAt?.getTime() ?? 0) - (a.updatedAt?.getTime() ?? 0));
  return { ok: true, value: cases };
}

/** Creates a case (empty, or filled with the built-in example) and returns its id. */
export async function createCase(options: { example: boolean }): Promise<ApiResult<string>> {
  const result = await request('/api/cases', {
    method: 'POST',
    body: JSON.stringify(options.example ? { example: true } : {}),
  });
  if (!result.ok) return result;
  const id = (result.value as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' && id !== '' ? { ok: true, value: id } : { ok: false, reason: 'server' };
}
