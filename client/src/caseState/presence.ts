import {
  Party,
  PRESENCE_NAME_MAX_CHARS,
  type PresenceParty,
  partyColors,
  SECTIONS,
  type SectionName,
} from '@caseroom/shared';
import type { Awareness } from 'y-protocols/awareness';
import { chooseColor, withPartyColors } from './palette.ts';

/** What each client tells the others about itself (the awareness `user` field). */
export type PresenceUser = { name: string; department: string; color: string; section: SectionName };

/**
 * A person in the case, as shown in the top bar and the section list. `party` is who the
 * server says they are (A8: stamped from their link's token, never from their browser);
 * `name` and `department` are what they typed about themselves.
 */
export type Peer = PresenceUser & { clientId: number; isSelf: boolean; party: PresenceParty | undefined };

const PresencePartySchema = Party.pick({ id: true, name: true, kind: true, role: true });

/** The server-stamped party of an awareness state, if it carries a valid one. */
function readParty(state: unknown): PresenceParty | undefined {
  const parsed = PresencePartySchema.safeParse((state as { user?: { party?: unknown } } | null)?.user?.party);
  return parsed.success ? parsed.data : undefined;
}

/** The name whose initials a person's avatar shows: the one they typed, else their party's. */
export function avatarName(peer: Pick<Peer, 'name' | 'party'>): string {
  return peer.name || peer.party?.name || '';
}

/** How a person is named in lists: their party, then their self-entered name if it differs. */
export function peerLabel(peer: Pick<Peer, 'name' | 'party'>): string {
  if (!peer.party) return peer.name;
  return peer.name && peer.name !== peer.party.name ? `${peer.party.name} (${peer.name})` : peer.party.name;
}

/** Reads one awareness state defensively: it comes from other browsers. */
function readUser(state: unknown): PresenceUser | undefined {
  const user = (state as { user?: Record<string, unknown> } | null)?.user;
  if (!user || typeof user.name !== 'string') return undefined;
  return {
    name: user.name.slice(0, PRESENCE_NAME_MAX_CHARS),
    department: typeof user.department === 'string' ? user.department.slice(0, PRESENCE_NAME_MAX_CHARS) : '',
    color: typeof user.color === 'string' && /^#[0-9a-fA-F]{6}$/.test(user.color) ? user.color : '#000000',
    section: SECTIONS.includes(user.section as SectionName) ? (user.section as SectionName) : 'facts',
  };
}

/**
 * Everyone present, this person first, then by party and name. The server stamps a party on
 * what it relays, not on this browser's own state, so this person's party is passed in.
 */
export function readPeers(awareness: Awareness, selfParty?: PresenceParty): Peer[] {
  const peers: Peer[] = [];
  awareness.getStates().forEach((state, clientId) => {
    const user = readUser(state);
    if (!user) return;
    const isSelf = clientId === awareness.clientID;
    const party = isSelf && selfParty ? pickPresence(selfParty) : readParty(state);
    peers.push({ ...user, clientId, isSelf, party });
  });
  return withPartyColors(peers).sort((a, b) =>
    a.isSelf !== b.isSelf ? (a.isSelf ? -1 : 1) : peerLabel(a).localeCompare(peerLabel(b)),
  );
}

function pickPresence({ id, name, kind, role }: PresenceParty): PresenceParty {
  return { id, name, kind, role };
}

/**
 * Publishes this person's presence in their party's colour (shared `partyColors`: from the party
 * id, the same after a reset, a reload and in every case, distinct among the parties present), so
 * their caret and their avatar agree. Without a known party: a colour distinct from everyone
 * else's (the lower client id keeps a contested colour, the other picks a free one).
 */
export function publishPresence(
  awareness: Awareness,
  user: Omit<PresenceUser, 'color'>,
  partyId?: string,
): PresenceUser {
  const current = readUser(awareness.getLocalState());
  const contested = new Set<string>();
  const parties = partyId === undefined ? [] : [partyId];
  awareness.getStates().forEach((state, clientId) => {
    const other = readUser(state);
    if (other && clientId !== awareness.clientID && clientId < awareness.clientID) contested.add(other.color);
    const party = (state as { user?: { party?: { id?: unknown } } }).user?.party?.id;
    if (clientId !== awareness.clientID && typeof party === 'string') parties.push(party);
  });
  const own = partyId === undefined ? undefined : partyColors(parties).get(partyId);
  const color =
    own ?? (current && !contested.has(current.color) ? current.color : chooseColor(awareness.clientID, contested));
  // The server relays no longer name or department (shared PresenceState); a name remembered
  // from before the bound is cut rather than leaving this person invisible to the others.
  const next: PresenceUser = {
    ...user,
    name: user.name.slice(0, PRESENCE_NAME_MAX_CHARS),
    department: user.department.slice(0, PRESENCE_NAME_MAX_CHARS),
    color,
  };
  if (!current || !samePresence(current, next)) awareness.setLocalStateField('user', next);
  return next;
}

function samePresence(a: PresenceUser, b: PresenceUser): boolean {
  return a.name === b.name && a.department === b.department && a.color === b.color && a.section === b.section;
}

/** The facilitator someone follows: their awareness id and open section. */
export type Leader = { clientId: number; section: SectionName };

/**
 * The facilitator who asks everyone to follow them (W6): an awareness state with
 * `followMe: true` whose party — stamped by the server, never the browser's own claim — is a
 * facilitator. Never this browser itself.
 */
export function readLeader(awareness: Awareness): Leader | undefined {
  let found: Leader | undefined;
  awareness.getStates().forEach((state, clientId) => {
    if (found || clientId === awareness.clientID) return;
    const s = state as { followMe?: unknown; user?: { section?: unknown; party?: { role?: unknown } } };
    const section = s.user?.section as SectionName;
    if (s.followMe === true && s.user?.party?.role === 'facilitator' && SECTIONS.includes(section)) {
      found = { clientId, section };
    }
  });
  return found;
}
