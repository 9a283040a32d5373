import { randomBytes } from 'node:crypto';
import {
  ApiErrorCode,
  addTime,
  automaticVersionName,
  type Ballot,
  type Comment,
  canEdit,
  checkBallot,
  commentsMap,
  contentHash,
  type Decision,
  hasSigner,
  isAgreed,
  listItemPath,
  MAX_CO_SIGNERS,
  type Party,
  type Phase,
  pauseTimer,
  readWorkshop,
  type SectionLock,
  type SectionName,
  type SignoffEntry,
  type SignoffStatus,
  signoffStatus,
  startTimer,
  type TimerState,
  type TimerValue,
  tally,
  type Vote,
  type VoteList,
  WORKSHOP,
  type WorkshopRecord,
  workshopChild,
} from '@caseroom/shared';
import type { CaseDocument } from '../documents/CaseDocument.ts';
import { StorageUnavailableError } from '../documents/CaseDocument.ts';
import type { DocumentRegistry } from '../documents/DocumentRegistry.ts';
import type { SnapshotListing, SnapshotService } from '../history/SnapshotService.ts';
import type { Log } from '../log.ts';
import type { Stores } from '../storage/Stores.ts';
import { isStorageFailure } from '../storage/storageFailure.ts';
import { entryBytes, refuseOverQuota } from './quotaCheck.ts';
import { fail, ok, type Result, storageUnavailable } from './results.ts';
import { StorageService } from './StorageService.ts';

/** What `GET …/workshop` returns: the record, the server's clock and the sign-off state. */
export type WorkshopView = {
  workshop: WorkshopRecord;
  /** Milliseconds since the epoch on the server now (clients derive their clock offset). */
  serverNow: number;
  contentHash: string;
  signoffStatus: SignoffStatus[];
  agreed: boolean;
};

/** A fresh id for a vote or decision: 72 random bits, base64url. */
export function newWorkshopId(): string {
  return randomBytes(9).toString('base64url');
}

/**
 * The workshop record (docs/workshop.md W1, W3–W5, W7, W8, W10): every change is made by the
 * server on behalf of the party a token names — who and when come from the token and the
 * server clock, never from the request — and written into the case's `workshop` map as a
 * server change (stored, then relayed). Ballots are the exception: they stay in the store
 * until the reveal writes only their tally. Role checks happen in the HTTP layer. What adds a
 * person's content to the record (a vote, a decision, a comment or its resolution) is refused
 * at the case's storage quota (507 storageFull, issue 9); the facilitator's controls (phase,
 * locks, timer, reveal, required signers) and sign-offs (one per party) are small and bounded.
 */
export class WorkshopService {
  /** The case's storage quota: usage and the facilitator's compaction (issue 9). */
  readonly storage: StorageService;

  constructor(
    private readonly stores: Stores,
    private readonly registry: DocumentRegistry,
    private readonly snapshots: SnapshotService,
    private readonly log: Log,
    private readonly now: () => number = Date.now,
    private readonly makeId: () => string = newWorkshopId,
  ) {
    this.storage = new StorageService(registry, log);
  }

  /** GET …/workshop: the record as plain data, with the server clock and sign-off state. */
  read(caseId: string): Promise<Result<WorkshopView>> {
    return this.withDocument(caseId, async (document) => {
      const workshop = readWorkshop(document.doc);
      const hash = contentHash(document.model());
      const signoffs = Object.entries(workshop.signoffs).map(([partyId, s]) => ({ partyId, hash: s.hash, at: s.at }));
      return ok({
        workshop,
        serverNow: this.now(),
        contentHash: hash,
        signoffStatus: signoffStatus(workshop.requiredSigners, signoffs, hash),
        agreed: isAgreed(workshop.requiredSigners, signoffs, hash),
      });
    });
  }

  /** W3: sets the phase; a change of phase takes an automatic snapshot (W11). */
  setPhase(caseId: string, party: Party, phase: Phase): Promise<Result<{ phase: Phase; snapshot?: SnapshotListing }>> {
    return this.withDocument(caseId, async (document) => {
      const before = readWorkshop(document.doc).phase;
      if (before === phase) return ok({ phase });
      await document.changeAsServer((doc) => doc.getMap(WORKSHOP).set('phase', phase));
      this.log('info', 'phase changed', { caseId, partyId: party.id, from: before, to: phase });
      const snapshot = await this.snapshots.takeAutomatic(document, {
        name: automaticVersionName({ kind: 'phase', phase }),
        kind: 'phase',
        party,
      });
      return ok({ phase, ...(snapshot ? { snapshot } : {}) });
    });
  }

