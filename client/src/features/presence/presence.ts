import { SECTIONS, type SectionName } from '@caseroom/shared';
import type { Awareness } from 'y-protocols/awareness';
import { chooseColor } from './palette.ts';

/** What each client tells the others about itself (the awareness `user` field). */
export type PresenceUser = { name: string; department: string; color: string; section: SectionName };

/** A person in the case, as shown in the top bar and the section list. */
export type Peer = PresenceUser & { clientId: number; isSelf: boolean };

/** Reads one awareness state defensively: it comes from other browsers. */
function readUser(state: unknown): PresenceUser | undefined {
  const user = (state as { user?: Record<string, unknown> } | null)?.user;
  if (!user || typeof user.name !== 'string') return undefined;
  return {
    name: user.name.slice(0, 80),
    department: typeof user.department === 'string' ? user.department.slice(0, 80) : '',
    color: typeof user.color === 'string' && /^#[0-9a-fA-F]{6}$/.test(user.color) ? user.color : '#000000',
    section: SECTIONS.includes(user.section as SectionName) ? (user.section as SectionName) : 'facts',
  };
}

/** Everyone present, this person first, then by name. */
export function readPeers(awareness: Awareness): Peer[] {
  const peers: Peer[] = [];
  awareness.getStates().forEach((state, clientId) => {
    const user = readUser(state);
    if (user) peers.push({ ...user, clientId, isSelf: clientId === awareness.clientID });
  });
  return peers.sort((a, b) => (a.isSelf !== b.isSelf ? (a.isSelf ? -1 : 1) : a.name.localeCompare(b.name)));
}

/**
 * Publishes this person's presence and keeps their colour distinct from everyone else's
 * (the lower client id keeps a contested colour, the other picks a free one).
 */
export function publishPresence(awareness: Awareness, user: Omit<PresenceUser, 'color'>): PresenceUser {
  const current = readUser(awareness.getLocalState());
  const contested = new Set<string>();
  awareness.getStates().forEach((state, clientId) => {
    const other = readUser(state);
    if (other && clientId !== awareness.clientID && clientId < awareness.clientID) contested.add(other.color);
  });
  const color = current && !contested.has(current.color) ? current.color : chooseColor(awareness.clientID, contested);
  const next: PresenceUser = { ...user, color };
  if (!current || JSON.stringify(current) !== JSON.stringify(next)) awareness.setLocalStateField('user', next);
  return next;
}
