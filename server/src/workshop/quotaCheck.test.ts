import { ensureWorkshop, workshopMap } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { entryBytes, type QuotaDocument, refuseOverQuota } from './quotaCheck.ts';

/** A case document with `used` of `quota` bytes stored, counting the refusals it is told of. */
function makeDocument(used: number, quota: number) {
  const doc = new Y.Doc();
  ensureWorkshop(doc);
  const document = { doc, storageUsed: used, storageQuota: quota, refusals: 0, noteQuotaRefusal: () => {} };
  document.noteQuotaRefusal = () => {
    document.refusals++;
  };
  return document satisfies QuotaDocument;
}

describe('refuseOverQuota (issue 9)', () => {
  it('lets a change through while it fits below the quota', () => {
    const document = makeDocument(900, 1000);
    expect(refuseOverQuota(document, 100)).toBeUndefined();
    expect(document.refusals).toBe(0);
  });

  it('refuses at the quota and when the change would pass it, with storageFull, and marks the quota full', () => {
    for (const [used, added] of [
      [1000, 1],
      [1200, 1],
      [950, 51],
    ]) {
      const document = makeDocument(used!, 1000);
      expect(refuseOverQuota(document, added!)).toMatchObject({
        ok: false,
        status: 507,
        code: 'storageFull',
        details: { usedBytes: used, quotaBytes: 1000 },
      });
      expect(document.refusals).toBe(1);
    }
  });

  it('refuses while the room’s notice says full (an edit was refused), even below the quota', () => {
    const document = makeDocument(500, 1000);
    workshopMap(document.doc)?.set('storage', { level: 'full', usedBytes: 990, quotaBytes: 1000 });
    expect(refuseOverQuota(document, 10)).toMatchObject({ code: 'storageFull' });
    workshopMap(document.doc)?.set('storage', { level: 'warn', usedBytes: 900, quotaBytes: 1000 });
    expect(refuseOverQuota(document, 10)).toBeUndefined();
  });

  it('estimates at least the UTF-8 bytes of the value', () => {
    const text = 'æøå'.repeat(100);
    expect(entryBytes('id', { text })).toBeGreaterThan(Buffer.byteLength(text));
  });
});
