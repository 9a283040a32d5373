import { CloseCode, sectionMap, toModel, writeShortText } from '@caseroom/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  connectSynced,
  createCase,
  type NodeClient,
  openRawSocket,
  startTestServer,
  type TestServer,
  waitFor,
} from '../support/server.ts';

/** A small seeded generator (mulberry32), so every run sends the same garbage. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** lib0's encoding, the three parts of it these tests need (lib0 is not a dependency of test/). */
const encoding = {
  writeVarUint(out: number[], value: number): void {
    let rest = value;
    while (rest > 0x7f) {
      out.push(0x80 | (rest & 0x7f));
      rest = Math.floor(rest / 128);
    }
    out.push(rest);
  },
  writeVarUint8Array(out: number[], bytes: Uint8Array): void {
    encoding.writeVarUint(out, bytes.length);
    out.push(...bytes);
  },
  writeVarString(out: number[], text: string): void {
    encoding.writeVarUint8Array(out, new TextEncoder().encode(text));
  },
};

function message(...parts: ((out: number[]) => void)[]): Uint8Array {
  const out: number[] = [];
  for (const part of parts) part(out);
  return new Uint8Array(out);
}

function validUpdateMessage(): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('facts').set('title', 'En gyldig opdatering der bliver klippet over');
  doc.getText('x').insert(0, 'noget tekst');
  return message(
    (e) => encoding.writeVarUint(e, 0),
    (e) => encoding.writeVarUint(e, 2),
    (e) => encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc)),
  );
}

/** Garbage inputs, each with a name for the failure message. */
function garbage(seed: number): { name: string; frame: Uint8Array }[] {
  const random = seededRandom(seed);
  const inputs: { name: string; frame: Uint8Array }[] = [];
  for (let i = 0; i < 25; i++) {
    const length = 8 + Math.floor(random() * 200);
    const bytes = new Uint8Array(length).map(() => Math.floor(random() * 256));
    bytes[0] = [0, 1, 2, 4, 9, 200][i % 6]!; // sync, awareness, auth, unknown types
    if (bytes[0] === 0) bytes[1] = i % 3; // step 1, step 2, update
    inputs.push({ name: `random ${i} (type ${bytes[0]})`, frame: bytes });
  }
  const valid = validUpdateMessage();
  for (let i = 0; i < 15; i++) {
    const cut = 1 + Math.floor(random() * (valid.length - 2));
    inputs.push({ name: `update truncated at ${cut}/${valid.length}`, frame: valid.slice(0, cut) });
  }
  inputs.push({ name: 'valid update with trailing bytes', frame: new Uint8Array([...valid, 1, 2, 3]) });
  inputs.push({ name: 'unknown message type 5', frame: new Uint8Array([5]) });
  inputs.push({ name: 'unknown sync sub-type', frame: new Uint8Array([0, 7, 1, 0]) });
  inputs.push({ name: 'empty frame', frame: new Uint8Array([]) });
  inputs.push({
    name: 'awareness with invalid JSON',
    frame: message(
      (e) => encoding.writeVarUint(e, 1),
      (e) =>
        encoding.writeVarUint8Array(
          e,
          message(
            (a) => encoding.writeVarUint(a, 1),
            (a) => encoding.writeVarUint(a, 1234),
            (a) => encoding.writeVarUint(a, 1),
            (a) => encoding.writeVarString(a, '{not json'),
          ),
        ),
    ),
  });
  return inputs;
}

describe('malformed input closes only the sender', () => {
  const maxPayload = 1024 * 1024;
  let server: TestServer;
  let caseId: string;
  let token: string;
  let a: NodeClient;
  let b: NodeClient;
  const closes: number[] = [];

  beforeEach(async () => {
    closes.length = 0;
    server = await startTestServer({ maxPayload });
    ({ id: caseId, token } = await createCase(server.url));
    a = await connectSynced(server.wsUrl, caseId, { token });
    b = await connectSynced(server.wsUrl, caseId, { token });
    for (const client of [a, b]) client.provider.on('connection-close', (event) => closes.push(event?.code ?? -1));
  });
  afterEach(async () => {
    a.destroy();
    b.destroy();
    await server.close();
  });

  async function stillSyncing(value: string): Promise<void> {
    a.doc.transact(() => writeShortText(sectionMap(a.doc, 'facts')!, 'title', value));
    await waitFor(() => toModel(b.doc).facts.title === value, { what: `b to see "${value}"` });
  }

  it('garbage, truncated and unknown messages: the sender gets MalformedMessage, two clients keep syncing', async () => {
    const inputs = garbage(20_260_101);
    for (const [index, input] of inputs.entries()) {
      const raw = await openRawSocket(server.wsUrl, caseId, token);
      await waitFor(() => raw.received.length > 0, { what: 'the server greeting' });
      raw.socket.send(input.frame);
      const closed = await raw.closed;
      expect(closed.code, input.name).toBe(CloseCode.MalformedMessage);
      if (index % 10 === 0) await stillSyncing(`efter ${input.name}`);
    }
    await stillSyncing('til sidst');
    expect(closes).toEqual([]);
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
    const malformedLines = server.logs.filter((line) => line.message.includes('malformed message'));
    expect(malformedLines).toHaveLength(inputs.length);
    expect(malformedLines[0]!.fields).toMatchObject({ caseId });
    expect(malformedLines[0]!.fields.connectionId).toEqual(expect.any(String));
    expect(malformedLines[0]!.fields.reason).toEqual(expect.any(String));
  });

  it('a text frame is malformed', async () => {
    const raw = await openRawSocket(server.wsUrl, caseId, token);
    raw.socket.send('hello');
    expect((await raw.closed).code).toBe(CloseCode.MalformedMessage);
    await stillSyncing('efter tekst');
  });

  it('a frame over maxPayload is closed by ws with 1009 and logged', async () => {
    const raw = await openRawSocket(server.wsUrl, caseId, token);
    raw.socket.send(new Uint8Array(maxPayload + 1));
    expect((await raw.closed).code).toBe(CloseCode.MessageTooBig);
    await stillSyncing('efter den store ramme');
    expect(server.logs.some((line) => line.fields.reason === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH')).toBe(true);
    expect(closes).toEqual([]);
  });
});
