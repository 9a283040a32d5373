import { api, type LibraryAnswer, type LibraryEntry, type LibraryEntryFields } from '@caseroom/shared';
import { callApi } from '../../api/callApi.ts';
import type { ApiResult } from '../../api/request.ts';

/** The organisation's library, each entry at its current version (member link). */
export function loadLibrary(memberToken: string): Promise<ApiResult<LibraryAnswer>> {
  return callApi(api.library, { tokens: [memberToken] });
}

/** Adds an entry: its version 1. */
export function addEntry(memberToken: string, body: LibraryEntryFields): Promise<ApiResult<LibraryEntry>> {
  return callApi(api.addLibraryEntry, { tokens: [memberToken], body });
}

/**
 * Changes an entry: the server writes its next version, but only while `baseVersion` (the version
 * the form was opened on) is still the latest — else 409 `libraryConflict` and nothing is written.
 */
export function changeEntry(
  memberToken: string,
  entryId: string,
  fields: LibraryEntryFields,
  baseVersion: number | undefined,
): Promise<ApiResult<LibraryEntry>> {
  const body = baseVersion === undefined ? fields : { ...fields, baseVersion };
  return callApi(api.changeLibraryEntry, { tokens: [memberToken], params: { entryId }, body });
}

/** Every version of one entry, the oldest first. */
export async function loadVersions(memberToken: string, entryId: string): Promise<ApiResult<LibraryEntry[]>> {
  const answer = await callApi(api.libraryEntryVersions, { tokens: [memberToken], params: { entryId } });
  return answer.ok ? { ok: true, value: answer.value.versions } : answer;
}
