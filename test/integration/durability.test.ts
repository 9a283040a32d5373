import { rmSync } from 'node:fs';
import { sectionMap, setField, toModel, writeShortText } from '@caseroom/shared';
import { afterEach, describe, expect, it } from 'vitest';
import {
  connectSynced,
  createCase,
  makeTempDataDir,
  type NodeClient,
  type ServerProcess,
  spawnServerProcess,
  waitFor,
} from '../support/server.ts';

describe('durability', () => {
  const clients: NodeClient[] = [];
  const processes: ServerProcess[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const server of processes.splice(0)) await server.kill('SIGKILL');
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('an edit a second client has received survives kill -9 of the server', async () => {
    const dataDir = makeTempDataDir();
    dirs.push(dataDir);
    const first = await spawnServerProcess(dataDir);
    processes.push(first);
    const { id: caseId, token } = await createCase(first.url);
    const writer = await connectSynced(first.wsUrl, caseId, { token });
    const reader = await connectSynced(first.wsUrl, caseId, { token });
    clients.push(writer, reader);

    const facts = sectionMap(writer.doc, 'facts')!;
    for (let i = 1; i <= 30; i++) writer.doc.transact(() => setField(facts, 'horizonYears', i));
    writer.doc.transact(() => writeShortText(facts, 'title', 'Lige før nedbruddet'));
    await waitFor(() => toModel(reader.doc).facts.title === 'Lige før nedbruddet', { what: 'reader got the edit' });
    await first.kill('SIGKILL');
    expect(first.process.signalCode).toBe('SIGKILL');
    for (const client of clients.splice(0)) client.destroy();

    const second = await spawnServerProcess(dataDir);
    processes.push(second);
    const after = await connectSynced(second.wsUrl, caseId, { token });
    clients.push(after);
    expect(toModel(after.doc).facts.title).toBe('Lige før nedbruddet');
    expect(toModel(after.doc).facts.horizonYears).toBe(30);
  });
});
