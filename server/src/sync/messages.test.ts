import { decodeRefusal, encodeRefusal, initCaseDoc, sectionMap, writeShortText } from '@caseroom/shared';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { refuseUpdate } from '../access/updateGuard.ts';
import { decodeClientMessage, encodeSyncStep1, encodeUpdate, MalformedMessageError, MessageType } from './messages.ts';

function docWithText(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return doc;
}

describe('decodeClientMessage', () => {
  it('decodes sync step 1, update and query awareness', () => {
    const doc = docWithText('hej');
    expect(decodeClientMessage(encodeSyncStep1(doc)).kind).toBe('syncStep1');
    const update = Y.encodeStateAsUpdate(doc);
    const decoded = decodeClientMessage(encodeUpdate(update));
    expect(decoded.kind).toBe('update');
    expect(decoded.kind === 'update' && [...decoded.update]).toEqual([...update]);
    expect(decodeClientMessage(new Uint8Array([MessageType.QueryAwareness])).kind).toBe('queryAwareness');
  });

  it('rejects every truncation of a valid update message', () => {
    const message = encodeUpdate(Y.encodeStateAsUpdate(docWithText('Problemet er at…')));
    for (let length = 0; length < message.length; length++) {
      expect(() => decodeClientMessage(message.slice(0, length)), `length ${length}`).toThrow(MalformedMessageError);
    }
  });

  it('rejects trailing bytes, unknown types and unknown sync sub-types', () => {
    const message = encodeSyncStep1(docWithText('x'));
    expect(() => decodeClientMessage(new Uint8Array([...message, 0]))).toThrow(/trailing bytes/);
    expect(() => decodeClientMessage(new Uint8Array([7]))).toThrow(/unknown message type 7/);
    expect(() => decodeClientMessage(new Uint8Array([MessageType.Auth, 0]))).toThrow(/unknown message type 2/);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Sync);
    encoding.writeVarUint(encoder, 9);
    encoding.writeVarUint8Array(encoder, new Uint8Array([0]));
    expect(() => decodeClientMessage(encoding.toUint8Array(encoder))).toThrow(/unknown sync message type 9/);
  });

  it('rejects an update that Yjs cannot parse', () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Sync);
    encoding.writeVarUint(encoder, 2);
    encoding.writeVarUint8Array(encoder, new Uint8Array([5, 200, 17, 3, 99, 1]));
    expect(() => decodeClientMessage(encoding.toUint8Array(encoder))).toThrow(MalformedMessageError);
  });
});

describe('the refusal message the server sends (type 100)', () => {
  it("is read by shared's decoder as the write guard decided it, bound path and limit included", () => {
    const doc = new Y.Doc();
    initCaseDoc(doc);
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(replica);
    writeShortText(sectionMap(replica, 'facts')!, 'title', 'x'.repeat(100_000));
    const refusal = refuseUpdate(doc, Y.encodeStateAsUpdate(replica, before), 'editor');
    expect(refusal).toMatchObject({ reason: 'textTooLong', sections: ['facts'], path: 'facts/title' });
    const frame = encodeRefusal(refusal!);
    expect(frame[0]).toBe(MessageType.Refused);
    expect(decodeRefusal(frame)).toEqual(refusal);
  });
});
