import type { Party } from '@caseroom/shared';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LanguageContext } from '../../i18n/messages.ts';
import type { PartyLink } from './accessApi.ts';
import { BLANK_INVITE_FORM, inviteOf, withKind, withLink } from './inviteForm.ts';
import { NewLinks } from './NewLink.tsx';

const party = (id: string, name: string, role: Party['role']): Party => ({ id, name, kind: 'department', role });
const link = (p: Party, token: string): PartyLink => ({
  party: p,
  token,
  link: `https://caseroom.example/c/case-1#${token}`,
});

const jobcenter = party('p1', 'Jobcenter Holbæk', 'editor');
const psykiatri = party('p2', 'Psykiatrien', 'observer');

describe('the invite dialog lists every link made until it closes', () => {
  it('keeps each new link, newest first', () => {
    const links = withLink(withLink([], link(jobcenter, 'tok-a')), link(psykiatri, 'tok-b'));
    expect(links.map((made) => made.token)).toEqual(['tok-b', 'tok-a']);
  });

  it('a party’s new link replaces its earlier one (the earlier stopped working)', () => {
    let links = withLink([], link(jobcenter, 'tok-a'));
    links = withLink(links, link(psykiatri, 'tok-b'));
    links = withLink(links, link(jobcenter, 'tok-c'));
    expect(links.map((made) => made.token)).toEqual(['tok-c', 'tok-b']);
  });

  for (const [lang, heading, linkFor, copyFor, editor, observer] of [
    ['da', 'Nye links', 'Link til', 'Kopiér link til', 'Redaktør', 'Observatør'],
    ['en', 'New links', 'Link for', 'Copy link for', 'Editor', 'Observer'],
  ] as const) {
    it(`shows each link with its party, role and a copy button named for the party, in ${lang}`, () => {
      const links = withLink(withLink([], link(jobcenter, 'tok-a')), link(psykiatri, 'tok-b'));
      const html = renderToStaticMarkup(
        createElement(LanguageContext.Provider, { value: lang }, createElement(NewLinks, { caseId: 'case-1', links })),
      );
      expect(html).toContain(heading);
      const labels = [...html.matchAll(/<label[^>]*>([\s\S]*?)<\/label>/g)].map((match) =>
        (match[1] ?? '').replace(/<[^>]+>/g, ''),
      );
      expect(labels).toEqual([`${linkFor} Psykiatrien ◉ ${observer}`, `${linkFor} Jobcenter Holbæk ✎ ${editor}`]);
      expect(html).toContain(`aria-label="${copyFor} Psykiatrien"`);
      expect(html).toContain(`aria-label="${copyFor} Jobcenter Holbæk"`);
      expect(html).toContain('value="https://caseroom.example/c/case-1#tok-b"');
      expect(html).toContain('value="https://caseroom.example/c/case-1#tok-a"');
    });
  }

  it('shows nothing before the first link', () => {
    const html = renderToStaticMarkup(createElement(NewLinks, { caseId: 'case-1', links: [] }));
    expect(html).toBe('');
  });
});

describe('the add-party form', () => {
  it('starts as a department’s editor with no name and no department — the state it returns to after each link', () => {
    expect(BLANK_INVITE_FORM).toEqual({ name: '', kind: 'department', role: 'editor', departmentId: '' });
  });

  it('asks for a name before it invites', () => {
    expect(inviteOf({ ...BLANK_INVITE_FORM, name: '   ' })).toBeUndefined();
  });

  it('invites a department’s party with its department, and no other kind with one', () => {
    const form = { name: ' Jobcenter Holbæk ', kind: 'department', role: 'editor', departmentId: 'd1' } as const;
    expect(inviteOf(form)).toEqual({
      name: 'Jobcenter Holbæk',
      kind: 'department',
      role: 'editor',
      departmentId: 'd1',
    });
    expect(inviteOf(withKind(form, 'investor'))).toEqual({
      name: 'Jobcenter Holbæk',
      kind: 'investor',
      role: 'editor',
    });
  });

  it('makes an observer an observer', () => {
    expect(withKind(BLANK_INVITE_FORM, 'observer').role).toBe('observer');
  });
});
