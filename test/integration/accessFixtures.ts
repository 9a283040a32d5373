/**
 * Helpers for the access tests (docs/access.md): a case with invited parties, y-websocket
 * frames crafted by hand (lib0 is not a dependency of test/), waiting for a close code.
 */
import * as Y from 'yjs';
import { createCase, type IssuedParty, inviteParty, type NodeClient, waitFor } from '../support/server.ts';

/** A case with its facilitator token and an invited editor and observer. */
export type CaseWithParties = { id: string; facilitator: string; editor: IssuedParty; observer: IssuedParty };

/** Creates a case and invites a department editor and an investor observer. */
export async function caseWithParties(url: string, body: { example?: boolean } = {}): Promise<CaseWithParties> {
  const { id, token } = await createCase(url, body);
  const editor = await inviteParty(url, id, token, {
    name: 'Jobcenter Holbæk',
    kind: 'department',
    role: 'editor',
    departmentId: 'jobcenter',
  });
  const observer = await inviteParty(url, id, token, { name: 'Investor', kind: 'investor', role: 'observer' });
  return { id, facilitator: token, editor, observer };
}

function writeVarUint(out: number[], value: number): void {
  let rest = value;
  while (rest > 0x7f) {
    out.push(0x80 | (rest & 0x7f));
    rest = Math.floor(rest / 128);
  }
  out.push(rest);
}

function writeVarUint8Array(out: number[], bytes: Uint8Array): void {
  writeVarUint(out, bytes.length);
  out.push(...bytes);
}

/** A sync message frame: [0, subType (1 step 2, 2 update), update]. */
export function syncFrame(subType: 1 | 2, update: Uint8Array): Uint8Array {
  const out: number[] = [];
  writeVarUint(out, 0);
  writeVarUint(out, subType);
  writeVarUint8Array(out, update);
  return new Uint8Array(out);
}

/** An awareness frame: [1, update] with entries (clientId, clock, JSON state). */
export function awarenessFrame(entries: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
  const payload: number[] = [];
  writeVarUint(payload, entries.length);
  for (const entry of entries) {
    writeVarUint(payload, entry.clientId);
    writeVarUint(payload, entry.clock);
    writeVarUint8Array(payload, new TextEncoder().encode(JSON.stringify(entry.state)));
  }
  const out: number[] = [];
  writeVarUint(out, 1);
  writeVarUint8Array(out, new Uint8Array(payload));
  return new Uint8Array(out);
}

/** A Yjs update made on top of a client's current state (what a modified client could send). */
export function updateOnTopOf(base: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(doc);
  change(doc);
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  return update;
}

/** Records the close codes a provider sees from the server. */
export function recordCloses(client: NodeClient): number[] {
  const codes: number[] = [];
  client.provider.on('connection-close', (event) => {
    if (event) codes.push(event.code);
  });
  return codes;
}

/** Waits until a recorded list of close codes contains `code`. */
export function waitForClose(codes: number[], code: number, what = `close code ${code}`): Promise<void> {
  return waitFor(() => codes.includes(code), { what });
}

/** Sleeps: used only to show that something does NOT happen within a window. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
