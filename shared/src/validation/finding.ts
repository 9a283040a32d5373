import type { SectionName } from '../model/caseModel.ts';

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A value shown inside a finding's message, formatted when the message is rendered. */
export type FindingParam =
  | { kind: 'text'; value: string }
  /** A field label key (labels.ts), shown in the reader's language. */
  | { kind: 'label'; value: string }
  /** Another message (its key in messages.ts), e.g. the reason inside a sentence. */
  | { kind: 'message'; value: string }
  | { kind: 'money' | 'percent' | 'count' | 'years' | 'decimal'; value: number }
  /** Years counted from 1 (år 1 = t 0), read as a list: "år 2 og 3", "years 2 and 3". */
  | { kind: 'yearList'; value: number[] };

/** One problem in the model, explained in words a department head understands. */
export type Finding = {
  /** Rule id from docs/validation.md (V1, V2, …). */
  rule: string;
  severity: Severity;
  /** The section the finding belongs to (for counts in the navigation and readiness). */
  section: SectionName;
  /** Path to the field or item, e.g. ['outcomes', 'out-1', 'expectedRate'] (items by id). */
  path: (string | number)[];
  /** Key into the message catalogue (messages.ts). */
  messageKey: string;
  params: Record<string, FindingParam>;
};

/** Builds a text parameter. */
export const text = (value: string | undefined): FindingParam => ({ kind: 'text', value: value ?? '' });
