import { z } from 'zod';
import { SECTIONS } from '../model/caseModel.ts';
import { isPresenceColor } from './palette.ts';

/**
 * What one browser may tell the others about itself in presence (a y-protocols awareness
 * state), issue 10. The server relays only states that fit this schema — nothing else, no
 * other keys — and stamps `user.party` itself (docs/access.md A8), so whatever a browser put
 * there is replaced. The keys are what the Caseroom client writes:
 *   user      the person (features/presence: name, department, colour, open section) — Tiptap's
 *             caret extension writes the same object
 *   cursor    the rich-text caret (y-prosemirror: anchor and head as Yjs relative positions, or null)
 *   followMe  the facilitator asks everyone to follow (W6)
 */

/** The longest self-entered name or department a presence state may carry. */
export const PRESENCE_NAME_MAX_CHARS = 80;

/** A Yjs id ({ client, clock }) inside a relative position. */
const YjsId = z.strictObject({ client: z.number().int().nonnegative(), clock: z.number().int().nonnegative() });

/** A Yjs relative position as JSON (Y.RelativePosition's own fields). */
const RelativePosition = z.strictObject({
  type: YjsId.nullable().optional(),
  tname: z.string().max(256).nullable().optional(),
  item: YjsId.nullable().optional(),
  assoc: z.number().int().optional(),
});

/** The person behind a presence state: what they typed about themselves, and where they are. */
export const PresenceUserState = z.strictObject({
  name: z.string().max(PRESENCE_NAME_MAX_CHARS).optional(),
  department: z.string().max(PRESENCE_NAME_MAX_CHARS).optional(),
  color: z.string().refine(isPresenceColor, { message: 'not a colour of the presence palette' }).optional(),
  section: z.enum(SECTIONS).optional(),
  /** Set by the server from the link (A8); anything a browser puts here is replaced. */
  party: z.unknown().optional(),
});

/** One awareness state as the server accepts it (a null state — leaving — is always accepted). */
export const PresenceState = z.strictObject({
  user: PresenceUserState.optional(),
  cursor: z.strictObject({ anchor: RelativePosition, head: RelativePosition }).nullable().optional(),
  followMe: z.boolean().optional(),
});
export type PresenceState = z.infer<typeof PresenceState>;
