import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Peer } from '../../caseState/presence.ts';
import { PresenceDots } from './PresenceDots.tsx';

const COLORS = ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#0072b2'];
const peers = (count: number): Peer[] =>
  COLORS.slice(0, count).map((color, index) => ({
    name: `Person ${index}`,
    department: '',
    color,
    section: 'outcomes',
    clientId: index + 1,
    isSelf: false,
    party: undefined,
  }));

describe('who is in a section, on the navigation rail', () => {
  it('a dot per person in their colour, hidden from screen readers (the names are said already)', () => {
    const html = renderToStaticMarkup(createElement(PresenceDots, { peers: peers(2) }));
    expect(html).toContain('aria-hidden="true"');
    expect(html.match(/class="presence-dot"/g)).toHaveLength(2);
    expect(html).toContain('background-color:#e69f00');
    expect(html).toContain('background-color:#56b4e9');
    expect(html).not.toContain('+');
  });

  it('at most three dots, then "+N"', () => {
    const html = renderToStaticMarkup(createElement(PresenceDots, { peers: peers(5) }));
    expect(html.match(/class="presence-dot"/g)).toHaveLength(3);
    expect(html).toContain('<span class="presence-more">+2</span>');
  });

  it('nothing for an empty section', () => {
    expect(renderToStaticMarkup(createElement(PresenceDots, { peers: [] }))).toBe('');
  });
});
