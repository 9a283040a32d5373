/**
 * How a field is found from a finding's path (shared/src/validation/finding.ts): every form
 * control carries `data-path="outcomes/<id>/expectedRate"`, and so do item containers
 * (`outcomes/<id>`), groups of fields over a map (`paymentModel/payerShares`) and the section
 * heading (`paymentModel`). Items are addressed by id, intake years by their offset — as in
 * finding paths. `features/businessCase/goToField.ts` resolves a path to the closest match.
 */
export const DATA_PATH = 'data-path';

/** A path as the attribute value: segments joined by "/". */
export function pathKey(path: readonly (string | number)[]): string {
  return path.map(String).join('/');
}

/** Where each list's items live in finding paths (section, then list key for nested lists). */
export const LIST_PATHS = {
  department: 'facts/departments',
  intervention: 'interventions/candidates',
  outcome: 'outcomes',
  signatory: 'evaluation/signatories',
} as const;
