import type { AddressInfo } from 'node:net';
import { encodeRefusal, MESSAGE_REFUSED, type Refusal, RefusalReason, RICH_TEXT_BOUND } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { da } from '../../../i18n/da.ts';
import { en } from '../../../i18n/en.ts';
import { labelKeyOfPath } from './refusedField.ts';
import {
  explainRefusal,
  isOutdated,
  keptTexts,
  MESSAGE_TOO_BIG,
  refusedMessageHandler,
  storageSize,
} from './refusedMessage.ts';

/**
 * What the provider's handler hands on, given these frames from a real websocket server: a
 * real y-websocket provider reads each frame and dispatches type 100 to `refusedMessageHandler`.
 */
async function refusalsReceived(frames: Uint8Array[]): Promise<Refusal[]> {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  server.on('connection', (socket) => {
    for (const frame of frames) socket.send(frame);
  });
  const { port } = server.address() as AddressInfo;
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/ws`, 'case-1', new Y.Doc(), {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const received: Refusal[] = [];
  provider.messageHandlers[MESSAGE_REFUSED] = refusedMessageHandler((refusal) => received.push(refusal));
  try {
    const deadline = Date.now() + 5000;
    while (received.length < frames.length) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return received;
  } finally {
    provider.destroy();
    server.close();
  }
}

describe('refusedMessageHandler (message type 100)', () => {
  it('hands the notice what the server encoded, bound path and limit included', async () => {
    const refusals: Refusal[] = [
      { reason: RefusalReason.TextTooLong, sections: ['outcomes'], path: 'outcomes/items/a1/name', limit: 200 },
      { reason: RefusalReason.SectionLocked, sections: ['problem', 'facts'] },
      { reason: RefusalReason.QuotaExceeded, sections: [], limit: 64 * 1024 * 1024 },
    ];
    expect(await refusalsReceived(refusals.map(encodeRefusal))).toEqual(refusals);
  });

  it('hands on a body it cannot read as an unexplained refusal naming no section', async () => {
    const notJson = new Uint8Array([MESSAGE_REFUSED, 3, 0x6e, 0x6f, 0x21]);
    expect(await refusalsReceived([notJson])).toEqual([{ reason: 'other', sections: [] }]);
  });
});

describe('labelKeyOfPath: a document path to its field label', () => {
  it.each([
    ['facts/title', 'facts.title'],
    ['problem/text', 'problem.text'],
    ['facts/partners/authority', 'facts.partners.authority'],
    ['targetGroup/intake/3', 'targetGroup.intake'],
    ['targetGroup/eligibility', 'targetGroup.eligibility'],
    ['outcomes/items/a1/definition', 'outcome.definition'],
    ['outcomes/items/a1/sources/expectedRate', 'outcome.sources'],
    ['outcomes/items/a1/valuePerDepartment', 'outcome.valuePerDepartment'],
    ['outcomes/items', 'outcomes'],
    ['interventions/candidates/c1/description', 'intervention.description'],
    ['interventions/candidates', 'interventions.candidates'],
    ['facts/departments/d1/name', 'department.name'],
    ['evaluation/signatories/s1/organisation', 'signatory.organisation'],
    ['paymentModel/payerShares', 'paymentModel.payerShares'],
  ])('%s → %s', (path, key) => {
    expect(labelKeyOfPath(path)).toBe(key);
  });

  it('has no label for a path it does not know', () => {
    expect(labelKeyOfPath('facts/somethingNew')).toBeUndefined();
    expect(labelKeyOfPath('')).toBeUndefined();
  });
});

describe('explainRefusal (W2, W9, bounds of issue 9)', () => {
  it('names a refused comment write as comments, with the comment form as the way to write one', () => {
    const refusal = { reason: 'workshopIsServerOnly', sections: ['comments'] };
    expect(explainRefusal(refusal, da, 'da')).toEqual({
      title: da.workshop.refused.title,
      reason: da.workshop.refused.reasons.commentsAreServerOnly,
      sectionNames: 'Kommentarer',
    });
    expect(explainRefusal(refusal, en, 'en').sectionNames).toBe('Comments');
  });

  it('keeps the workshop reason when the workshop record was touched, and names sections by title', () => {
    const both = explainRefusal({ reason: 'workshopIsServerOnly', sections: ['comments', 'workshop'] }, da, 'da');
    expect(both.reason).toBe(da.workshop.refused.reasons.workshopIsServerOnly);
    expect(both.sectionNames).toBe(`Kommentarer, ${da.workshop.bar.label}`);
    const locked = explainRefusal({ reason: 'sectionLocked', sections: ['facts', 'outcomes'] }, en, 'en');
    expect(locked).toEqual({
      title: en.workshop.refused.title,
      reason: en.workshop.refused.reasons.sectionLocked,
      sectionNames: `${en.sections.facts.title}, ${en.sections.outcomes.title}`,
    });
  });

  it('names the field and the limit of a text over its bound, in Danish number format', () => {
    const refusal = {
      reason: RefusalReason.TextTooLong,
      sections: ['outcomes'],
      path: 'outcomes/items/x/name',
      limit: 2000,
    };
    expect(explainRefusal(refusal, da, 'da').reason).toBe(
      'Teksten i »Resultatmålets navn« må højst være 2.000 tegn lang.',
    );
    expect(explainRefusal(refusal, en, 'en').reason).toBe(
      'The text in “Outcome name” can be at most 2.000 characters long.',
    );
    const title = { reason: RefusalReason.TextTooLong, sections: ['facts'], path: 'facts/title', limit: 200 };
    expect(explainRefusal(title, da, 'da').reason).toBe('Teksten i »Titel« må højst være 200 tegn lang.');
  });

  it('tells which bound of a rich text was passed: characters, parts or nesting', () => {
    const base = { reason: RefusalReason.RichTextTooLarge, sections: ['problem'], path: 'problem/text' };
    expect(explainRefusal({ ...base, limit: RICH_TEXT_BOUND.maxChars }, da, 'da').reason).toBe(
      'Teksten i »Problembeskrivelse« må højst være 100.000 tegn lang.',
    );
    expect(explainRefusal({ ...base, limit: RICH_TEXT_BOUND.maxNodes }, da, 'da').reason).toBe(
      'Teksten i »Problembeskrivelse« må højst have 5.000 afsnit, punkter og andre dele.',
    );
    expect(explainRefusal({ ...base, limit: RICH_TEXT_BOUND.maxDepth }, en, 'en').reason).toBe(
      'The text in “Problem definition” can have at most 16 levels of lists within lists or quotes within quotes.',
    );
    expect(explainRefusal({ ...base, limit: 2000 }, da, 'da').reason).toBe(
      'Teksten i »Problembeskrivelse« er blevet for stor.',
    );
    const description = { ...base, sections: ['interventions'], path: 'interventions/candidates/c/description' };
    expect(explainRefusal({ ...description, limit: RICH_TEXT_BOUND.maxNodes }, en, 'en').reason).toContain(
      '“Description”',
    );
  });

  it('says how many entries a list may have: the case lists by their own word, other maps generically', () => {
    const outcomes = { reason: RefusalReason.ListTooLong, sections: ['outcomes'], path: 'outcomes/items', limit: 100 };
    expect(explainRefusal(outcomes, da, 'da').reason).toBe('Der kan højst være 100 resultatmål.');
    expect(explainRefusal(outcomes, en, 'en').reason).toBe('There can be at most 100 outcome targets.');
    const departments = { ...outcomes, sections: ['facts'], path: 'facts/departments', limit: 50 };
    expect(explainRefusal(departments, da, 'da').reason).toBe('Der kan højst være 50 forvaltninger.');
    const intake = { ...outcomes, sections: ['targetGroup'], path: 'targetGroup/intake', limit: 50 };
    expect(explainRefusal(intake, da, 'da').reason).toBe('»Optag pr. år« kan højst have 50 poster.');
    const values = { ...outcomes, path: 'outcomes/items/o1/valuePerDepartment', limit: 1000 };
    expect(explainRefusal(values, en, 'en').reason).toBe(
      '“Value per achieved outcome” can have at most 1.000 entries.',
    );
  });

  it('names the case storage quota in megabytes and that the facilitator can tidy up', () => {
    const quota = { reason: RefusalReason.QuotaExceeded, sections: ['facts'], limit: 64 * 1024 * 1024 };
    expect(explainRefusal(quota, da, 'da').reason).toBe(
      'Sagen har brugt hele sin lagerplads (64 MB). Facilitatoren kan rydde op i sagen, så der bliver plads igen.',
    );
    expect(storageSize(1_572_864)).toBe('1,5 MB');
    expect(storageSize(1000)).toBe('1 kB');
  });

  it('explains inconsistent, foreign-client and too-large changes', () => {
    expect(explainRefusal({ reason: RefusalReason.Inconsistent, sections: [] }, da, 'da').reason).toBe(
      da.workshop.refused.reasons.inconsistent,
    );
    const foreign = explainRefusal({ reason: RefusalReason.ForeignClient, sections: [] }, da, 'da');
    expect(foreign.reason).toContain('under en anden deltagers navn');
    expect(foreign.reason).toContain('Genindlæs siden');
    expect(explainRefusal({ reason: MESSAGE_TOO_BIG, sections: [] }, en, 'en').reason).toBe(
      'Your change was too large to be sent.',
    );
    expect(explainRefusal({ reason: RefusalReason.UpdateTooLarge, sections: [], limit: 10_000 }, da, 'da').reason).toBe(
      'Din ændring var for stor til at blive sendt.',
    );
  });

  it('falls back to the general refusal for an unknown reason, or a bound without its field', () => {
    expect(explainRefusal({ reason: 'somethingNew', sections: [] }, da, 'da')).toEqual({
      title: da.workshop.refused.title,
      reason: da.workshop.refused.reasons.other,
      sectionNames: '',
    });
    expect(explainRefusal({ reason: RefusalReason.TextTooLong, sections: [] }, da, 'da').reason).toBe(
      da.workshop.refused.reasons.other,
    );
    // A path the client does not know yet is named by its section.
    const unknown = { reason: RefusalReason.TextTooLong, sections: ['facts'], path: 'facts/newField', limit: 10 };
    expect(explainRefusal(unknown, da, 'da').reason).toBe('Teksten i »Fakta« må højst være 10 tegn lang.');
  });

  it('does not blame the person for what the offline copy replayed (item 8)', () => {
    const replayed = { reason: RefusalReason.WorkshopIsServerOnly, sections: ['workshop'], fromCopy: true };
    const explained = explainRefusal(replayed, da, 'da');
    expect(explained.title).toBe(da.workshop.refused.titleFromCopy);
    expect(explained.reason).toBe(da.workshop.refused.reasons.fromCopy);
    expect(explained.reason).not.toBe(da.workshop.refused.reasons.workshopIsServerOnly);
    expect(explainRefusal({ ...replayed, reason: RefusalReason.ForeignClient }, en, 'en').reason).toBe(
      en.workshop.refused.reasons.fromCopy,
    );
    // Offline edits of an earlier session refused for a lock: the copy's, and the lock is the reason.
    const locked = explainRefusal({ reason: 'sectionLocked', sections: ['facts'], fromCopy: true }, da, 'da');
    expect(locked).toEqual({
      title: da.workshop.refused.titleFromCopy,
      reason: da.workshop.refused.reasons.sectionLocked,
      sectionNames: 'Fakta',
    });
  });
});

describe('a write for an older Caseroom (schemaOutdated, issue 11)', () => {
  const refusal = {
    reason: RefusalReason.SchemaOutdated,
    sections: ['outcomes'],
    path: 'outcomes/items/o1/definition',
  };

  it('says "reload" in both languages, even when the offline copy sent it', () => {
    expect(isOutdated(refusal)).toBe(true);
    expect(explainRefusal(refusal, da, 'da').title).toBe('Caseroom er blevet opdateret — genindlæs siden');
    expect(explainRefusal({ ...refusal, fromCopy: true }, en, 'en').title).toBe(
      'Caseroom was updated — reload the page',
    );
    expect(explainRefusal(refusal, en, 'en').reason).toBe(en.workshop.refused.reasons.schemaOutdated);
    expect(isOutdated({ reason: RefusalReason.TextTooLong, sections: [] })).toBe(false);
  });

  it('keeps the person’s own texts whole, and only texts', () => {
    const long = 'Borgeren er i job eller uddannelse 12 måneder efter start. '.repeat(10);
    const texts = keptTexts([
      {
        kind: 'field',
        section: 'outcomes',
        path: ['o1', 'definition'],
        labelKey: 'outcome.definition',
        before: 'x',
        after: long,
      },
      {
        kind: 'field',
        section: 'outcomes',
        path: ['o1', 'baselineRate'],
        labelKey: 'outcome.baselineRate',
        before: 0.1,
        after: 0.2,
      },
      {
        kind: 'field',
        section: 'outcomes',
        path: ['o1', 'name'],
        labelKey: 'outcome.name',
        before: 'x',
        after: undefined,
      },
    ]);
    expect(texts).toEqual([long]);
  });
});