  /** W4: locks or unlocks a section for editors. */
  setLock(
    caseId: string,
    party: Party,
    section: SectionName,
    locked: boolean,
  ): Promise<Result<{ locks: Record<string, SectionLock> }>> {
    return this.withDocument(caseId, async (document) => {
      await document.changeAsServer((doc) => {
        const locks = requireChild(doc, 'locks');
        if (!locked) locks.delete(section);
        else if (!locks.has(section)) locks.set(section, { partyId: party.id, partyName: party.name, at: this.iso() });
      });
      this.log('info', locked ? 'section locked' : 'section unlocked', { caseId, partyId: party.id, section });
      return ok({ locks: readWorkshop(document.doc).locks });
    });
  }

  /** W5: starts (or resumes), pauses or adds time to the shared timer. */
  timer(
    caseId: string,
    action: 'start' | 'pause' | 'add',
    seconds: number | undefined,
  ): Promise<Result<{ timer: TimerValue }>> {
    return this.withDocument(caseId, async (document) => {
      const now = this.now();
      const { serverNow: _serverNow, ...current } = readWorkshop(document.doc).timer;
      const state = current as TimerState;
      let next: TimerState;
      switch (action) {
        case 'start':
          if (seconds !== undefined) next = startTimer(seconds * 1000, now);
          else if (state.status === 'paused')
            next = { status: 'running', endsAt: now + state.remainingMs, durationMs: state.durationMs };
          else if (state.status === 'running') next = state;
          else return fail(400, ApiErrorCode.BadRequest, 'seconds: needed to start a timer that is not paused.');
          break;
        case 'pause':
          next = pauseTimer(state, now);
          break;
        case 'add':
          if (seconds === undefined) return fail(400, ApiErrorCode.BadRequest, 'seconds: needed to add time.');
          next = addTime(state, seconds * 1000, now);
          break;
      }
      const timer = { ...next, serverNow: now } as TimerValue;
      await document.changeAsServer((doc) => doc.getMap(WORKSHOP).set('timer', timer));
      return ok({ timer });
    });
  }

  /** W7: opens a dot vote over items of a list (they must exist in the model). */
  openVote(
    caseId: string,
    input: { list: VoteList; itemIds: string[]; votesPerPerson: number },
  ): Promise<Result<{ voteId: string; vote: Vote }>> {
    return this.withDocument(caseId, async (document) => {
      const model = document.model();
      const known = new Set(
        (input.list === 'interventions' ? model.interventions.candidates : model.outcomes).map((item) => item.id),
      );
      const unknown = input.itemIds.filter((id) => !known.has(id));
      if (unknown.length > 0) {
        return fail(400, ApiErrorCode.BadRequest, `itemIds: not in the ${input.list} list: ${unknown.join(', ')}.`);
      }
      if (new Set(input.itemIds).size !== input.itemIds.length) {
        return fail(400, ApiErrorCode.BadRequest, 'itemIds: each item may be listed once.');
      }
      const voteId = this.makeId();
      const vote: Vote = {
        list: input.list,
        itemIds: input.itemIds,
        votesPerPerson: input.votesPerPerson,
        status: 'open',
        voted: 0,
        openedAt: this.iso(),
      };
      const full = refuseOverQuota(document, entryBytes(voteId, vote));
      if (full) return full;
      await document.changeAsServer((doc) => requireChild(doc, 'votes').set(voteId, vote));
      return ok({ voteId, vote });
    });
  }

  /** W7: stores the caller's ballot on the server only (never in the document, never relayed). */
  castBallot(
    caseId: string,
    party: Party,
    voteId: string,
    itemIds: string[],
  ): Promise<Result<{ ballot: { itemIds: string[]; at: string } }>> {
    return this.withDocument(caseId, async (document) => {
      const vote = readWorkshop(document.doc).votes[voteId];
      if (!vote) return voteGone(voteId);
      if (vote.status !== 'open') return fail(409, ApiErrorCode.VoteClosed, 'The vote is no longer open.');
      const ballot: Ballot = { voterId: party.id, itemIds };
      const check = checkBallot(ballot, vote.itemIds, vote.votesPerPerson);
      if (!check.ok) {
        return fail(
          400,
          ApiErrorCode.InvalidBallot,
          `itemIds: ${check.reason} (at most ${vote.votesPerPerson} dots, on the vote's items).`,
          {
            reason: check.reason,
          },
        );
      }
      const at = this.now();
      await this.stores.ballots.put({ caseId, voteId, partyId: party.id, itemIds, at });
      // W7: everyone sees how many have voted (not what) while the vote is open. A case at its
      // storage quota keeps the ballot and leaves the count as it was.
      const voted = (await this.stores.ballots.list(caseId, voteId)).filter((b) => b.itemIds.length > 0).length;
      const counted: Vote = { ...vote, voted };
      const fits = document.storageUsed + entryBytes(voteId, counted) <= document.storageQuota;
      if (voted !== (vote.voted ?? 0) && fits) {
        await document.changeAsServer((doc) => requireChild(doc, 'votes').set(voteId, counted));
      }
      return ok({ ballot: { itemIds, at: new Date(at).toISOString() } });
    });
  }

