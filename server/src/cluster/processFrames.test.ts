import { describe, expect, it } from 'vitest';
import {
  decodeFrame,
  encodeFrame,
  FrameKind,
  MAX_FAILURE_MESSAGE_LENGTH,
  MalformedFrameError,
  type ProcessFrame,
} from './processFrames.ts';

const frames: ProcessFrame[] = [
  { kind: FrameKind.Request, from: 'web-1', id: 1, payload: new Uint8Array([0, 1, 255]) },
  { kind: FrameKind.Reply, from: 'web-2', id: 2 ** 40, payload: new Uint8Array(0) },
  { kind: FrameKind.Failure, from: 'web-2', id: 7, message: 'sag findes ikke' },
  { kind: FrameKind.Probe, from: 'web-1', id: 3 },
];

describe('process frames', () => {
  it('round-trips every kind', () => {
    for (const frame of frames) expect(decodeFrame(encodeFrame(frame))).toEqual(frame);
  });

  it('cuts a long failure message', () => {
    const long = 'x'.repeat(MAX_FAILURE_MESSAGE_LENGTH * 3);
    const decoded = decodeFrame(encodeFrame({ kind: FrameKind.Failure, from: 'a', id: 1, message: long }));
    expect(decoded.kind === FrameKind.Failure && decoded.message.length).toBe(MAX_FAILURE_MESSAGE_LENGTH);
  });

  it('refuses truncated frames, trailing bytes, unknown kinds and empty sender ids', () => {
    for (const frame of frames) {
      const bytes = encodeFrame(frame);
      for (let length = 0; length < bytes.length; length++) {
        expect(() => decodeFrame(bytes.subarray(0, length))).toThrow(MalformedFrameError);
      }
      expect(() => decodeFrame(Uint8Array.from([...bytes, 0]))).toThrow(MalformedFrameError);
    }
    expect(() => decodeFrame(Uint8Array.from([9, 1, 97, 0]))).toThrow(/unknown kind 9/);
    expect(() => decodeFrame(Uint8Array.from([3, 0, 0]))).toThrow(/sender id/);
  });
});
