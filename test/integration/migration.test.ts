import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { initCaseDoc, sectionMap, toModel, writeShortText } from '@caseroom/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  bearer,
  connectSynced,
  createCase,
  makeTempDataDir,
  type NodeClient,
  openTestStores,
  type ServerProcess,
  spawnServerProcess,
  startTestServer,
  type TestServer,
} from '../support/server.ts';

/** Writes a case straight into the store, as a data dir from before access existed has them (no parties). */
async function writeOldCase(dataDir: string, id: string, title: string): Promise<void> {
  const stores = await openTestStores(dataDir);
  try {
    const doc = new Y.Doc();
    initCaseDoc(doc, { startYear: 2025, priceYear: 2025 });
    doc.transact(() => writeShortText(sectionMap(doc, 'facts')!, 'title', title));
    await stores.cases.create({
      id,
      createdAt: 1_700_000_000_000,
      initialState: Y.encodeStateAsUpdate(doc),
      summary: { title, municipality: undefined, phase: undefined },
    });
  } finally {
    await stores.close();
  }
}

const LINK = /^Facilitator link for "(.*)": (http:\/\/[^/]+)\/case\/([A-Za-z0-9_-]+)#token=(cr1_[A-Za-z0-9_-]{43})$/;

/** Where the adopted cases' facilitator links go: an owner-only file in the data directory. */
function linksFile(dataDir: string): string {
  return join(dataDir, 'facilitator-links.txt');
}

/** The link lines of the links file (comment lines skipped). */
function readLinkLines(dataDir: string): string[] {
  return readFileSync(linksFile(dataDir), 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** docs/access.md A11: cases from before access get a facilitator, whose link is written once to an owner-only file. */
describe('[A11] cases from before access existed', () => {
  const clients: NodeClient[] = [];
  const servers: TestServer[] = [];
  const processes: ServerProcess[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const server of servers.splice(0)) await server.close();
    for (const process of processes.splice(0)) await process.kill('SIGKILL');
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('get a facilitator party at start-up; the link, written to an owner-only file, works, once; it is never in the log', async () => {
    const dataDir = makeTempDataDir();
    dirs.push(dataDir);
    await writeOldCase(dataDir, 'oldCaseAAAAAAAAAAAAAAA', 'Gammel sag');
    await writeOldCase(dataDir, 'oldCaseBBBBBBBBBBBBBBB', 'Endnu ældre');
    const server = await startTestServer({ dataDir });
    servers.push(server);

    expect(statSync(linksFile(dataDir)).mode & 0o777).toBe(0o600);
    const printed = readLinkLines(dataDir);
    expect(printed).toHaveLength(2);
    expect(server.logs.map((line) => line.message)).toContain(`2 facilitator link(s) written to ${linksFile(dataDir)}`);
    const links = printed.map((line) => LINK.exec(line));
    expect(links.every((match) => match !== null)).toBe(true);
    const byCase = new Map(
      links.map((match) => [match![3]!, { title: match![1], origin: match![2], token: match![4]! }]),
    );
    expect(byCase.get('oldCaseAAAAAAAAAAAAAAA')).toMatchObject({ title: 'Gammel sag', origin: server.url });
    expect(byCase.get('oldCaseBBBBBBBBBBBBBBB')).toMatchObject({ title: 'Endnu ældre', origin: server.url });

    const token = byCase.get('oldCaseAAAAAAAAAAAAAAA')!.token;
    const me = await (
      await fetch(`${server.url}/api/cases/oldCaseAAAAAAAAAAAAAAA/me`, { headers: bearer(token) })
    ).json();
    expect(me).toEqual({
      party: { id: expect.any(String), name: 'Facilitator', kind: 'facilitator', role: 'facilitator' },
    });
    const client = await connectSynced(server.wsUrl, 'oldCaseAAAAAAAAAAAAAAA', { token });
    clients.push(client);
    expect(toModel(client.doc).facts.title).toBe('Gammel sag');
    const listed = (await (await fetch(`${server.url}/api/cases`, { headers: bearer(token) })).json()) as {
      id: string;
    }[];
    expect(listed.map((c) => c.id)).toEqual(['oldCaseAAAAAAAAAAAAAAA']);

    const logText = JSON.stringify(server.logs);
    for (const { token: printedToken } of byCase.values()) expect(logText).not.toContain(printedToken);
    expect(server.logs.filter((line) => line.message.includes('case from before access'))).toHaveLength(2);

    // A case created through the API already has its facilitator: nothing is written for it on restart.
    await createCase(server.url);
    for (const open of clients.splice(0)) open.destroy();
    await server.close();
    const fileBefore = readFileSync(linksFile(dataDir), 'utf8');
    const restarted = await startTestServer({ dataDir });
    servers.push(restarted);
    expect(readFileSync(linksFile(dataDir), 'utf8')).toBe(fileBefore);
    expect(restarted.logs.some((line) => line.message.includes('facilitator link'))).toBe(false);
    expect(
      (await fetch(`${restarted.url}/api/cases/oldCaseAAAAAAAAAAAAAAA/me`, { headers: bearer(token) })).status,
    ).toBe(200);
  });

  it('the real entry point writes the link to the file and prints only where it is, never the token', async () => {
    const dataDir = makeTempDataDir();
    dirs.push(dataDir);
    await writeOldCase(dataDir, 'oldCaseCCCCCCCCCCCCCCC', 'Fra før adgang');
    expect(existsSync(linksFile(dataDir))).toBe(false);
    const server = await spawnServerProcess(dataDir);
    processes.push(server);
    expect(server.output()).toContain(`1 facilitator link(s) written to ${linksFile(dataDir)}`);
    expect(statSync(linksFile(dataDir)).mode & 0o777).toBe(0o600);
    const lines = readLinkLines(dataDir);
    expect(lines).toHaveLength(1);
    const match = LINK.exec(lines[0] ?? '');
    expect(match, lines[0]).not.toBeNull();
    expect(server.output()).not.toContain(match![4]!);
    expect(server.output()).not.toContain('cr1_');
    expect(match![1]).toBe('Fra før adgang');
    expect(match![2]).toBe(server.url);
    const response = await fetch(`${server.url}/api/cases/oldCaseCCCCCCCCCCCCCCC/model`, {
      headers: bearer(match![4]!),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as ReturnType<typeof toModel>).facts.title).toBe('Fra før adgang');
  });
});