  /** W7: the caller's own ballot (null if it has not voted). */
  ownBallot(
    caseId: string,
    party: Party,
    voteId: string,
  ): Promise<Result<{ ballot: { itemIds: string[]; at: string } | null }>> {
    return this.withDocument(caseId, async (document) => {
      if (!readWorkshop(document.doc).votes[voteId]) return voteGone(voteId);
      const ballot = await this.stores.ballots.get(caseId, voteId, party.id);
      return ok({ ballot: ballot ? { itemIds: ballot.itemIds, at: new Date(ballot.at).toISOString() } : null });
    });
  }

  /** W7: closes the vote and writes the tally (dots per item, number of voters) into it. */
  reveal(caseId: string, party: Party, voteId: string): Promise<Result<{ vote: Vote }>> {
    return this.withDocument(caseId, async (document) => {
      const vote = readWorkshop(document.doc).votes[voteId];
      if (!vote) return voteGone(voteId);
      if (vote.status !== 'open') return fail(409, ApiErrorCode.VoteClosed, 'The vote has already been revealed.');
      const ballots = (await this.stores.ballots.list(caseId, voteId)).map((b) => ({
        voterId: b.partyId,
        itemIds: b.itemIds,
      }));
      const { counts, voters } = tally(ballots, vote.itemIds);
      const revealed: Vote = { ...vote, status: 'revealed', counts, voters };
      await document.changeAsServer((doc) => requireChild(doc, 'votes').set(voteId, revealed));
      this.log('info', 'vote revealed', { caseId, partyId: party.id, voteId, voters });
      return ok({ vote: revealed });
    });
  }

  /**
   * W7/W8: decides a revealed vote: records a decision about the item and, for the
   * interventions list, makes it the chosen intervention — one server change.
   */
  decideVote(
    caseId: string,
    party: Party,
    voteId: string,
    input: { itemId: string; text: string },
  ): Promise<Result<{ decisionId: string; decision: Decision; vote: Vote }>> {
    return this.withDocument(caseId, async (document) => {
      const vote = readWorkshop(document.doc).votes[voteId];
      if (!vote) return voteGone(voteId);
      if (vote.status === 'open') return fail(409, ApiErrorCode.VoteNotRevealed, 'Reveal the vote before deciding it.');
      if (vote.status === 'decided') return fail(409, ApiErrorCode.VoteDecided, 'The vote has already been decided.');
      if (!vote.itemIds.includes(input.itemId)) {
        return fail(400, ApiErrorCode.BadRequest, `itemId: ${input.itemId} is not one of the vote's items.`);
      }
      const decided: Vote = { ...vote, status: 'decided' };
      const made = this.draftDecision(document.doc, party, {
        text: input.text,
        itemPath: listItemPath(vote.list, input.itemId),
      });
      const full = refuseOverQuota(
        document,
        entryBytes(voteId, decided) + entryBytes(made.decisionId, made.decision) + entryBytes('chosenId', input.itemId),
      );
      if (full) return full;
      await document.changeAsServer((doc) => {
        requireChild(doc, 'votes').set(voteId, decided);
        if (vote.list === 'interventions') doc.getMap('interventions').set('chosenId', input.itemId);
        requireChild(doc, 'decisions').set(made.decisionId, made.decision);
      });
      return ok({ ...made, vote: decided });
    });
  }

