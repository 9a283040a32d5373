import {
  asLayout1,
  describeChange,
  initCaseDoc,
  type ModelChange,
  migrateDocument,
  RefusalReason,
  setField,
  toModel,
} from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openCaseState } from './caseStore.ts';
import { captureRefusal, refusedChanges, settleOnSync } from './refusalSnapshot.ts';
import type { RefusedNotice } from './workshopViewSlice.ts';

const remote = { name: 'provider' };

/** A provider as `settleOnSync` sees it: a `synced` flag and its `sync` event. */
function fakeProvider() {
  const listeners = new Set<(synced: boolean) => void>();
  return {
    synced: false,
    on: (_name: 'sync', listener: (synced: boolean) => void) => listeners.add(listener),
    off: (_name: 'sync', listener: (synced: boolean) => void) => listeners.delete(listener),
    sync() {
      this.synced = true;
      for (const listener of [...listeners]) listener(true);
    },
  };
}

/** The server's case, and a browser's session loaded from it. */
function serverAndBrowser(): { server: Y.Doc; browser: Y.Doc } {
  const server = new Y.Doc();
  initCaseDoc(server);
  server.transact(() => setField(server.getMap('targetGroup'), 'name', 'Unge 15–24'));
  const browser = new Y.Doc();
  Y.applyUpdate(browser, Y.encodeStateAsUpdate(server), remote);
  return { server, browser };
}

/** The browser's edit that reaches the server (accepted). */
function accepted(server: Y.Doc, browser: Y.Doc, edit: () => void): void {
  const before = Y.encodeStateVector(browser);
  browser.transact(edit);
  Y.applyUpdate(server, Y.encodeStateAsUpdate(browser, before), remote);
}

/** A session reopened from the server after the refusal, as `CaseRoom` opens it. */
function reopened(server: Y.Doc): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(server), remote);
  return doc;
}

const lines = (changes: readonly ModelChange[]) => changes.map((change) => describeChange(change, 'en'));

