import {
  type Answer,
  describeIssues,
  type Endpoint,
  endpointPath,
  type PathParamNames,
  type PathParams,
  type RequestBody,
} from '@caseroom/shared';
import type { z } from 'zod';
import { type ApiResult, apiRequest } from './request.ts';

/** An endpoint that answers JSON (not a file): what `callApi` can call. */
export type JsonEndpoint = Endpoint<string, z.ZodType | undefined, z.ZodType>;

/**
 * What one call needs: the path's params and the body when the endpoint has them (the type
 * checker asks for exactly those), and the link token(s) or the organisation key to present.
 */
export type CallOptions<E extends JsonEndpoint> = {
  tokens?: readonly string[];
  /** The organisation key (issue 10), for creating and importing cases on a networked server. */
  organisationKey?: string;
  /** Query-string parameters (`?lang=en`). */
  query?: Record<string, string>;
} & ([PathParamNames<E['path']>] extends [never] ? { params?: undefined } : { params: PathParams<E> }) &
  (E['body'] extends z.ZodType ? { body: RequestBody<E> } : { body?: undefined });

/**
 * Calls one endpoint of shared's table and checks its answer with the endpoint's schema: the
 * value is typed, and an answer that does not fit is a failure (`reason: 'server'`, the
 * mismatch in `message`) rather than `unknown`. Failures are `apiRequest`'s: unreachable,
 * the server's status, code and retry time, the link-ended event.
 */
export async function callApi<E extends JsonEndpoint>(
  endpoint: E,
  options: CallOptions<E>,
): Promise<ApiResult<Answer<E>>> {
  const path = endpointPath(endpoint, (options.params ?? {}) as PathParams<E>);
  const query = options.query ? `?${new URLSearchParams(options.query).toString()}` : '';
  const result = await apiRequest(`${path}${query}`, {
    method: endpoint.method,
    body: options.body,
    ...(options.tokens ? { tokens: options.tokens } : {}),
    ...(options.organisationKey ? { organisationKey: options.organisationKey } : {}),
  });
  if (!result.ok) return result;
  const answer = endpoint.response.safeParse(result.value);
  if (!answer.success) {
    return { ok: false, reason: 'server', message: `The answer did not fit: ${describeIssues(answer.error)}.` };
  }
  return { ok: true, value: answer.data as Answer<E> };
}
