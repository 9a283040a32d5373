import type { WorkshopRecord } from '../workshop/record.ts';

/** A workshop record for tests: nothing decided, signed, locked or timed, in phase 2 unless overridden. */
export function makeWorkshopRecord(overrides: Partial<WorkshopRecord> = {}): WorkshopRecord {
  return {
    phase: 2,
    locks: {},
    timer: { status: 'idle', serverNow: 0 },
    votes: {},
    decisions: {},
    signoffs: {},
    requiredSigners: [],
    ...overrides,
  };
}
