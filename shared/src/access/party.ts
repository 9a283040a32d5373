import { z } from 'zod';

/**
 * What a party's link lets it do (docs/access.md): a facilitator steers the workshop and
 * invites the others; an editor co-edits the model; an observer reads live and cannot change
 * anything. The server enforces this; the client only mirrors it in the UI.
 */
export const ROLES = ['facilitator', 'editor', 'observer'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Who a party is in the partnership. */
export const PARTY_KINDS = ['facilitator', 'department', 'fund', 'provider', 'investor', 'observer', 'other'] as const;
export const PartyKind = z.enum(PARTY_KINDS);
export type PartyKind = z.infer<typeof PartyKind>;

/** A party of a case: one link (token) each; name, kind and role are set by the facilitator. */
export const Party = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(120),
  kind: PartyKind,
  role: Role,
  /** For a department's representative: the department in the case model. */
  departmentId: z.string().max(64).optional(),
});
export type Party = z.infer<typeof Party>;

/** What the facilitator sends to invite a party (`POST /api/cases/:id/parties`). */
export const PartyInvite = Party.omit({ id: true });
export type PartyInvite = z.infer<typeof PartyInvite>;

/** Whether a role may change the case model. */
export function canEdit(role: Role): boolean {
  return role !== 'observer';
}

/** Whether a role may invite parties, rotate links and steer the workshop. */
export function canFacilitate(role: Role): boolean {
  return role === 'facilitator';
}

/**
 * The identity the server stamps on a connection's presence (awareness `user.party`); the
 * client shows this, never what a browser claims about itself.
 */
export type PresenceParty = Pick<Party, 'id' | 'name' | 'kind' | 'role'>;
