import { type ExportFormat, exampleCase, readWorkshop } from '@caseroom/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ExchangeJobFailed, ExchangeUnavailable, ExchangeWorkers } from './ExchangeWorkers.ts';
import type { ExchangeJob } from './exchangeWorker.ts';

function exportJob(format: ExportFormat): Extract<ExchangeJob, { kind: 'export' }> {
  return {
    kind: 'export',
    request: {
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
    },
  };
}

describe('ExchangeWorkers', () => {
  const logged: string[] = [];
  let workers: ExchangeWorkers | undefined;
  const log = (_level: string, message: string) => void logged.push(message);
  afterEach(async () => {
    await workers?.close();
    logged.length = 0;
  });

  it('renders exports and parses imports in a worker thread; a failing job fails alone as ExchangeJobFailed', async () => {
    workers = new ExchangeWorkers(log);
    const json = await workers.run(exportJob('json'));
    expect(json.contentType).toBe('application/json; charset=utf-8');
    const text = new TextDecoder().decode(json.bytes);
    expect(JSON.parse(text).case.id).toBe('case-1');
    await expect(workers.run(exportJob('odt' as never))).rejects.toBeInstanceOf(ExchangeJobFailed);
    // The contract annex (issue 15) renders in the worker too: a ZIP package.
    const docx = await workers.run(exportJob('docx'));
    expect(new TextDecoder().decode(docx.bytes.slice(0, 2))).toBe('PK');
    const pdf = await workers.run(exportJob('pdf'));
    expect(new TextDecoder().decode(pdf.bytes.slice(0, 5))).toBe('%PDF-');
    const parsed = await workers.run({ kind: 'import', text, maxBytes: 1_000_000 });
    expect(parsed.ok && parsed.model.facts.title).toBe(exampleCase().facts.title);
    const refused = await workers.run({ kind: 'import', text: text.slice(0, 100), maxBytes: 1_000_000 });
    expect(refused.ok).toBe(false);
  }, 60_000);

  it('runs jobs one at a time in order; a job that overruns fails alone and the queue goes on in a fresh worker', async () => {
    workers = new ExchangeWorkers(log);
    await workers.run(exportJob('json')); // the worker is up
    const slow = workers.run(exportJob('xlsx'), { timeoutMs: 1 });
    const queued = [workers.run(exportJob('json')), workers.run(exportJob('pdf'))];
    await expect(slow).rejects.toBeInstanceOf(ExchangeUnavailable);
    expect(logged).toContain('exchange job timed out; restarting the worker');
    // The waiting jobs' own time limits started only when the worker took them: both succeed.
    const done = await Promise.all(queued);
    expect(done.map((file) => file.filename.split('.').at(-1))).toEqual(['json', 'pdf']);
  }, 60_000);

  it('refuses more waiting jobs than it keeps, and work once closed', async () => {
    workers = new ExchangeWorkers(log, { maxWaiting: 1 });
    const first = workers.run(exportJob('json')); // taken by the worker at once
    const second = workers.run(exportJob('json')); // waits
    await expect(workers.run(exportJob('json'))).rejects.toBeInstanceOf(ExchangeUnavailable);
    await Promise.all([first, second]);
    await workers.close();
    await expect(workers.run(exportJob('json'))).rejects.toThrow(/shutting down/);
  }, 60_000);

  it('fails the running and the waiting jobs when it closes', async () => {
    workers = new ExchangeWorkers(log);
    const outcomes = Promise.allSettled([workers.run(exportJob('pdf')), workers.run(exportJob('pdf'))]);
    await workers.close();
    for (const outcome of await outcomes) {
      expect(outcome.status).toBe('rejected');
      expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(ExchangeUnavailable);
    }
  }, 60_000);
});
