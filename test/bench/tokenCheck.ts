/**
 * What a token check costs a connection (docs/access.md A5): the websocket transport reads
 * `?token=` from the upgrade URL and runs AccessService.check twice (before loading the case
 * and again after, in case the link was rotated meanwhile). Each check is one SHA-256, a
 * constant-time compare and indexed SQLite reads (case, token, party). Measured here on a
 * real SQLite store (openSqliteStores) with 200 cases × 5 parties (1,000 live and 200 revoked
 * tokens). The stores are asynchronous (issue 14): the cost measured includes awaiting them.
 * `tsx test/bench/tokenCheck.ts` runs it alone; sync.bench.ts prints it with the sync benchmark.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AccessService, openSqliteStores, silentLog } from '@caseroom/server';
import * as Y from 'yjs';

/** Microseconds per connection (two checks), mean and p99 over batches, and the refusal path. */
export type TokenCheckCost = {
  perConnectionMeanUs: number;
  perConnectionP99Us: number;
  refusalUs: number;
  checks: number;
};

/** Runs the measurement (about a second). */
export async function measureTokenCheck(): Promise<TokenCheckCost> {
  const dir = mkdtempSync(join(tmpdir(), 'caseroom-bench-access-'));
  const stores = await openSqliteStores(dir);
  try {
    const access = new AccessService(stores, { log: silentLog });
    const links: { caseId: string; token: string }[] = [];
    const state = Y.encodeStateAsUpdate(new Y.Doc());
    for (let c = 0; c < 200; c++) {
      const caseId = `bench-case-${c}`;
      const { founder, token } = access.founder(caseId);
      await stores.cases.create({
        id: caseId,
        createdAt: c,
        initialState: state,
        summary: { title: undefined, municipality: undefined, phase: undefined },
        founder,
      });
      links.push({ caseId, token });
      for (let p = 0; p < 4; p++) {
        const invited = await access.invite(caseId, { name: `Part ${p}`, kind: 'department', role: 'editor' });
        links.push({ caseId, token: (await access.rotate(caseId, invited.party.id))?.token ?? invited.token });
      }
    }
    const urls = links.map(({ caseId, token }) => ({ caseId, url: `/ws/${caseId}?token=${token}` }));
    const tokenOf = (url: string) => new URLSearchParams(url.split('?')[1]).get('token') ?? undefined;
    const connect = async (i: number) => {
      const { caseId, url } = urls[i % urls.length]!;
      const token = tokenOf(url);
      if (!(await access.check(caseId, token)).ok || !(await access.check(caseId, token)).ok) {
        throw new Error('bench token refused');
      }
    };
    for (let i = 0; i < 2_000; i++) await connect(i); // warm-up
    const batchSize = 500;
    const batches: number[] = [];
    for (let b = 0; b < 40; b++) {
      const start = performance.now();
      for (let i = 0; i < batchSize; i++) await connect(b * batchSize + i);
      batches.push(((performance.now() - start) * 1000) / batchSize);
    }
    batches.sort((a, b) => a - b);
    const refusalStart = performance.now();
    for (let i = 0; i < 5_000; i++) {
      if ((await access.check(links[i % links.length]!.caseId, `cr1_${'x'.repeat(43)}`)).ok) {
        throw new Error('bench unknown token admitted');
      }
    }
    const refusalUs = ((performance.now() - refusalStart) * 1000) / 5_000;
    return {
      perConnectionMeanUs: batches.reduce((sum, value) => sum + value, 0) / batches.length,
      perConnectionP99Us: batches[Math.floor(batches.length * 0.99)] ?? Number.NaN,
      refusalUs,
      checks: 2 * 40 * batchSize,
    };
  } finally {
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One line for the benchmark output. */
export function formatTokenCheck(cost: TokenCheckCost): string {
  const ms = (us: number) => (us / 1000).toFixed(3);
  return `Token check per connection (2 checks, SQLite, 1,000 live tokens): mean ${ms(cost.perConnectionMeanUs)} ms, p99 of batches ${ms(cost.perConnectionP99Us)} ms (target < 1 ms); an unknown token ${ms(cost.refusalUs)} ms`;
}

// Run directly (`tsx test/bench/tokenCheck.ts`): the measurement alone.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatTokenCheck(await measureTokenCheck()));
}
