import { describe, expect, it } from 'vitest';
import { jsonLog } from './log.ts';

/** A stream that keeps each line pino writes. */
function captured(): { write(line: string): void; lines: string[]; parsed(): Record<string, unknown>[] } {
  const lines: string[] = [];
  return {
    lines,
    write: (line: string) => {
      lines.push(line);
    },
    parsed: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

const TOKEN = `cr1_${'A'.repeat(43)}`;
const ORGANISATION_KEY = `crk1_${'b'.repeat(43)}`;

describe('jsonLog', () => {
  it('writes one JSON line per call: level, ISO time, pid, msg and the fields', () => {
    const out = captured();
    const log = jsonLog(out);
    log('info', 'case loaded', { caseId: 'abc', updates: 3, online: true });
    expect(out.lines).toHaveLength(1);
    expect(out.lines[0]?.endsWith('\n')).toBe(true);
    expect(out.lines[0]?.trimEnd()).not.toContain('\n');
    const [line] = out.parsed();
    expect(line).toEqual({
      level: 'info',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      pid: process.pid,
      msg: 'case loaded',
      caseId: 'abc',
      updates: 3,
      online: true,
    });
  });

  it('sends warnings and errors to the second stream, info to the first', () => {
    const info = captured();
    const problems = captured();
    const log = jsonLog(info, problems);
    log('info', 'one');
    log('warn', 'two');
    log('error', 'three');
    expect(info.parsed().map((line) => [line.level, line.msg])).toEqual([['info', 'one']]);
    expect(problems.parsed().map((line) => [line.level, line.msg])).toEqual([
      ['warn', 'two'],
      ['error', 'three'],
    ]);
  });

  it('serializes an error with its type, message, code and stack', () => {
    const out = captured();
    const failure = Object.assign(new Error('disk full'), { code: 'SQLITE_FULL' });
    jsonLog(out)('error', 'store failed', { caseId: 'abc', error: failure });
    const error = out.parsed()[0]?.error as Record<string, unknown>;
    expect(error).toMatchObject({ type: 'Error', message: 'disk full', code: 'SQLITE_FULL' });
    expect(error.stack).toMatch(/^Error: disk full\n\s+at /);
  });

  it('never writes a token or key: not in the message, a URL, an error or a field named for a secret', () => {
    const out = captured();
    const log = jsonLog(out);
    log('info', `request with ${TOKEN}`, {
      url: `/ws/abc?token=${encodeURIComponent('not-a-cr1-shaped-secret')}&x=1`,
      link: `https://caseroom.example.org/case/abc#token=${TOKEN}`,
      token: 'anything at all',
      nested: { organisationKey: 'plain', note: `key ${ORGANISATION_KEY}` },
      error: new Error(`bad token ${TOKEN}`),
    });
    const text = out.lines.join('');
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(ORGANISATION_KEY);
    expect(text).not.toContain('not-a-cr1-shaped-secret');
    expect(text).not.toContain('anything at all');
    const [line] = out.parsed();
    expect(line).toMatchObject({
      msg: 'request with [redacted]',
      url: '/ws/abc?token=[redacted]&x=1',
      token: '[redacted]',
      nested: { organisationKey: '[redacted]', note: 'key [redacted]' },
    });
  });
});
