import { z } from 'zod';
import { Party } from '../access/party.ts';
import { SECTIONS } from '../model/caseModel.ts';
import { Phase } from '../model/facts.ts';
import { Decision, SectionLock, SignoffEntry, StorageNotice, TimerValue, Vote } from '../workshop/record.ts';

/**
 * The shapes of the API's answers that no other module of shared already owns (the party, the
 * workshop record's entries and the case model are reused). Objects are not strict: a newer
 * server may add a field an older client ignores.
 */

/** A party with its link's lifetime, as the facilitator's parties list shows it (issue 10). */
export const PartyListing = Party.extend({
  /** When the link stops working (ISO 8601), or null: never. */
  expiresAt: z.string().nullable(),
  /** When the facilitator ended the party's access (ISO 8601), or null. */
  endedAt: z.string().nullable(),
});
export type PartyListing = z.infer<typeof PartyListing>;

/** A party and the token of its (new) link, with the link to open (A9; issue 10). */
export const IssuedLink = z.object({ party: Party, token: z.string().min(1), link: z.string() });
export type IssuedLink = z.infer<typeof IssuedLink>;

/** A new case: its id, the facilitator's token and link (A3). */
export const CreatedCaseLink = z.object({ id: z.string().min(1), token: z.string().min(1), link: z.string() });
export type CreatedCaseLink = z.infer<typeof CreatedCaseLink>;

/** One row of `GET /api/cases` (A6): a case the presented tokens open, with the caller's party. */
export const CaseListing = z.object({
  id: z.string().min(1),
  title: z.string().optional(),
  municipality: z.string().optional(),
  phase: z.number().optional(),
  /** ISO 8601 time of the last accepted change. */
  updatedAt: z.string(),
  /** ISO 8601 time the case was created (or imported): tells apart cases with one title (issue 13). */
  createdAt: z.string().optional(),
  /** ISO 8601 time the case was made from an import file; absent for a case made here (issue 13). */
  importedAt: z.string().optional(),
  /** ISO 8601 time the case was archived (issue 15); listed only with `?archived=1`. */
  archivedAt: z.string().optional(),
  /** Open connections to the case now. */
  online: z.number(),
  party: Party.pick({ id: true, name: true, kind: true, role: true }),
});
export type CaseListing = z.infer<typeof CaseListing>;

/** Why a version was saved: by hand, at a phase change, at a sign-off (W10, W11). */
export const SNAPSHOT_KINDS = ['manual', 'phase', 'signoff'] as const;
export type SnapshotKind = (typeof SNAPSHOT_KINDS)[number];

/** A saved version as listed (W11). */
export const SnapshotListing = z.object({
  id: z.string().min(1),
  name: z.string(),
  kind: z.enum(SNAPSHOT_KINDS),
  /** ISO 8601. */
  createdAt: z.string(),
  createdByPartyId: z.string(),
});
export type SnapshotListing = z.infer<typeof SnapshotListing>;

/** What changed since a snapshot, per section, as readable lines (W11). */
export const SnapshotChanges = z.object({
  snapshotId: z.string(),
  count: z.number(),
  sections: z.array(z.object({ section: z.enum(SECTIONS), lines: z.array(z.string()) })),
});
export type SnapshotChanges = z.infer<typeof SnapshotChanges>;

/** Who changed which section, when (W12). */
export const ActivityListing = z.object({
  partyId: z.string(),
  partyName: z.string(),
  section: z.string(),
  firstAt: z.string(),
  lastAt: z.string(),
  edits: z.number(),
});
export type ActivityListing = z.infer<typeof ActivityListing>;

/** A comment as stored (W9; shared's `Comment`). */
export const CommentEntry = z.object({
  itemPath: z.string(),
  parentId: z.string().optional(),
  text: z.string(),
  partyId: z.string(),
  partyName: z.string(),
  at: z.string(),
  resolved: z.boolean(),
});

/** One party's sign-off state against the current content (W10; shared's `SignoffStatus`). */
const SignoffStatusEntry = z.object({
  partyId: z.string(),
  state: z.enum(['current', 'outdated', 'missing']),
  signoff: z.object({ partyId: z.string(), hash: z.string(), at: z.string() }).optional(),
});

/** The workshop record as plain data (shared's `WorkshopRecord`). */
export const WorkshopRecordAnswer = z.object({
  phase: Phase,
  locks: z.record(z.string(), SectionLock),
  timer: TimerValue,
  votes: z.record(z.string(), Vote),
  decisions: z.record(z.string(), Decision),
  signoffs: z.record(z.string(), SignoffEntry),
  requiredSigners: z.array(z.string()),
  storage: StorageNotice.optional(),
});

/** `GET …/workshop`: the record, the server's clock and the sign-off state. */
export const WorkshopView = z.object({
  workshop: WorkshopRecordAnswer,
  /** Milliseconds since the epoch on the server now (clients derive their clock offset). */
  serverNow: z.number(),
  contentHash: z.string(),
  signoffStatus: z.array(SignoffStatusEntry),
  agreed: z.boolean(),
});
export type WorkshopView = z.infer<typeof WorkshopView>;

/** A ballot as stored for its voter (W7). */
export const OwnBallot = z.object({ itemIds: z.array(z.string()), at: z.string() });

/** The case's stored bytes against its quota (issue 9). */
export const StorageUsage = z.object({ usedBytes: z.number().nonnegative(), quotaBytes: z.number().positive() });
export type StorageUsage = z.infer<typeof StorageUsage>;

/** One reason an import was refused (`error.errors` of a 400/413), in Danish and English. */
export const ImportErrorAnswer = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.object({ da: z.string(), en: z.string() }),
});
