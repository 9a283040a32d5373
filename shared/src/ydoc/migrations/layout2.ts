import type { LayoutChildren } from '../layout.ts';

/**
 * Document layout 2 as it was when it shipped (issue 11), frozen: the nested shared types of
 * every section and list item. The live layout (`../layout.ts`) is derived from the field
 * registry and grows with it; a migration must not, so the 1 → 2 step (`shortTextsAsYText`)
 * and its inverse for tests (`asLayout1`) read this list, and `layout.test.ts` holds the
 * derived layout to it while LAYOUT_VERSION is 2. A short text inside one of a section's maps
 * is named by its path below the section (`partners/authority`).
 */
/** Layout 2's nested shared types per section. */
export const LAYOUT_2_SECTION_CHILDREN = {
  facts: {
    maps: ['partners', 'departments', 'sources'],
    richText: [],
    shortText: [
      'title',
      'municipality',
      'partners/authority',
      'partners/provider',
      'partners/investor',
      'partners/guarantor',
    ],
  },
  problem: { maps: [], richText: ['text'], shortText: [] },
  targetGroup: { maps: ['intake', 'sources'], richText: ['eligibility', 'baseline'], shortText: ['name'] },
  interventions: { maps: ['candidates'], richText: ['rationale'], shortText: [] },
  outcomes: { maps: ['items'], richText: [], shortText: [] },
  paymentModel: { maps: ['payerShares', 'scenarios', 'sources'], richText: [], shortText: [] },
  evaluation: {
    maps: ['signatories'],
    richText: ['notes', 'earlyStop'],
    shortText: ['dataSources', 'measurementPoints', 'evaluator', 'contractParties'],
  },
} as const satisfies Record<string, LayoutChildren>;

/** Layout 2's nested shared types per list item kind. */
export const LAYOUT_2_ITEM_CHILDREN = {
  department: { maps: [], richText: [], shortText: ['name'] },
  intervention: { maps: ['sources'], richText: ['description'], shortText: ['name', 'provider'] },
  outcome: {
    maps: ['valuePerDepartment', 'sources'],
    richText: [],
    shortText: ['name', 'definition', 'dataSource', 'measurementMethod'],
  },
  signatory: { maps: [], richText: [], shortText: ['name', 'organisation'] },
} as const satisfies Record<string, LayoutChildren>;
