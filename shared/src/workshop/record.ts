import * as Y from 'yjs';
import { z } from 'zod';
import { SECTIONS } from '../model/caseModel.ts';
import { Phase } from '../model/facts.ts';

/**
 * The workshop record (docs/workshop.md W1): a top-level Y.Map `workshop` that only the server
 * writes — phase, section locks, the timer, votes, decisions, sign-offs, required signers.
 * Clients read it with `readWorkshop`; the server refuses any client update that touches it.
 */
export const WORKSHOP = 'workshop';

/** The nested Y.Maps of `workshop`, created with it (never lazily: see ydoc/layout.ts). */
export const WORKSHOP_MAPS = ['locks', 'votes', 'decisions', 'signoffs', 'requiredSigners'] as const;
export type WorkshopMapKey = (typeof WORKSHOP_MAPS)[number];

const Id = z.string().min(1).max(64);
const IsoTime = z.string().min(1).max(40);

/** Who locked a section, and when (ISO 8601). Key: the section name. */
export const SectionLock = z.object({ partyId: Id, partyName: z.string(), at: IsoTime });
export type SectionLock = z.infer<typeof SectionLock>;

/** The timer as stored: a TimerState (timer.ts) plus the server's clock when it was written. */
export const TimerValue = z.discriminatedUnion('status', [
  z.object({ status: z.literal('idle'), serverNow: z.number() }),
  z.object({ status: z.literal('running'), endsAt: z.number(), durationMs: z.number(), serverNow: z.number() }),
  z.object({ status: z.literal('paused'), remainingMs: z.number(), durationMs: z.number(), serverNow: z.number() }),
]);
export type TimerValue = z.infer<typeof TimerValue>;

/** The lists a dot vote can be held over (item ids are that list's ids in the model). */
export const VOTE_LISTS = ['interventions', 'outcomes'] as const;
export const VoteList = z.enum(VOTE_LISTS);
export type VoteList = z.infer<typeof VoteList>;

/** The life of a vote: ballots are accepted while open; counts appear at reveal. */
export const VOTE_STATUSES = ['open', 'revealed', 'decided'] as const;

/** A dot vote as everyone sees it. Ballots are never here — only counts after reveal. Key: the vote id. */
export const Vote = z.object({
  list: VoteList,
  itemIds: z.array(Id),
  votesPerPerson: z.number().int().min(1),
  status: z.enum(VOTE_STATUSES),
  /** Dots per item, after reveal (every item listed, 0 included). */
  counts: z.record(z.string(), z.number()).optional(),
  /** How many parties voted, after reveal. */
  voters: z.number().int().min(0).optional(),
  /**
   * While open: how many parties have at least one dot, counted by the server on each ballot —
   * how many have voted, never what they chose (W7).
   */
  voted: z.number().int().min(0).optional(),
  openedAt: IsoTime,
});
export type Vote = z.infer<typeof Vote>;

/** A recorded decision: who and when come from the token and the server clock. Key: the decision id. */
export const Decision = z.object({
  text: z.string(),
  /** What it is about, e.g. `interventions/candidates/<itemId>` (`listItemPath`; the paths comments use). */
  itemPath: z.string().optional(),
  partyId: Id,
  partyName: z.string(),
  at: IsoTime,
  /** 1, 2, 3, … in the order decisions were made. */
  order: z.number(),
});
export type Decision = z.infer<typeof Decision>;

/** The longest signer's name a sign-off records: the bound of every person's name (the presence name's). */
export const SIGNER_NAME_MAX_CHARS = 80;

/** How many more people may sign one version for a party after the first (issue 15). */
export const MAX_CO_SIGNERS = 5;

/**
 * A party's signature on one content hash (W10). Key: the party id. `signerName` is the person
 * who signed for the party (issue 15: a party's link is often shared by a head of department and
 * a finance officer); sign-offs from before it, and those given without a name, have none.
 * `coSigners`: the other people who signed the same version for the party afterwards, in order.
 */
export const SignoffEntry = z.object({
  hash: z.string(),
  partyName: z.string(),
  signerName: z.string().max(SIGNER_NAME_MAX_CHARS).optional(),
  at: IsoTime,
  coSigners: z
    .array(z.object({ name: z.string().min(1).max(SIGNER_NAME_MAX_CHARS), at: IsoTime }))
    .max(MAX_CO_SIGNERS)
    .optional(),
});
export type SignoffEntry = z.infer<typeof SignoffEntry>;

/** Everyone who signed a party's sign-off, in order: the first signer, then the co-signers. */
export function signerNames(entry: Pick<SignoffEntry, 'signerName' | 'coSigners'>): string[] {
  return [...(entry.signerName ? [entry.signerName] : []), ...(entry.coSigners ?? []).map((c) => c.name)];
}

/** Whether a name is already among a sign-off's signers (case and surrounding spaces ignored). */
export function hasSigner(entry: Pick<SignoffEntry, 'signerName' | 'coSigners'>, name: string): boolean {
  const wanted = name.trim().toLocaleLowerCase('da');
  return signerNames(entry).some((known) => known.trim().toLocaleLowerCase('da') === wanted);
}

/**
 * A required signer (W10). Key: the party id. The server stores the party's name with it so
 * every person — not only the facilitator, who can list parties — can name an absent signer;
 * older cases stored `true`, which still reads as required (without a name).
 */
