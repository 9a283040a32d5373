import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exampleCase } from '../example/exampleCase.ts';
import { makeCaseDoc } from '../testing/docs.ts';
import { toModel } from '../ydoc/toModel.ts';
import { writeModel } from '../ydoc/writeModel.ts';
import { ensureWorkshop, readWorkshop, requiredSignerNames, WORKSHOP, WORKSHOP_MAPS, workshopChild } from './record.ts';

describe('[W1] the workshop record', () => {
  it('a new case has the workshop map, its nested maps and phase 1 (not facts.phase)', () => {
    const doc = makeCaseDoc();
    for (const key of WORKSHOP_MAPS) expect(workshopChild(doc, key)).toBeInstanceOf(Y.Map);
    expect(doc.getMap('facts').has('phase')).toBe(false);
    expect(toModel(doc).facts.phase).toBe(1);
    expect(readWorkshop(doc)).toEqual({
      phase: 1,
      locks: {},
      timer: { status: 'idle', serverNow: 0 },
      votes: {},
      decisions: {},
      signoffs: {},
      requiredSigners: [],
    });
  });

  it("writeModel puts the model's phase into workshop.phase", () => {
    const doc = makeCaseDoc();
    writeModel(doc, exampleCase());
    expect(doc.getMap(WORKSHOP).get('phase')).toBe(2);
    expect(doc.getMap('facts').has('phase')).toBe(false);
    expect(toModel(doc).facts.phase).toBe(2);
  });

  it('an older case moves facts.phase into workshop.phase once; a later facts.phase is ignored', () => {
    const doc = new Y.Doc();
    doc.getMap('facts').set('phase', 3);
    expect(toModel(doc).facts.phase).toBe(3);
    expect(ensureWorkshop(doc)).toBe(true);
    expect(doc.getMap(WORKSHOP).get('phase')).toBe(3);
    expect(doc.getMap('facts').has('phase')).toBe(false);
    expect(ensureWorkshop(doc)).toBe(false);
    doc.getMap('facts').set('phase', 1);
    expect(toModel(doc).facts.phase).toBe(3);
  });

  it('reads forgivingly: entries that do not parse are left out', () => {
    const doc = makeCaseDoc();
    doc.transact(() => {
      workshopChild(doc, 'locks')?.set('problem', {
        partyId: 'f',
        partyName: 'Facilitator',
        at: '2026-11-28T10:00:00Z',
      });
      workshopChild(doc, 'locks')?.set('notASection', { partyId: 'f', partyName: 'F', at: 'x' });
      workshopChild(doc, 'signoffs')?.set('p1', { hash: 'h' });
      workshopChild(doc, 'requiredSigners')?.set('p2', true);
      doc.getMap(WORKSHOP).set('timer', { status: 'running', endsAt: 10, durationMs: 5, serverNow: 5 });
    });
    const record = readWorkshop(doc);
    expect(Object.keys(record.locks)).toEqual(['problem']);
    expect(record.signoffs).toEqual({});
    expect(record.requiredSigners).toEqual(['p2']);
    expect(record.timer).toEqual({ status: 'running', endsAt: 10, durationMs: 5, serverNow: 5 });
  });

  it('[W10] required signers carry their party name; the old `true` value still reads as required', () => {
    const doc = makeCaseDoc();
    doc.transact(() => {
      workshopChild(doc, 'requiredSigners')?.set('old', true);
      workshopChild(doc, 'requiredSigners')?.set('p1', { partyName: 'Jobcenter Holbæk' });
      workshopChild(doc, 'requiredSigners')?.set('bad', { partyName: 3 });
    });
    expect(readWorkshop(doc).requiredSigners.sort()).toEqual(['old', 'p1']);
    expect(requiredSignerNames(doc)).toEqual({ p1: 'Jobcenter Holbæk' });
  });
});
