import { api } from '@caseroom/shared';
import { callApi } from '../../api/callApi.ts';
import type { ApiResult } from '../../api/request.ts';
import { readToken, storeToken } from '../access/tokens.ts';

/** The facilitator's link to the case, as the only token sent (the lifecycle is the facilitator's). */
function tokensOf(caseId: string): string[] {
  const token = readToken(caseId);
  return token ? [token] : [];
}

/** Archives a case (issue 15): read-only, out of the lists, restorable. */
export async function archiveCase(caseId: string): Promise<ApiResult<unknown>> {
  return callApi(api.archiveCase, { params: { id: caseId }, tokens: tokensOf(caseId) });
}

/** Restores an archived case. */
export async function restoreCase(caseId: string): Promise<ApiResult<unknown>> {
  return callApi(api.restoreCase, { params: { id: caseId }, tokens: tokensOf(caseId) });
}

/** Deletes a case for good; `confirm` is its title as the person typed it. */
export async function deleteCase(caseId: string, confirm: string): Promise<ApiResult<unknown>> {
  return callApi(api.deleteCase, { params: { id: caseId }, tokens: tokensOf(caseId), body: { confirm } });
}

/** Copies a case as a template; the new case's facilitator link is remembered. Returns the new id. */
export async function copyAsTemplate(caseId: string, title: string): Promise<ApiResult<string>> {
  const result = await callApi(api.copyAsTemplate, {
    params: { id: caseId },
    tokens: tokensOf(caseId),
    body: { title },
  });
  if (!result.ok) return result;
  storeToken(result.value.id, result.value.token);
  return { ok: true, value: result.value.id };
}
