import {
  api,
  type IssuedMemberLink,
  type MemberListing,
  type PersonalData,
  type RetentionAnswer,
} from '@caseroom/shared';
import { callApi } from '../../api/callApi.ts';
import type { ApiResult } from '../../api/request.ts';

/**
 * The administrator's calls (issue 15; docs/access.md "Members and the portfolio", "Archive,
 * delete, retention", "Personal data"), each with the organisation key as the only credential.
 */

/** Every member of the key's organisation, revoked ones too; also how the page checks a key. */
export function listMembers(key: string): Promise<ApiResult<MemberListing[]>> {
  return callApi(api.listMembers, { organisationKey: key });
}

/** Adds a member; the answer's link is shown once and never kept. */
export function addMember(key: string, name: string, expiresAt: string | null): Promise<ApiResult<IssuedMemberLink>> {
  return callApi(api.addMember, { organisationKey: key, body: { name, expiresAt } });
}

/** Revokes a member's link (and the case access it opened), at once. */
export function revokeMember(key: string, memberId: string): Promise<ApiResult<MemberListing>> {
  return callApi(api.revokeMember, { organisationKey: key, params: { memberId } });
}

/** How long the organisation keeps archived cases now. */
export function loadRetention(key: string): Promise<ApiResult<RetentionAnswer>> {
  return callApi(api.getRetention, { organisationKey: key });
}

/** Sets how long archived cases are kept; null: until someone deletes them. */
export function saveRetention(key: string, days: number | null): Promise<ApiResult<RetentionAnswer>> {
  return callApi(api.setRetention, { organisationKey: key, body: { days } });
}

/** Every piece of personal data one of the organisation's cases holds. */
export function loadPersonalData(key: string, caseId: string): Promise<ApiResult<PersonalData>> {
  return callApi(api.personalData, { organisationKey: key, params: { id: caseId } });
}
