import { exampleCase, readWorkshop } from '@caseroom/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ExportWorkers } from './ExportWorkers.ts';
import type { ExportRequest } from './renderExport.ts';

function request(format: ExportRequest['format']): ExportRequest {
  return {
    format,
    lang: 'da',
    source: {
      caseId: 'case-1',
      source: 'current',
      now: new Date('2026-11-28T10:00:00Z'),
      model: exampleCase(),
      workshop: readWorkshop(new Y.Doc()),
      iterations: 500,
    },
  };
}

describe('ExportWorkers', () => {
  const logged: string[] = [];
  let workers: ExportWorkers | undefined;
  afterEach(async () => {
    await workers?.close();
    logged.length = 0;
  });

  it('renders in a worker thread; a failing export fails alone and the next one works', async () => {
    workers = new ExportWorkers((_level, message) => logged.push(message));
    const json = await workers.run(request('json'));
    expect(json.contentType).toBe('application/json; charset=utf-8');
    expect(JSON.parse(new TextDecoder().decode(json.bytes)).case.id).toBe('case-1');
    await expect(workers.run(request('docx' as never))).rejects.toThrow();
    const pdf = await workers.run(request('pdf'));
    expect(new TextDecoder().decode(pdf.bytes.slice(0, 5))).toBe('%PDF-');
  }, 60_000);

  it('fails a request that takes too long, and starts a fresh worker for the next', async () => {
    workers = new ExportWorkers((_level, message) => logged.push(message));
    await expect(workers.run(request('xlsx'), { timeoutMs: 1 })).rejects.toThrow(/longer than/);
    expect(logged).toContain('export timed out; restarting the export worker');
    expect((await workers.run(request('xlsx'))).bytes.length).toBeGreaterThan(1000);
  }, 60_000);

  it('refuses work once closed', async () => {
    workers = new ExportWorkers(() => {});
    await workers.close();
    await expect(workers.run(request('json'))).rejects.toThrow(/shutting down/);
  });
});