export const RequiredSignerEntry = z.union([z.literal(true), z.object({ partyName: z.string() })]);
export type RequiredSignerEntry = z.infer<typeof RequiredSignerEntry>;

/**
 * The case's storage against its quota (issue 9), written by the server when it passes the
 * warning share (`warn`) or the quota (`full`: edits are refused until the facilitator compacts
 * the case or content is removed). Absent while well below the quota.
 */
export const StorageNotice = z.object({
  level: z.enum(['warn', 'full']),
  usedBytes: z.number().int().min(0),
  quotaBytes: z.number().int().min(1),
});
export type StorageNotice = z.infer<typeof StorageNotice>;

/** The whole workshop record as plain data. */
export type WorkshopRecord = {
  phase: Phase;
  locks: Record<string, SectionLock>;
  timer: TimerValue;
  votes: Record<string, Vote>;
  decisions: Record<string, Decision>;
  signoffs: Record<string, SignoffEntry>;
  requiredSigners: string[];
  /** Set while the case is near or at its storage quota. */
  storage?: StorageNotice;
};

/** The `workshop` map of a document, or undefined if a crafted document defined it otherwise. */
export function workshopMap(doc: Y.Doc): Y.Map<unknown> | undefined {
  try {
    return doc.getMap(WORKSHOP);
  } catch {
    return undefined;
  }
}

/** One nested map of `workshop` (undefined before it exists). */
export function workshopChild(doc: Y.Doc, key: WorkshopMapKey): Y.Map<unknown> | undefined {
  const value = workshopMap(doc)?.get(key);
  return value instanceof Y.Map ? value : undefined;
}

/**
 * The workshop record as plain data, forgiving like toModel: entries that do not parse are
 * left out, a missing phase reads as the legacy `facts.phase` or 1, a missing timer as idle.
 */
export function readWorkshop(doc: Y.Doc): WorkshopRecord {
  const workshop = workshopMap(doc);
  const entries = <T>(key: WorkshopMapKey, schema: z.ZodType<T>): Record<string, T> => {
    const out: Record<string, T> = {};
    workshopChild(doc, key)?.forEach((value, id) => {
      const parsed = schema.safeParse(value);
      if (parsed.success) out[id] = parsed.data;
    });
    return out;
  };
  const timer = TimerValue.safeParse(workshop?.get('timer'));
  const locks = entries('locks', SectionLock);
  for (const section of Object.keys(locks)) {
    if (!(SECTIONS as readonly string[]).includes(section)) delete locks[section];
  }
  return {
    phase: workshopPhase(doc) ?? legacyPhase(doc) ?? 1,
    locks,
    timer: timer.success ? timer.data : { status: 'idle', serverNow: 0 },
    votes: entries('votes', Vote),
    decisions: entries('decisions', Decision),
    signoffs: entries('signoffs', SignoffEntry),
    requiredSigners: Object.keys(entries('requiredSigners', RequiredSignerEntry)),
    ...storageNotice(workshop),
  };
}

function storageNotice(workshop: Y.Map<unknown> | undefined): { storage?: StorageNotice } {
  const parsed = StorageNotice.safeParse(workshop?.get('storage'));
  return parsed.success ? { storage: parsed.data } : {};
}

/** Names stored with required signers (W10): party id → name; old `true` entries have none. */
export function requiredSignerNames(doc: Y.Doc): Record<string, string> {
  const names: Record<string, string> = {};
  workshopChild(doc, 'requiredSigners')?.forEach((value, id) => {
    const parsed = RequiredSignerEntry.safeParse(value);
    if (parsed.success && parsed.data !== true) names[id] = parsed.data.partyName;
  });
  return names;
}

/** `workshop.phase` if it holds a phase (1–3). */
export function workshopPhase(doc: Y.Doc): Phase | undefined {
  const parsed = Phase.safeParse(workshopMap(doc)?.get('phase'));
  return parsed.success ? parsed.data : undefined;
}

/** `facts.phase` of a case from before the workshop record (W1), if it holds a phase. */
function legacyPhase(doc: Y.Doc): Phase | undefined {
  try {
    const parsed = Phase.safeParse(doc.getMap('facts').get('phase'));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Creates `workshop` with its nested maps and `phase` in an empty case (call inside the
 * transaction that creates the case; only the server creates case structure).
 */
export function createWorkshop(doc: Y.Doc, phase: Phase = 1): void {
  const workshop = doc.getMap(WORKSHOP);
  for (const key of WORKSHOP_MAPS) workshop.set(key, new Y.Map());
  workshop.set('phase', phase);
}

/**
 * Brings an older case up to W1 (the server, on load): creates any missing nested map and,
 * if `workshop.phase` is missing, moves `facts.phase` there (1 if there is none). Returns
 * whether it changed anything. Run in a server-origin transaction.
 */
export function ensureWorkshop(doc: Y.Doc): boolean {
  const workshop = workshopMap(doc);
  if (!workshop) return false;
  let changed = false;
  for (const key of WORKSHOP_MAPS) {
    if (!(workshop.get(key) instanceof Y.Map)) {
      workshop.set(key, new Y.Map());
      changed = true;
    }
  }
  if (workshopPhase(doc) === undefined) {
    workshop.set('phase', legacyPhase(doc) ?? 1);
    doc.getMap('facts').delete('phase');
    changed = true;
  }
  return changed;
}
