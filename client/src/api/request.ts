/**
 * JSON requests to the server's `/api`, with the case links' tokens as the Bearer header
 * (docs/access.md A4). Expected failures come back as values the UI can explain.
 */

/** Why a request failed: the server did not answer, or it answered with an error status. */
export type ApiFailure = {
  reason: 'unreachable' | 'server';
  /** The HTTP status, for a server failure. */
  status?: number;
  /** The server's error code (`tokenMissing`, `tokenInvalid`, `forbidden`, `badRequest`, …). */
  code?: string;
  /** The server's own message (English; names the field for a 400). */
  message?: string;
};
export type ApiResult<T> = { ok: true; value: T } | ({ ok: false } & ApiFailure);

/** Options of one request: method, JSON body, and the token(s) to present. */
export type RequestOptions = { method?: 'GET' | 'POST' | 'PUT'; body?: unknown; tokens?: readonly string[] };

/** Sends one request; several tokens go comma-separated in one header (A4, `GET /api/cases`). */
export async function apiRequest(path: string, options: RequestOptions = {}): Promise<ApiResult<unknown>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.tokens && options.tokens.length > 0) headers.authorization = `Bearer ${options.tokens.join(',')}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    return {
      ok: false,
      reason: 'server',
      status: response.status,
      ...(typeof error?.code === 'string' ? { code: error.code } : {}),
      ...(typeof error?.message === 'string' ? { message: error.message } : {}),
    };
  }
  return { ok: true, value: body };
}
