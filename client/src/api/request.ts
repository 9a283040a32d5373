/**
 * JSON requests to the server's `/api`, with the case links' tokens as the Bearer header
 * (docs/access.md A4). Expected failures come back as values the UI can explain.
 */

import { ApiErrorCode, isApiErrorCode } from '@caseroom/shared';

/** Why a request failed: the server did not answer, or it answered with an error status. */
export type ApiFailure = {
  reason: 'unreachable' | 'server';
  /** The HTTP status, for a server failure. */
  status?: number;
  /** The server's error code (shared's `ApiErrorCode`); absent when the answer had none this version knows. */
  code?: ApiErrorCode;
  /** The server's own message (English; names the field for a 400). */
  message?: string;
  /** For a 429: how many seconds until the server takes requests from this address again. */
  retryAfterSeconds?: number;
};
export type ApiResult<T> = { ok: true; value: T } | ({ ok: false } & ApiFailure);

/** Options of one request: method, JSON body, and the token(s) or organisation key to present. */
export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  tokens?: readonly string[];
  /** The organisation key (issue 10), for creating and importing cases on a networked server. */
  organisationKey?: string;
};

/** Error codes after which a link no longer opens its case (issue 10): the room says why. */
export const LINK_ENDED_CODES = [ApiErrorCode.LinkExpired, ApiErrorCode.AccessEnded] as const;
export type LinkEndedCode = (typeof LINK_ENDED_CODES)[number];

/**
 * The window event sent when the server answers that a link has expired or was ended, with the
 * token and the code: the open case room with that token stops and says why.
 */
export const LINK_ENDED_EVENT = 'caseroom:link-ended';
export type LinkEndedDetail = { token: string; code: LinkEndedCode };

/** The Authorization header of a request, if it presents anything. */
export function authorizationHeader(options: Pick<RequestOptions, 'tokens' | 'organisationKey'>): string | undefined {
  if (options.organisationKey) return `Bearer ${options.organisationKey}`;
  if (options.tokens && options.tokens.length > 0) return `Bearer ${options.tokens.join(',')}`;
  return undefined;
}

/** Sends one request; several tokens go comma-separated in one header (A4, `GET /api/cases`). */
export async function apiRequest(path: string, options: RequestOptions = {}): Promise<ApiResult<unknown>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const authorization = authorizationHeader(options);
  if (authorization) headers.authorization = authorization;
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
    const failure = readFailure(response, body);
    announceLinkEnded(failure, options.tokens);
    return failure;
  }
  return { ok: true, value: body };
}

/** An error answer as a failure value: status, the server's code and message, when to retry. */
export function readFailure(response: Response, body: unknown): { ok: false } & ApiFailure {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  const retryAfterSeconds = response.status === 429 ? readRetryAfter(response.headers.get('retry-after')) : undefined;
  return {
    ok: false,
    reason: 'server',
    status: response.status,
    ...(isApiErrorCode(error?.code) ? { code: error.code } : {}),
    ...(typeof error?.message === 'string' ? { message: error.message } : {}),
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  };
}

/** `Retry-After` as seconds from now: a number of seconds or an HTTP date (RFC 9110 §10.2.3). */
export function readRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? Math.ceil(seconds) : undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * Whether a failure says the caller's own link expired or was ended (403), not — as a 409 from
 * the parties API does — that of the party it acted on.
 */
export function linkEndedCode(failure: ApiFailure): LinkEndedCode | undefined {
  if (failure.status !== 403) return undefined;
  return LINK_ENDED_CODES.find((ended) => ended === failure.code);
}

/** Tells the page that a single-token request found its link expired or ended. */
function announceLinkEnded(failure: ApiFailure, tokens: readonly string[] | undefined): void {
  const code = linkEndedCode(failure);
  const token = tokens?.length === 1 ? tokens[0] : undefined;
  if (!code || !token || typeof window === 'undefined') return;
  window.dispatchEvent(new CustomEvent<LinkEndedDetail>(LINK_ENDED_EVENT, { detail: { token, code } }));
}
