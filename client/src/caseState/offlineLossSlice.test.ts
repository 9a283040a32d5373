import { describe, expect, it } from 'vitest';
import type { OfflineLoss } from '../features/caseRoom/offlineLoss.ts';
import { openCaseState } from './caseStore.ts';

const loss = (field: string, mine: number, now: number): OfflineLoss => ({
  section: 'outcomes',
  path: ['outcomes', 'o1', field],
  labelKey: `outcome.${field}`,
  mine,
  now,
});

describe('offline losses in the case’s store (issue 11)', () => {
  it('adds each reconnection’s losses, a field listed again keeps only its latest, and dismissing clears them', () => {
    const { store } = openCaseState();
    expect(store.getState().offlineLosses).toEqual([]);
    store.getState().addOfflineLosses([loss('expectedRate', 0.45, 0.5), loss('attribution', 0.8, 0.9)]);
    store.getState().addOfflineLosses([loss('expectedRate', 0.46, 0.55)]);
    expect(store.getState().offlineLosses).toEqual([loss('attribution', 0.8, 0.9), loss('expectedRate', 0.46, 0.55)]);
    store.getState().dismissOfflineLosses();
    expect(store.getState().offlineLosses).toEqual([]);
  });

  it('does not follow the person into the next case', () => {
    const caseA = openCaseState();
    caseA.store.getState().addOfflineLosses([loss('expectedRate', 0.45, 0.5)]);
    caseA.dispose();
    expect(openCaseState().store.getState().offlineLosses).toEqual([]);
  });
});
