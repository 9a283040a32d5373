import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import {
  decodeRefusal,
  encodeRefusal,
  MESSAGE_REFUSED,
  type Refusal,
  RefusalReason,
  readRefusalBody,
} from './refusal.ts';

/** A type 100 frame whose body is this text, as a hand-made or hostile sender would write it. */
function frameWithBody(body: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_REFUSED);
  encoding.writeVarString(encoder, body);
  return encoding.toUint8Array(encoder);
}

describe('refusal message (type 100)', () => {
  it.each(Object.values(RefusalReason))('round-trips %s with and without a path and limit', (reason) => {
    const plain: Refusal = { reason, sections: ['outcomes', 'problem'] };
    const bound: Refusal = { reason, sections: ['outcomes'], path: 'outcomes/items/a1/definition', limit: 2000 };
    expect(encodeRefusal(plain)[0]).toBe(MESSAGE_REFUSED);
    expect(decodeRefusal(encodeRefusal(plain))).toEqual(plain);
    expect(decodeRefusal(encodeRefusal(bound))).toEqual(bound);
    expect(decodeRefusal(encodeRefusal({ reason, sections: [], limit: 0 }))).toEqual({
      reason,
      sections: [],
      limit: 0,
    });
  });

  it('keeps a reason this version does not know, as it came', () => {
    expect(decodeRefusal(encodeRefusal({ reason: 'someFutureRule', sections: ['facts'] }))).toEqual({
      reason: 'someFutureRule',
      sections: ['facts'],
    });
  });

  it('reads a body after the type from a decoder, as y-websocket hands it, and leaves the decoder after it', () => {
    const long: Refusal = {
      reason: RefusalReason.RichTextTooLarge,
      sections: ['problem'],
      path: `problem/${'x'.repeat(300)}`,
    };
    const decoder = decoding.createDecoder(encodeRefusal(long));
    decoding.readVarUint(decoder);
    expect(readRefusalBody(decoder)).toEqual(long);
    expect(decoding.hasContent(decoder)).toBe(false);
  });

  it('drops fields of the wrong type and keeps the rest', () => {
    const body = { reason: 'listTooLong', sections: ['outcomes', 7, null], path: 5, limit: 'many' };
    expect(decodeRefusal(frameWithBody(JSON.stringify(body)))).toEqual({
      reason: 'listTooLong',
      sections: ['outcomes'],
    });
    expect(decodeRefusal(frameWithBody('{"reason":"quotaExceeded","sections":"facts","limit":-1}'))).toEqual({
      reason: 'quotaExceeded',
      sections: [],
    });
    // JSON has no Infinity, but 1e400 parses to it.
    expect(decodeRefusal(frameWithBody('{"reason":"textTooLong","sections":[],"limit":1e400}'))).toEqual({
      reason: 'textTooLong',
      sections: [],
    });
    const longPath = { reason: 'textTooLong', sections: [], path: 'a'.repeat(600), limit: 1 };
    expect(decodeRefusal(frameWithBody(JSON.stringify(longPath)))?.path).toBeUndefined();
    expect(decodeRefusal(frameWithBody('{"reason":"textTooLong","sections":[],"path":""}'))?.path).toBeUndefined();
  });

  it.each([
    ['not JSON', frameWithBody('not json')],
    ['JSON that is not an object', frameWithBody('[1,2]')],
    ['null', frameWithBody('null')],
    ['no reason', frameWithBody('{"sections":["facts"]}')],
    ['a reason that is not a string', frameWithBody('{"reason":7,"sections":[]}')],
    ['an empty reason', frameWithBody('{"reason":"","sections":[]}')],
    ['a body over 16 kB', frameWithBody(JSON.stringify({ reason: 'x', sections: ['y'.repeat(17_000)] }))],
    ['another message type', new Uint8Array([0, 2, 0])],
    ['a truncated length', new Uint8Array([MESSAGE_REFUSED, 0x85])],
    ['a length past the end', new Uint8Array([MESSAGE_REFUSED, 40, 123])],
    ['trailing bytes', new Uint8Array([...encodeRefusal({ reason: 'inconsistent', sections: [] }), 7])],
    ['nothing', new Uint8Array([])],
  ])('reads %s as no refusal', (_what, bytes) => {
    expect(decodeRefusal(bytes)).toBeUndefined();
  });
});
