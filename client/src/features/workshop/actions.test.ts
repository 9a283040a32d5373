import { type Party, readWorkshop, type Vote, type WorkshopRecord } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openCaseState } from '../../caseState/caseStore.ts';
import { da } from '../../i18n/da.ts';
import { en } from '../../i18n/en.ts';
import { type ActionName, actionsForRole, judge, labelOf, perform, WORKSHOP_ACTIONS } from './actions.ts';

const party = (role: Party['role'], id = `${role}-1`): Party => ({ id, name: `The ${role}`, kind: 'other', role });
const facilitator = party('facilitator');
const editor = party('editor');
const observer = party('observer');

/** A workshop record as read from an empty case, with overrides. */
function makeWorkshop(overrides: Partial<WorkshopRecord> = {}): WorkshopRecord {
  return { ...readWorkshop(new Y.Doc()), ...overrides };
}

const FACILITATOR_ONLY: ActionName[] = [
  'phase.move',
  'lock.toggle',
  'timer.start',
  'timer.pause',
  'timer.resume',
  'timer.add',
  'follow.lead',
  'vote.open',
  'vote.reveal',
  'vote.decide',
  'decision.add',
  'signoff.requiredSigners',
  'snapshot.create',
  'snapshot.restore',
  'storage.tidy',
];

describe('the workshop action table', () => {
  it('gives an observer no controls but stepping out of following', () => {
    expect(actionsForRole(observer)).toEqual(['follow.step']);
  });

  it('gives an editor their own ballot and signature (and a colleague’s on the same link) on top', () => {
    expect(actionsForRole(editor)).toEqual(['follow.step', 'vote.ballot', 'signoff.sign', 'signoff.cosign']);
  });

  it('gives the facilitator every action', () => {
    const all = Object.keys(WORKSHOP_ACTIONS) as ActionName[];
    expect(actionsForRole(facilitator)).toEqual(all);
    expect(all.filter((name) => !actionsForRole(editor).includes(name)).sort()).toEqual([...FACILITATOR_ONLY].sort());
  });

  it('gives a person whose role is not known yet nothing, and says why', () => {
    expect(actionsForRole(undefined)).toEqual([]);
    expect(judge('vote.reveal', { me: undefined, workshop: makeWorkshop() }, { voteId: 'v' })).toEqual({
      shown: false,
      why: 'roleUnknown',
    });
  });

  it('hides a facilitator action from an editor with the reason, in Danish and English', () => {
    const verdict = judge('phase.move', { me: editor, workshop: makeWorkshop() }, { phase: 2 });
    expect(verdict).toEqual({ shown: false, why: 'facilitatorOnly' });
    expect(da.workshop.actions.why.facilitatorOnly).toBe('Kun facilitatoren kan gøre dette.');
    expect(en.workshop.actions.why.facilitatorOnly).toBe('Only the facilitator can do this.');
  });

  it('shows a ballot without dots left as disabled, saying why', () => {
    const vote: Vote = {
      list: 'interventions',
      itemIds: ['a', 'b'],
      votesPerPerson: 2,
      status: 'open',
      openedAt: '2026-01-01T10:00:00.000Z',
    };
    const workshop = makeWorkshop({ votes: { v1: vote } });
    expect(judge('vote.ballot', { me: editor, workshop }, { voteId: 'v1', itemIds: ['a', 'b'] })).toEqual({
      shown: true,
    });
    const full = judge('vote.ballot', { me: editor, workshop }, { voteId: 'v1', itemIds: ['a', 'b', 'a'] });
    expect(full).toEqual({ shown: true, why: 'noDotsLeft' });
    expect(judge('vote.ballot', { me: observer, workshop }, { voteId: 'v1', itemIds: [] }).shown).toBe(false);
    // Only an open vote takes ballots and can be revealed; a revealed one can be decided.
    expect(judge('vote.reveal', { me: facilitator, workshop }, { voteId: 'v1' })).toEqual({ shown: true });
    expect(judge('vote.reveal', { me: facilitator, workshop }, { voteId: 'nope' })).toEqual({
      shown: false,
      why: 'voteNotOpen',
    });
    const decide = { voteId: 'v1', itemId: 'a', itemName: 'A', text: 'A' };
    expect(judge('vote.decide', { me: facilitator, workshop }, decide)).toEqual({
      shown: false,
      why: 'voteNotRevealed',
    });
  });

  it('lets a required editor sign once per version, and tells others why not', () => {
    const asked = makeWorkshop({ requiredSigners: [editor.id] });
    expect(judge('signoff.sign', { me: editor, workshop: asked }, { hash: 'h1' })).toEqual({ shown: true });
    expect(judge('signoff.sign', { me: party('editor', 'other'), workshop: asked }, { hash: 'h1' })).toEqual({
      shown: false,
      why: 'notRequired',
    });
    const signed = makeWorkshop({
      requiredSigners: [editor.id],
      signoffs: { [editor.id]: { hash: 'h1', at: '2026-01-01T10:00:00.000Z', partyName: editor.name } },
    });
    expect(judge('signoff.sign', { me: editor, workshop: signed }, { hash: 'h1' })).toEqual({
      shown: false,
      why: 'alreadySigned',
    });
    // The content changed since: signing the new version is open again.
    expect(judge('signoff.sign', { me: editor, workshop: signed }, { hash: 'h2' })).toEqual({ shown: true });
    // Co-signing (issue 15) is the other way round: only once the party has signed this version.
    expect(judge('signoff.cosign', { me: editor, workshop: signed }, { hash: 'h1' })).toEqual({ shown: true });
    expect(judge('signoff.cosign', { me: editor, workshop: signed }, { hash: 'h2' })).toEqual({
      shown: false,
      why: 'notSignedYet',
    });
    expect(judge('signoff.cosign', { me: party('editor', 'other'), workshop: signed }, { hash: 'h1' })).toEqual({
      shown: false,
      why: 'notRequired',
    });
  });

  it('offers the timer controls that fit the countdown, and no move to the current phase', () => {
    const context = { me: facilitator, workshop: makeWorkshop() };
    const shown = (name: ActionName, status: 'idle' | 'running' | 'paused') =>
      judge(name, context, { status, seconds: 60 } as never).shown;
    expect(
      ['timer.start', 'timer.pause', 'timer.resume', 'timer.add'].filter((n) => shown(n as ActionName, 'idle')),
    ).toEqual(['timer.start']);
    expect(
      ['timer.start', 'timer.pause', 'timer.resume', 'timer.add'].filter((n) => shown(n as ActionName, 'running')),
    ).toEqual(['timer.pause', 'timer.add']);
    expect(judge('phase.move', context, { phase: context.workshop.phase })).toEqual({
      shown: false,
      why: 'currentPhase',
    });
  });

  it('labels each action from the messages', () => {
    expect(labelOf('timer.add', da, { status: 'running', seconds: 300 })).toBe(da.workshop.timer.addFive);
    expect(labelOf('lock.toggle', en, { section: 'facts', title: 'Facts', locked: true })).toBe(
      en.workshop.locks.unlockSection('Facts'),
    );
  });

  it('performs a UI-only action on the case store', async () => {
    const caseState = openCaseState();
    const target = { call: { caseId: 'c', token: 't' }, store: caseState.store };
    expect((await perform('follow.lead', target, { on: true })).ok).toBe(true);
    expect(caseState.store.getState().followMe).toBe(true);
    await perform('follow.step', target, { stop: true, leading: true });
    expect(caseState.store.getState().followStopped).toBe(true);
    caseState.dispose();
  });
});