describe('a truthful refusal notice (issue 11)', () => {
  it('lists what the refused update held, in the refused section only — not what the server kept', () => {
    const { server, browser } = serverAndBrowser();
    // Saved: the problem's owner field and a target group field edited before the refusal.
    accepted(server, browser, () => setField(browser.getMap('facts'), 'municipality', 'Holbæk'));
    accepted(server, browser, () => setField(browser.getMap('targetGroup'), 'eligiblePopulation', 400));
    // Refused: a change to the target group's name (say, the section was locked).
    browser.transact(() => setField(browser.getMap('targetGroup'), 'name', 'Sygedagpenge'));
    const capture = captureRefusal(
      { reason: RefusalReason.SectionLocked, sections: ['targetGroup'], fromCopy: false },
      browser,
    );
    // Someone else saves a change to the facts while this browser reopens the case.
    server.transact(() => setField(server.getMap('facts'), 'title', 'Sygedagpenge og psykisk sygdom'));
    const lost = refusedChanges(capture, toModel(reopened(server)));
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatchObject({
      kind: 'field',
      section: 'targetGroup',
      path: ['targetGroup', 'name'],
      after: 'Sygedagpenge',
    });
  });

  it('an edit in another section after the refusal never enters the list', () => {
    const { server, browser } = serverAndBrowser();
    browser.transact(() => setField(browser.getMap('targetGroup'), 'name', 'Sygedagpenge'));
    const capture = captureRefusal(
      { reason: RefusalReason.SectionLocked, sections: ['targetGroup'], fromCopy: false },
      browser,
    );
    const { store } = openCaseState();
    const notice: RefusedNotice = { ...capture.refusal, lost: [] };
    store.getState().setRefused(notice);
    const doc = reopened(new Y.Doc());
    const provider = fakeProvider();
    let settlements = 0;
    settleOnSync(capture, { doc, provider }, (lost) => {
      settlements++;
      store.getState().settleRefused(notice, lost);
    });
    // The fresh session's first sync brings the server's case: the notice settles.
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server), remote);
    provider.sync();
    const settled = lines(store.getState().refused?.lost ?? []);
    expect(settled).toHaveLength(1);
    expect(settled[0]).toContain('Sygedagpenge');
    // The person goes on: a saved edit to the facts, then to the target group, a reconnection.
    doc.transact(() => setField(doc.getMap('facts'), 'municipality', 'Holbæk'));
    doc.transact(() => setField(doc.getMap('targetGroup'), 'eligiblePopulation', 400));
    provider.sync();
    expect(lines(store.getState().refused?.lost ?? [])).toEqual(settled);
    expect(settlements).toBe(1);
    // Recomputed against the live case, as the notice once was, it would have grown.
    expect(refusedChanges({ ...capture, scope: [] }, toModel(doc)).length).toBeGreaterThan(1);
  });

  it('waits for the server’s case: an empty document does not settle the notice', () => {
    const { server, browser } = serverAndBrowser();
    browser.transact(() => setField(browser.getMap('targetGroup'), 'name', 'Sygedagpenge'));
    const capture = captureRefusal({ reason: RefusalReason.TextTooLong, sections: [], fromCopy: false }, browser);
    const doc = new Y.Doc();
    const provider = fakeProvider();
    provider.synced = true;
    const settled: ModelChange[][] = [];
    settleOnSync(capture, { doc, provider }, (lost) => settled.push(lost));
    expect(settled).toEqual([]);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server), remote);
    provider.sync();
    // A refusal naming no section (a change too large to send): whatever the server lacks.
    expect(settled).toHaveLength(1);
    expect(settled[0]?.map((change) => change.section)).toEqual(['targetGroup']);
  });

  it('a notice dismissed (or replaced) before it settles stays as the person left it', () => {
    const { store } = openCaseState();
    const first: RefusedNotice = {
      reason: RefusalReason.SectionLocked,
      sections: ['problem'],
      fromCopy: false,
      lost: [],
    };
    store.getState().setRefused(first);
    store.getState().setRefused(null);
    store
      .getState()
      .settleRefused(first, [{ kind: 'text', section: 'problem', path: ['text'], labelKey: 'problem.text' }]);
    expect(store.getState().refused).toBeNull();
  });

  it('an old offline copy’s text is listed even when the server’s upgrade won the merge (schemaOutdated)', () => {
    // Before the upgrade: a layout-1 case, and a browser's copy of it (a low client id).
    const before = new Y.Doc();
    before.clientID = 500;
    initCaseDoc(before);
    asLayout1(before);
    const copy = new Y.Doc();
    copy.clientID = 1;
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(before), remote);
    copy.transact(() => copy.getMap('targetGroup').set('name', 'Unge uden uddannelse')); // typed offline, as layout 1 writes it
    const copyModel = toModel(copy);
    // The server upgrades the case (its Y.Text replaces the string key, from a higher client id) …
    const server = new Y.Doc();
    server.clientID = 1000;
    Y.applyUpdate(server, Y.encodeStateAsUpdate(before), remote);
    migrateDocument(server);
    // … and the copy, reconnecting, merges it: the server's Y.Text wins, the string is gone.
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(server), remote);
    expect(toModel(copy).targetGroup.name).toBeUndefined();
    const refusal = { reason: RefusalReason.SchemaOutdated, sections: ['targetGroup'], fromCopy: true };
    const lost = refusedChanges(captureRefusal(refusal, copy, copyModel), toModel(reopened(server)));
    expect(lost).toEqual([expect.objectContaining({ path: ['targetGroup', 'name'], after: 'Unge uden uddannelse' })]);
    // Without the copy as it loaded, the text would not be listed; and another refusal never reads it.
    expect(refusedChanges(captureRefusal(refusal, copy), toModel(reopened(server)))).toEqual([]);
    const locked = { ...refusal, reason: RefusalReason.SectionLocked };
    expect(captureRefusal(locked, copy, copyModel).copyModel).toBeUndefined();
  });
});