  /** W8: records a decision; who and when come from the token and the server clock. */
  addDecision(
    caseId: string,
    party: Party,
    input: { text: string; itemPath?: string },
  ): Promise<Result<{ decisionId: string; decision: Decision }>> {
    return this.withDocument(caseId, async (document) => {
      const made = this.draftDecision(document.doc, party, input);
      const full = refuseOverQuota(document, entryBytes(made.decisionId, made.decision));
      if (full) return full;
      await document.changeAsServer((doc) => requireChild(doc, 'decisions').set(made.decisionId, made.decision));
      return ok(made);
    });
  }

  /**
   * W9: writes a comment (or a reply, `parentId` naming the thread's first comment) in the
   * caller's party's name, now. A reply to a comment that does not exist is 404.
   */
  addComment(
    caseId: string,
    party: Party,
    input: { itemPath: string; parentId?: string; text: string },
  ): Promise<Result<{ commentId: string; comment: Comment }>> {
    return this.withDocument(caseId, async (document) => {
      if (input.parentId !== undefined && !commentsMap(document.doc)?.has(input.parentId)) {
        return commentGone(input.parentId);
      }
      const commentId = this.makeId();
      const comment: Comment = {
        itemPath: input.itemPath,
        ...(input.parentId !== undefined ? { parentId: input.parentId } : {}),
        text: input.text,
        partyId: party.id,
        partyName: party.name,
        at: this.iso(),
        resolved: false,
      };
      const full = refuseOverQuota(document, entryBytes(commentId, comment));
      if (full) return full;
      await document.changeAsServer((doc) => commentsMap(doc)?.set(commentId, comment));
      return ok({ commentId, comment });
    });
  }

  /** W9: marks a comment resolved or open again (its whole value is written again). */
  resolveComment(caseId: string, commentId: string, resolved: boolean): Promise<Result<{ comment: Comment }>> {
    return this.withDocument(caseId, async (document) => {
      const stored = commentsMap(document.doc)?.get(commentId);
      if (!stored || typeof stored !== 'object') return commentGone(commentId);
      const comment = { ...(stored as Comment), resolved };
      const full = refuseOverQuota(document, entryBytes(commentId, comment));
      if (full) return full;
      await document.changeAsServer((doc) => commentsMap(doc)?.set(commentId, comment));
      return ok({ comment });
    });
  }

  /**
   * W10: the caller's party signs the current content. The hash it saw must be the server's
   * `contentHash(toModel(doc))` now; otherwise 409 hashMismatch. Observers sign nothing (403;
   * the HTTP layer refuses them first, this is the service's own guard). Signing the hash the
   * party's sign-off already holds changes nothing; a sign-off snapshot is stored at most once
   * per party and content hash. `signerName` is the person signing for the party (from the
   * request body, bounded by its schema; blank or absent records none).
   */
  signoff(
    caseId: string,
    party: Party,
    hash: string,
    signerName?: string,
  ): Promise<Result<{ signoff: SignoffEntry & { partyId: string }; snapshot?: SnapshotListing }>> {
    return this.withDocument(caseId, async (document) => {
      if (!canSignOff(party.role)) return observersCannotSign();
      const current = contentHash(document.model());
      if (hash !== current) {
        return fail(
          409,
          ApiErrorCode.HashMismatch,
          'The case changed since you read it; read it again and sign the current version.',
          {
            currentHash: current,
          },
        );
      }
      const signed = readWorkshop(document.doc).signoffs[party.id];
      const signer = signerName?.trim();
      const entry: SignoffEntry =
        signed?.hash !== hash
          ? { hash, partyName: party.name, ...(signer ? { signerName: signer } : {}), at: this.iso() }
          : coSigned(signed, signer, this.iso());
      if (entry !== signed) {
        await document.changeAsServer((doc) => requireChild(doc, 'signoffs').set(party.id, entry));
        this.log('info', 'signed off', { caseId, partyId: party.id });
      }
      const snapshot = await this.snapshots.takeSignoff(document, party, hash);
      return ok({ signoff: { partyId: party.id, ...entry }, ...(snapshot ? { snapshot } : {}) });
    });
  }

