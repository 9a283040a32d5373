import { z } from 'zod';
import { SECTIONS } from '../model/caseModel.ts';
import { Phase } from '../model/facts.ts';
import { SIGNER_NAME_MAX_CHARS, VoteList } from './record.ts';

const Id = z.string().min(1).max(64);
const Text = z.string().trim().min(1).max(2000);
const DAY_SECONDS = 24 * 3600;

/**
 * Request bodies of the workshop and history API (docs/workshop.md), shared by the server
 * (which validates with them) and the client (which sends them). Strict: a field the API does
 * not know — e.g. a `partyId` on a sign-off — is refused, never silently used or ignored.
 */
export const WorkshopRequests = {
  phase: z.object({ phase: Phase }).strict(),
  lock: z.object({ section: z.enum(SECTIONS), locked: z.boolean() }).strict(),
  timer: z
    .object({
      action: z.enum(['start', 'pause', 'add']),
      seconds: z.number().int().min(-DAY_SECONDS).max(DAY_SECONDS).optional(),
    })
    .strict(),
  vote: z
    .object({ list: VoteList, itemIds: z.array(Id).min(1).max(100), votesPerPerson: z.number().int().min(1).max(50) })
    .strict(),
  ballot: z.object({ itemIds: z.array(Id).max(50) }).strict(),
  decide: z.object({ itemId: Id, text: Text }).strict(),
  decision: z.object({ text: Text, itemPath: z.string().min(1).max(200).optional() }).strict(),
  comment: z
    .object({ itemPath: z.string().min(1).max(200), parentId: Id.optional(), text: z.string().trim().min(1).max(4000) })
    .strict(),
  resolveComment: z.object({ resolved: z.boolean() }).strict(),
  signoff: z
    .object({
      hash: z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 hex digest'),
      /** The person signing for the party (untrusted, shown in the contract annex); blank = none. */
      signerName: z.string().trim().max(SIGNER_NAME_MAX_CHARS).optional(),
    })
    .strict(),
  requiredSigners: z.object({ partyIds: z.array(Id).max(100) }).strict(),
  snapshot: z.object({ name: z.string().trim().min(1).max(120) }).strict(),
} as const;

/** One problem per line, naming the field: `itemIds.2: …`, `body: Unrecognized key: "partyId"`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
}
