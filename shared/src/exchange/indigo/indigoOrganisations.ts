import type { DepartmentLevel } from '../../model/facts.ts';
import type { PayerCategory } from './indigoTypes.ts';

/** The roles a case's organisations take in the record. */
export type OrganisationRole = 'authority' | 'provider' | 'investor';

/**
 * A stable organisation id derived from the case's id: INDIGO's own organisation ids
 * (`INDIGO-ORG-…`) are assigned by the GO Lab, so the record names each organisation by its
 * place in this case; the organisation's name goes in the entry's `notes`.
 */
export function organisationId(caseId: string, role: OrganisationRole): string {
  return `caseroom-${caseId}-${role}`;
}

/** A paying department's organisation id (its id in the case, under the case's). */
export function departmentOrganisationId(caseId: string, departmentId: string): string {
  return `caseroom-${caseId}-department-${departmentId}`;
}

/** The standard's outcome-payer category of a department level: municipal, regional and state money is public. */
export function payerCategory(level: DepartmentLevel): PayerCategory {
  return level === 'other' ? 'Other' : 'Government/Public Sector/Public Bank';
}
