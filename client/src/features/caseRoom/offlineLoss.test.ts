import { addItem, initCaseDoc, setField } from '@caseroom/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type OfflineLoss, type SyncSource, watchOfflineLoss } from './offlineLoss.ts';

const provider = { name: 'provider' };

/** A provider's sync state, switched by the test (the documents themselves are real). */
function syncState(initially: boolean): SyncSource & { set: (synced: boolean) => void } {
  const listeners = new Set<(synced: boolean) => void>();
  const state = {
    synced: initially,
    on: (_: 'sync', listener: (synced: boolean) => void) => listeners.add(listener),
    off: (_: 'sync', listener: (synced: boolean) => void) => listeners.delete(listener),
    set: (synced: boolean) => {
      state.synced = synced;
      for (const listener of listeners) listener(synced);
    },
  };
  return state;
}

/** Another replica of the same document. */
function replicaOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc), provider);
  return copy;
}

/** Two online replicas exchanging what the other lacks. */
function syncDocs(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), provider);
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), provider);
}

const localOrigin = { name: 'caseroom-local-edit' };

/**
 * A case with one outcome and one intervention, and two people in it: Anne (who goes offline)
 * and Bo (online). Anne's client id is the lower one, so where both set one entry at once,
 * Bo's value is the one Yjs keeps.
 */
function twoPeople() {
  const server = new Y.Doc();
  initCaseDoc(server);
  const outcome = addItem(server, 'outcome', 'o1', { persistence: 0.4 });
  // Names as plain strings and the definition as a Y.Text, whatever layout the builder writes
  // (a name is read in either form).
  outcome?.set('name', 'Job');
  outcome?.set('definition', new Y.Text('I job'));
  const anne = replicaOf(server);
  anne.clientID = 1;
  const bo = replicaOf(server);
  bo.clientID = 2;
  const item = (doc: Y.Doc) => (doc.getMap('outcomes').get('items') as Y.Map<Y.Map<unknown>>).get('o1')!;
  const sync = syncState(true);
  const reported: OfflineLoss[][] = [];
  const stop = watchOfflineLoss(anne, sync, (losses) => reported.push(losses));
  stops.push(stop);
  const edit = (doc: Y.Doc, change: () => void) => doc.transact(change, localOrigin);
  /** Anne's connection is back: the server's state arrives (Bo's edits), and hers goes out. */
  const reconnect = () => {
    Y.applyUpdate(anne, Y.encodeStateAsUpdate(bo, Y.encodeStateVector(anne)), provider);
    Y.applyUpdate(bo, Y.encodeStateAsUpdate(anne, Y.encodeStateVector(bo)), provider);
    sync.set(true);
  };
  return { anne, bo, item, sync, reported, edit, reconnect };
}

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

