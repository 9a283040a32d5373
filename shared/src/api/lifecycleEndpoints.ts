import { z } from 'zod';
import { ActivityListing, CreatedCaseLink } from './answers.ts';
import { AS_PARTY, WITH_ORGANISATION_KEY } from './commonErrors.ts';
import { endpoint } from './endpoint.ts';
import { ApiErrorCode } from './errorCodes.ts';

/**
 * Who may archive, restore, delete, copy a case or list its personal data: the case's
 * facilitator (its link), or an administrator with the key of the case's organisation.
 */
const AS_CASE_ADMIN = [...AS_PARTY, ApiErrorCode.Forbidden, ...WITH_ORGANISATION_KEY] as const;

/** A case's archive state after archiving or restoring. */
export const ArchiveState = z.object({
  id: z.string(),
  /** ISO 8601 time it was archived; null: in use. */
  archivedAt: z.string().nullable(),
});
export type ArchiveState = z.infer<typeof ArchiveState>;

/** Deleting for good: the case's title typed as confirmation (its id when it has no title). */
export const DeleteCaseRequest = z.strictObject({ confirm: z.string().max(400) });
export type DeleteCaseRequest = z.infer<typeof DeleteCaseRequest>;

/** Copying a case as a template: the new case's title (default "Kopi af <title>"). */
export const TemplateRequest = z.strictObject({ title: z.string().trim().min(1).max(200).optional() });
export type TemplateRequest = z.infer<typeof TemplateRequest>;

/** The fewest and most days an organisation may keep archived cases (issue 15). */
export const RETENTION_DAYS_LIMITS = { min: 1, max: 3650 } as const;

/** An organisation's retention: days an archived case is kept before it is deleted; null: kept. */
export const RetentionSetting = z.strictObject({
  days: z.number().int().min(RETENTION_DAYS_LIMITS.min).max(RETENTION_DAYS_LIMITS.max).nullable(),
});
export type RetentionSetting = z.infer<typeof RetentionSetting>;

/** The organisation's retention as the server holds it: days, or null (archived cases are kept). */
export const RetentionAnswer = z.object({ retentionDays: z.number().int().nullable() });
export type RetentionAnswer = z.infer<typeof RetentionAnswer>;

/** A name someone left in the case's record (a sign-off, a decision), with whose party and when. */
const NamedEntry = z.object({
  partyId: z.string(),
  partyName: z.string(),
  at: z.string(),
  /** From an imported file's history (read-only). */
  imported: z.boolean(),
});

/**
 * Every piece of personal data a case holds (issue 15, a data-protection request; docs/access.md
 * "Personal data"): the names of its parties, the names on sign-offs and decisions, every
 * comment with its author, who changed which section when, and who took which saved version.
 */
export const PersonalData = z.object({
  caseId: z.string(),
  title: z.string(),
  /** ISO 8601 time this list was made. */
  listedAt: z.string(),
  parties: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.string(),
      role: z.string(),
      endedAt: z.string().nullable(),
      /** The organisation member the party was made for, if any. */
      memberId: z.string().nullable(),
    }),
  ),
  signoffs: z.array(NamedEntry.extend({ hash: z.string() })),
  decisions: z.array(NamedEntry.extend({ text: z.string() })),
  requiredSigners: z.array(z.object({ partyId: z.string(), partyName: z.string() })),
  comments: z.array(
    z.object({
      id: z.string(),
      itemPath: z.string(),
      partyId: z.string(),
      partyName: z.string(),
      text: z.string(),
      at: z.string(),
    }),
  ),
  activity: z.array(ActivityListing),
  snapshots: z.array(
    z.object({ id: z.string(), name: z.string(), createdByPartyId: z.string(), createdAt: z.string() }),
  ),
});
export type PersonalData = z.infer<typeof PersonalData>;

/** The case lifecycle (issue 15; docs/access.md "Archive, delete, retention"). */
export const lifecycleEndpoints = {
  /** Read-only, out of the lists, its connections closed; restorable. */
  archiveCase: endpoint({
    method: 'POST',
    path: '/api/cases/:id/archive',
    response: ArchiveState,
    errors: AS_CASE_ADMIN,
  }),
  /** Back in use. */
  restoreCase: endpoint({
    method: 'POST',
    path: '/api/cases/:id/restore',
    response: ArchiveState,
    errors: AS_CASE_ADMIN,
  }),
  /** Deleted for good: every row of it in every table; `{ confirm: <title> }`. */
  deleteCase: endpoint({
    method: 'POST',
    path: '/api/cases/:id/delete',
    body: DeleteCaseRequest,
    response: z.object({ id: z.string(), deleted: z.literal(true) }),
    errors: [...AS_CASE_ADMIN, ApiErrorCode.DeleteNotConfirmed],
  }),
  /** The personal data the case holds, as JSON. */
  personalData: endpoint({
    method: 'GET',
    path: '/api/cases/:id/personal-data',
    response: PersonalData,
    errors: AS_CASE_ADMIN,
  }),
  /** A new case of the same organisation with the model only; the caller gets its facilitator link. */
  copyAsTemplate: endpoint({
    method: 'POST',
    path: '/api/cases/:id/template',
    body: TemplateRequest,
    response: CreatedCaseLink,
    status: 201,
    errors: AS_CASE_ADMIN,
  }),
  /** Organisation key: how long archived cases are kept now (the administrator's page reads it back). */
  getRetention: endpoint({
    method: 'GET',
    path: '/api/organisation/retention',
    response: RetentionAnswer,
    errors: [...WITH_ORGANISATION_KEY],
  }),
  /** Organisation key: how long archived cases are kept. */
  setRetention: endpoint({
    method: 'PUT',
    path: '/api/organisation/retention',
    body: RetentionSetting,
    response: RetentionAnswer,
    errors: [...WITH_ORGANISATION_KEY],
  }),
} as const;
