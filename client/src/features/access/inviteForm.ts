import type { PartyInvite, PartyKind, Role } from '@caseroom/shared';
import type { PartyLink } from './accessApi.ts';

/** The longest party name the server accepts (shared `Party`). */
export const MAX_NAME = 120;

/** What the facilitator has typed and chosen for a new party. */
export type InviteForm = { name: string; kind: PartyKind; role: Role; departmentId: string };

/** The form as it opens, and as it is again after each link: a department's editor, nothing chosen. */
export const BLANK_INVITE_FORM: InviteForm = { name: '', kind: 'department', role: 'editor', departmentId: '' };

/** Another kind of party: an observer can only observe; only a department's party has a department. */
export function withKind(form: InviteForm, kind: PartyKind): InviteForm {
  return { ...form, kind, role: kind === 'observer' ? 'observer' : form.role };
}

/** The invite the form asks for, or undefined while the name is missing. */
export function inviteOf(form: InviteForm): PartyInvite | undefined {
  const name = form.name.trim().slice(0, MAX_NAME);
  if (name === '') return undefined;
  return {
    name,
    kind: form.kind,
    role: form.role,
    ...(form.kind === 'department' && form.departmentId ? { departmentId: form.departmentId } : {}),
  };
}

/**
 * The links made while the invite dialog is open, newest first. A party's new link replaces
 * its earlier one in the list: the earlier link stopped working when the new one was made.
 */
export function withLink(links: readonly PartyLink[], link: PartyLink): PartyLink[] {
  return [link, ...links.filter((made) => made.party.id !== link.party.id)];
}
