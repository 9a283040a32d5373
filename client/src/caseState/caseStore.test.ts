import { describe, expect, it } from 'vitest';
import { openCaseState } from './caseStore.ts';

describe('one store per open case (issue 11)', () => {
  it('starts clean: the first section, not following, no notice', () => {
    const { store } = openCaseState();
    expect(store.getState()).toMatchObject({
      openSection: 'facts',
      followMe: false,
      followStopped: false,
      refused: null,
    });
  });

  it('create → set → dispose → the next case’s store is fresh', () => {
    const caseA = openCaseState();
    const a = caseA.store.getState();
    a.setOpenSection('targetGroup');
    a.setFollowMe(true);
    a.setFollowStopped(true);
    a.setRefused({ reason: 'sectionLocked', sections: ['targetGroup'], fromCopy: false, lost: [] });
    expect(caseA.store.getState()).toMatchObject({ openSection: 'targetGroup', followMe: true, followStopped: true });
    caseA.dispose();
    // What arrives after the case closed (a late effect, a refusal settled late) is dropped.
    caseA.store.getState().setOpenSection('outcomes');
    caseA.store.setState({ followMe: false });
    expect(caseA.store.getState()).toMatchObject({ openSection: 'targetGroup', followMe: true });

    const caseB = openCaseState();
    expect(caseB.store).not.toBe(caseA.store);
    expect(caseB.store.getState()).toMatchObject({
      openSection: 'facts',
      followMe: false,
      followStopped: false,
      refused: null,
    });
  });

  it('two open stores do not share state', () => {
    const one = openCaseState();
    const two = openCaseState();
    one.store.getState().setFollowMe(true);
    expect(two.store.getState().followMe).toBe(false);
  });
});