  /** W10: who must sign for the case to count as agreed (parties of the case only). */
  setRequiredSigners(caseId: string, partyIds: string[]): Promise<Result<{ requiredSigners: string[] }>> {
    return this.withDocument(caseId, async (document) => {
      const parties = new Map((await this.stores.access.listParties(caseId)).map((p) => [p.id, p]));
      const unknown = partyIds.filter((id) => !parties.has(id));
      if (unknown.length > 0)
        return fail(400, ApiErrorCode.BadRequest, `partyIds: not parties of this case: ${unknown.join(', ')}.`);
      // Observers sign nothing: requiring one would make the case impossible to agree.
      const observers = partyIds.filter((id) => !canSignOff(parties.get(id)?.role ?? 'observer'));
      if (observers.length > 0)
        return fail(400, ApiErrorCode.BadRequest, `partyIds: observers cannot sign off: ${observers.join(', ')}.`);
      // Each with the party's name, so everyone can name an absent signer (not only the facilitator).
      const wanted = new Map(partyIds.map((id) => [id, parties.get(id)?.name ?? '']));
      await document.changeAsServer((doc) => {
        const required = requireChild(doc, 'requiredSigners');
        for (const id of [...required.keys()]) if (!wanted.has(id)) required.delete(id);
        for (const [id, partyName] of wanted) {
          const stored = required.get(id) as { partyName?: unknown } | true | undefined;
          if (stored === true || stored?.partyName !== partyName) required.set(id, { partyName });
        }
      });
      return ok({ requiredSigners: readWorkshop(document.doc).requiredSigners });
    });
  }

  /** A decision as it will be written (next in order, in the party's name, now); written by the caller. */
  private draftDecision(
    doc: CaseDocument['doc'],
    party: Party,
    input: { text: string; itemPath?: string },
  ): { decisionId: string; decision: Decision } {
    const decisions = requireChild(doc, 'decisions');
    let order = 0;
    decisions.forEach((value) => {
      const n = (value as { order?: unknown } | null)?.order;
      if (typeof n === 'number' && n > order) order = n;
    });
    const decisionId = this.makeId();
    const decision: Decision = {
      text: input.text,
      ...(input.itemPath !== undefined ? { itemPath: input.itemPath } : {}),
      partyId: party.id,
      partyName: party.name,
      at: this.iso(),
      order: order + 1,
    };
    return { decisionId, decision };
  }

  /**
   * Runs one workshop operation on the case's live document, one at a time per case: an
   * operation reads the record, waits for the store, and writes — no other may change the
   * record in between (a ballot counted into a vote just revealed).
   */
  private async withDocument<T>(
    caseId: string,
    run: (document: CaseDocument) => Promise<Result<T>>,
  ): Promise<Result<T>> {
    const document = await this.registry.open(caseId);
    if (!document) return fail(404, ApiErrorCode.CaseNotFound, `No case with id ${caseId}.`);
    try {
      return await document.serially(() => run(document));
    } catch (error) {
      // A server change whose write failed (or a ballot the store refused) was not made: say so, loudly.
      if (error instanceof StorageUnavailableError || isStorageFailure(error)) {
        this.log('error', 'workshop change refused: the store cannot write', { caseId, error });
        return storageUnavailable();
      }
      throw error;
    }
  }

  private iso(): string {
    return new Date(this.now()).toISOString();
  }
}

function requireChild(doc: CaseDocument['doc'], key: Parameters<typeof workshopChild>[1]) {
  const map = workshopChild(doc, key);
  // The server creates every nested map with the case and on load (ensureWorkshop).
  if (!map) throw new Error(`workshop.${key} is missing`);
  return map;
}

/** Who may sign off (W10): anyone who may change the case — an observer changes and signs nothing. */
function canSignOff(role: Party['role']): boolean {
  return canEdit(role);
}

/** The refusal of an observer's sign-off. */
export function observersCannotSign() {
  return fail(
    403,
    ApiErrorCode.Forbidden,
    'Observers cannot sign off: signing is for the parties who agree to the case. (Observatører kan ikke skrive under: det gør de parter, der indgår aftalen.)',
  );
}

function commentGone(commentId: string) {
  return fail(404, ApiErrorCode.CommentNotFound, `No comment ${commentId} in this case.`);
}

function voteGone(voteId: string) {
  return fail(404, ApiErrorCode.VoteNotFound, `No vote ${voteId} in this case.`);
}

/**
 * A party's sign-off of this very version signed again (issue 15): a person not yet among its
 * signers is added as a co-signer (the head of department and the finance officer who share the
 * party's link both sign); the same person, no name, or a full list changes nothing.
 */
function coSigned(signed: SignoffEntry, signer: string | undefined, at: string): SignoffEntry {
  if (!signer || hasSigner(signed, signer)) return signed;
  if (!signed.signerName) return { ...signed, signerName: signer };
  const coSigners = signed.coSigners ?? [];
  if (coSigners.length >= MAX_CO_SIGNERS) return signed;
  return { ...signed, coSigners: [...coSigners, { name: signer, at }] };
}
