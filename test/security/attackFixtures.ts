/**
 * What the attack tests share (issue 9): Yjs updates written byte by byte the way a modified
 * client could send them, a probe that measures how long `/health` takes while an attack runs,
 * and a check that two honest clients keep syncing.
 */
import type { StartServerOptions } from '@caseroom/server';
import { readShortText, writeShortText } from '@caseroom/shared';
import { expect } from 'vitest';
import * as Y from 'yjs';
import { caseWithParties } from '../integration/accessFixtures.ts';
import type { TestResources } from '../support/cleanup.ts';
import { connectSynced, makeTempDataDir, type NodeClient, startTestServer, waitFor } from '../support/server.ts';

/**
 * The room every attack test starts from: a real server on port 0 with SQLite in a temp dir
 * (kept across a restart of the test's own), the example case with an editor and an observer,
 * and two honest clients (facilitator, editor) synced. All of it is cleaned up after the test.
 */
export async function honestRoom(resources: TestResources, options: Partial<StartServerOptions> = {}) {
  const dataDir = makeTempDataDir();
  resources.dirs.push(dataDir);
  const server = await startTestServer({ ...options, dataDir });
  resources.servers.push(server);
  const parties = await caseWithParties(server.url, { example: true });
  const facilitator = await connectSynced(server.wsUrl, parties.id, { token: parties.facilitator });
  const editor = await connectSynced(server.wsUrl, parties.id, { token: parties.editor.token });
  resources.clients.push(facilitator, editor);
  return { server, dataDir, parties, facilitator, editor };
}

function writeVarUint(out: number[], value: number): void {
  let rest = value;
  while (rest > 0x7f) {
    out.push(0x80 | (rest & 0x7f));
    rest = Math.floor(rest / 128);
  }
  out.push(rest);
}

/** A v1 update with no structs and one delete range (what Yjs would keep as a pending delete set). */
export function deleteOnlyUpdate(client: number, clock: number, length: number): Uint8Array {
  const out: number[] = [];
  writeVarUint(out, 0); // no struct blocks
  writeVarUint(out, 1); // one client in the delete set
  writeVarUint(out, client);
  writeVarUint(out, 1); // one range
  writeVarUint(out, clock);
  writeVarUint(out, length);
  return new Uint8Array(out);
}

/** A sync frame [0, subType, varUint length, payload] for payloads of any size (no spreading into arguments). */
export function bigSyncFrame(subType: 1 | 2, payload: Uint8Array): Uint8Array {
  const header: number[] = [0, subType];
  writeVarUint(header, payload.length);
  const frame = new Uint8Array(header.length + payload.length);
  frame.set(header);
  frame.set(payload, header.length);
  return frame;
}

/** A v1 update with one GC struct claiming `length` clocks of `client` from `clock`. */
export function gcClaimUpdate(client: number, clock: number, length: number): Uint8Array {
  const out: number[] = [];
  writeVarUint(out, 1); // one struct block
  writeVarUint(out, 1); // one struct in it
  writeVarUint(out, client);
  writeVarUint(out, clock);
  out.push(0); // info: GC
  writeVarUint(out, length);
  writeVarUint(out, 0); // empty delete set
  return new Uint8Array(out);
}

/** Two of a client's three changes merged into one update: Yjs writes a Skip for the missing middle. */
export function updateWithSkip(base: Y.Doc, client: number): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = client;
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (const title of ['first', 'second', 'third']) doc.getMap('facts').set('title', title);
  doc.destroy();
  return Y.mergeUpdates([updates[0] as Uint8Array, updates[2] as Uint8Array]);
}

/**
 * Polls GET /health every 25 ms until stopped; `stop()` resolves with the longest time one
 * answer took (ms). What an attack must not do is make this long.
 */
export function healthProbe(url: string): { stop(): Promise<number> } {
  let running = true;
  let longest = 0;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      try {
        const response = await fetch(`${url}/health`);
        await response.arrayBuffer();
        longest = Math.max(longest, performance.now() - started);
      } catch {
        longest = Number.POSITIVE_INFINITY; // no answer at all
        running = false;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return longest;
    },
  };
}

/** Two honest clients see each other's next edit (the room keeps working). */
export async function expectHonestSync(a: NodeClient, b: NodeClient, tag: string): Promise<void> {
  writeShortText(a.doc.getMap('targetGroup'), 'name', `from a ${tag}`);
  await waitFor(() => readShortText(b.doc.getMap('targetGroup'), 'name') === `from a ${tag}`, {
    what: `b sees a's edit ${tag}`,
  });
  writeShortText(b.doc.getMap('facts'), 'municipality', `from b ${tag}`);
  await waitFor(() => readShortText(a.doc.getMap('facts'), 'municipality') === `from b ${tag}`, {
    what: `a sees b's edit ${tag}`,
  });
}

/** The client id of the item that holds `key` in a map (who wrote it). */
export function writerOf(map: Y.Map<unknown>, key: string): number {
  const item = (map as unknown as { _map: Map<string, Y.Item> })._map.get(key);
  expect(item, `an item for ${key}`).toBeDefined();
  return (item as Y.Item).id.client;
}

/** Bytes of a v1 update written by hand: blocks of structs, then a delete set. */
export function handWrittenUpdate(parts: { structs: number[]; deletes: number[] }): Uint8Array {
  return new Uint8Array([...parts.structs, ...parts.deletes]);
}

/** A varUint as bytes. */
export function varUintBytes(value: number): number[] {
  const out: number[] = [];
  writeVarUint(out, value);
  return out;
}

/** A varString as bytes (length, UTF-8). */
export function varStringBytes(text: string): number[] {
  const bytes = [...new TextEncoder().encode(text)];
  return [...varUintBytes(bytes.length), ...bytes];
}
