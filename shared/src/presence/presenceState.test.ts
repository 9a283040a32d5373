import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PRESENCE_COLORS } from './palette.ts';
import { PRESENCE_NAME_MAX_CHARS, PresenceState } from './presenceState.ts';

/** What a state looks like after JSON (awareness states travel as JSON). */
const overTheWire = (state: unknown): unknown => JSON.parse(JSON.stringify(state));

describe('PresenceState (issue 10)', () => {
  it('accepts what the Caseroom client writes: user, a caret as relative positions, followMe, the empty start state', () => {
    const doc = new Y.Doc();
    const text = doc.getXmlFragment('problem');
    text.insert(0, [new Y.XmlText('hej')]);
    const anchor = Y.createRelativePositionFromTypeIndex(text, 0);
    const head = Y.createRelativePositionFromTypeIndex(text, 1, -1);
    const honest = {
      user: { name: 'Anne Holm', department: 'Jobcenter', color: PRESENCE_COLORS[2].color, section: 'outcomes' },
      cursor: { anchor, head },
      followMe: false,
    };
    expect(PresenceState.safeParse(overTheWire(honest)).success).toBe(true);
    expect(PresenceState.safeParse(overTheWire({ ...honest, cursor: null })).success).toBe(true);
    // Tiptap's caret extension before presence is published; the server's own stamp.
    expect(PresenceState.safeParse({ user: { name: '', color: '#000000' } }).success).toBe(true);
    expect(PresenceState.safeParse({ user: { name: 'x', party: { id: 'p', role: 'editor' } } }).success).toBe(true);
    expect(PresenceState.safeParse({}).success).toBe(true);
    expect(PresenceState.safeParse({ user: { color: '#0072b2' } }).success).toBe(true);
  });

  it('refuses unknown keys, long names, colours outside the palette, unknown sections and non-objects', () => {
    const refused = [
      { user: { name: 'Ole' }, nickname: 'x' },
      { user: { name: 'Ole', avatarUrl: 'https://evil.example/a.png' } },
      { user: { name: 'x'.repeat(PRESENCE_NAME_MAX_CHARS + 1) } },
      { user: { name: 'x'.repeat(10_000) } },
      { user: { department: 'y'.repeat(PRESENCE_NAME_MAX_CHARS + 1) } },
      { user: { color: '#c00' } },
      { user: { color: 'red; background: url(x)' } },
      { user: { section: 'workshop' } },
      { user: 'Borgmesteren' },
      { cursor: 3 },
      { cursor: { anchor: { type: null, tname: null, item: null, assoc: 0, extra: 1 }, head: {} } },
      { followMe: 'yes' },
      'I am the facilitator',
      [1, 2],
      7,
    ];
    for (const state of refused)
      expect(PresenceState.safeParse(state).success, JSON.stringify(state).slice(0, 80)).toBe(false);
    expect(PresenceState.safeParse({ user: { name: 'x'.repeat(PRESENCE_NAME_MAX_CHARS) } }).success).toBe(true);
  });
});