describe('offline values that did not stand (issue 11)', () => {
  it('names the number and the choice set offline that another person’s concurrent value replaced', () => {
    const { anne, bo, item, sync, reported, edit, reconnect } = twoPeople();
    sync.set(false);
    edit(anne, () => {
      setField(item(anne), 'persistence', 0.45);
      setField(item(anne), 'direction', 'higher');
    });
    edit(bo, () => setField(item(bo), 'persistence', 0.5));
    edit(bo, () => setField(item(bo), 'direction', 'lower'));
    reconnect();

    expect(item(anne).get('persistence')).toBe(0.5);
    expect(reported).toHaveLength(1);
    expect(reported[0]).toEqual([
      {
        section: 'outcomes',
        path: ['outcomes', 'o1', 'direction'],
        labelKey: 'outcome.direction',
        item: 'Job',
        mine: 'higher',
        now: 'lower',
      },
      {
        section: 'outcomes',
        path: ['outcomes', 'o1', 'persistence'],
        labelKey: 'outcome.persistence',
        item: 'Job',
        mine: 0.45,
        now: 0.5,
      },
    ]);
  });

  it('says nothing of a value set offline that stood, nor of fields only others set', () => {
    const { anne, bo, item, sync, reported, edit, reconnect } = twoPeople();
    sync.set(false);
    edit(anne, () => setField(item(anne), 'attribution', 0.8));
    edit(bo, () => setField(item(bo), 'persistence', 0.5));
    edit(bo, () => bo.getMap('facts').set('horizonYears', 12));
    reconnect();
    expect(item(anne).get('attribution')).toBe(0.8);
    expect(item(anne).get('persistence')).toBe(0.5);
    expect(reported).toEqual([]);
  });

  it('says nothing of texts: both people’s words are kept', () => {
    const { anne, bo, item, sync, reported, edit, reconnect } = twoPeople();
    sync.set(false);
    const problem = (doc: Y.Doc) => doc.getMap('problem').get('text') as Y.XmlFragment;
    edit(anne, () => {
      (item(anne).get('definition') as Y.Text).insert(5, ' i toget');
      problem(anne).insert(0, [new Y.XmlText('Offline.')]);
    });
    edit(bo, () => {
      (item(bo).get('definition') as Y.Text).insert(0, 'Fast ');
      problem(bo).insert(0, [new Y.XmlText('Online.')]);
    });
    reconnect();
    expect((item(anne).get('definition') as Y.Text).toString()).toBe('Fast I job i toget');
    expect(reported).toEqual([]);
  });

  it('counts only what was set while not in sync, and each loss once', () => {
    const { anne, bo, item, sync, reported, edit, reconnect } = twoPeople();
    // Online, Anne's value reaches Bo before he types: his later value replaces it openly.
    edit(anne, () => setField(item(anne), 'lagYears', 1));
    syncDocs(anne, bo);
    edit(bo, () => setField(item(bo), 'lagYears', 2));
    sync.set(false);
    edit(anne, () => setField(item(anne), 'persistence', 0.7));
    edit(bo, () => setField(item(bo), 'persistence', 0.6));
    reconnect();
    expect(reported.flat().map((loss) => loss.labelKey)).toEqual(['outcome.persistence']);
    // A second sync without new offline edits reports nothing again.
    sync.set(false);
    sync.set(true);
    expect(reported).toHaveLength(1);
  });

  it('names a department’s value by the department, and the chosen intervention by its name', () => {
    const { anne, bo, item, sync, reported, edit, reconnect } = twoPeople();
    edit(bo, () => {
      addItem(bo, 'department', 'd1', { level: 'municipal' })?.set('name', 'Jobcenter');
      addItem(bo, 'intervention', 'i1')?.set('name', 'IPS');
      addItem(bo, 'intervention', 'i2')?.set('name', 'Mentor');
    });
    syncDocs(anne, bo);
    sync.set(false);
    const values = (doc: Y.Doc) => item(doc).get('valuePerDepartment') as Y.Map<unknown>;
    edit(anne, () => {
      setField(values(anne), 'd1', 1000);
      setField(anne.getMap('interventions'), 'chosenId', 'i1');
    });
    edit(bo, () => {
      setField(values(bo), 'd1', 2000);
      setField(bo.getMap('interventions'), 'chosenId', 'i2');
    });
    reconnect();
    expect(reported[0]).toEqual([
      expect.objectContaining({ labelKey: 'interventions.chosenId', mine: 'IPS', now: 'Mentor' }),
      expect.objectContaining({
        labelKey: 'outcome.valuePerDepartment',
        path: ['outcomes', 'o1', 'valuePerDepartment', 'd1'],
        detail: 'Jobcenter',
        mine: 1000,
        now: 2000,
      }),
    ]);
  });

  it('a value cleared offline that another person set is a loss too', () => {
    const { anne, bo, item, sync, reported, edit, reconnect } = twoPeople();
    sync.set(false);
    edit(anne, () => setField(item(anne), 'persistence', undefined));
    edit(bo, () => setField(item(bo), 'persistence', 0.55));
    reconnect();
    expect(reported[0]).toEqual([expect.objectContaining({ labelKey: 'outcome.persistence', now: 0.55 })]);
    expect(reported[0]?.[0]?.mine).toBeUndefined();
  });
});
