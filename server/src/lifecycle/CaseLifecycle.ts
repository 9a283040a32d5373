import { ApiErrorCode, type ArchiveState, CloseCode, toModel, writeModel } from '@caseroom/shared';
import { buildCase, type CaseService, type CreatedCase } from '../cases/CaseService.ts';
import type { DocumentRegistry } from '../documents/DocumentRegistry.ts';
import type { Log } from '../log.ts';
import type { CaseRecord } from '../storage/CaseCatalogue.ts';
import type { Stores } from '../storage/Stores.ts';
import { fail, ok, type Result } from '../workshop/results.ts';

/** The prefix of a template copy's title when the caller names none (Danish: the product's default language). */
export const TEMPLATE_TITLE_PREFIX = 'Kopi af ';

/**
 * A case's life after its workshop (issue 15; docs/access.md "Archive, delete, retention"):
 * archived (read-only, out of the lists, its live connections closed, restorable), deleted for
 * good (every row of it in every table, its live document dropped), or copied as a template
 * for the next municipality (the model only). Who may ask is the router's concern.
 */
export class CaseLifecycle {
  constructor(
    private readonly stores: Stores,
    private readonly registry: DocumentRegistry,
    private readonly cases: CaseService,
    private readonly log: Log,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Archives a case: stored first (new connections and HTTP writes are refused from then on),
   * then its live document is closed for everyone with CaseArchived. Archiving an archived case
   * keeps the first time.
   */
  async archive(caseId: string): Promise<Result<ArchiveState>> {
    if (!(await this.stores.cases.setArchived(caseId, this.now()))) return notFound(caseId);
    await this.registry.discard(caseId, CloseCode.CaseArchived, 'case archived');
    this.log('info', 'case archived', { caseId });
    return ok(await this.state(caseId));
  }

  /** Restores an archived case: it is listed, opened and edited as before. */
  async restore(caseId: string): Promise<Result<ArchiveState>> {
    if (!(await this.stores.cases.setArchived(caseId, null))) return notFound(caseId);
    this.log('info', 'case restored', { caseId });
    return ok(await this.state(caseId));
  }

  /**
   * Deletes a case for good. It is archived first (nobody connects or writes meanwhile), its
   * live document closed (CaseNotFound: "no such case"), what it held written so nothing is in
   * flight, then every row of it goes in one transaction.
   */
  async delete(caseId: string): Promise<Result<{ id: string; deleted: true }>> {
    if (!(await this.stores.cases.setArchived(caseId, this.now()))) return notFound(caseId);
    await this.registry.discard(caseId, CloseCode.CaseNotFound, 'case deleted');
    if (!(await this.stores.cases.delete(caseId))) return notFound(caseId);
    this.log('info', 'case deleted', { caseId });
    return ok({ id: caseId, deleted: true });
  }

  /**
   * Copies a case as a template for the next one: a new case in the same organisation with the
   * source's model (structure, texts and whatever library links the model carries), and nothing
   * of its workshop record, comments, parties, tokens, ballots, snapshots or activity — the caller
   * becomes the new case's facilitator; its workshop starts at phase 1. Title: `title`, or
   * "Kopi af <title>".
   */
  async copyAsTemplate(caseId: string, title: string | undefined): Promise<Result<CreatedCase>> {
    const record = await this.stores.cases.get(caseId);
    const model = record && (await this.cases.readModel(caseId));
    if (!record || !model) return notFound(caseId);
    const name = title ?? `${TEMPLATE_TITLE_PREFIX}${model.facts.title ?? ''}`.trim();
    const built = buildCase(new Date(this.now()), (doc) => {
      // The phase is workshop state (W1): a copy starts its workshop at phase 1.
      writeModel(doc, { ...model, facts: { ...model.facts, title: name, phase: 1 } });
    });
    const created = await this.cases.storeBuilt(built, record.organisationId);
    this.log('info', 'case copied as a template', { caseId, copyId: created.id });
    return ok(created);
  }

  /** The title a deletion must be confirmed with: the case's title, or its id when it has none. */
  async confirmationOf(caseId: string): Promise<string | undefined> {
    const record = await this.stores.cases.get(caseId);
    if (!record) return undefined;
    const live = this.registry.get(caseId);
    const title = (live ? toModel(live.doc).facts.title : record.title)?.trim();
    return title ? title : caseId;
  }

  /** The case's catalogue entry (archived or not). */
  record(caseId: string): Promise<CaseRecord | undefined> {
    return this.stores.cases.get(caseId);
  }

  /**
   * The retention sweep: deletes every case archived longer than its organisation's retention
   * (`organisations.retention_days`; none set: kept). Returns the ids deleted; a case that
   * cannot be deleted now is logged and tried at the next sweep.
   */
  async sweep(): Promise<string[]> {
    const now = this.now();
    const organisations = await this.stores.organisations.list();
    const firstId = organisations[0]?.id;
    const retention = new Map(organisations.map((o) => [o.id, o.retentionDays]));
    const deleted: string[] = [];
    for (const record of await this.stores.cases.list()) {
      const days = retention.get(record.organisationId ?? firstId ?? '');
      if (days === undefined || record.archivedAt === undefined) continue;
      if (record.archivedAt + days * DAY_MS > now) continue;
      try {
        if ((await this.delete(record.id)).ok) deleted.push(record.id);
      } catch (error) {
        this.log('error', 'retention: a case could not be deleted; tried again at the next sweep', {
          caseId: record.id,
          error: (error as Error).message,
        });
      }
    }
    if (deleted.length > 0) this.log('info', 'retention: archived cases deleted', { count: deleted.length });
    return deleted;
  }

  private async state(caseId: string): Promise<ArchiveState> {
    const archivedAt = (await this.stores.cases.get(caseId))?.archivedAt;
    return { id: caseId, archivedAt: archivedAt === undefined ? null : new Date(archivedAt).toISOString() };
  }
}

/** A day in milliseconds (retention is set in days). */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** How often the retention sweep runs. */
export const RETENTION_SWEEP_MS = 60 * 60 * 1000;

/** Runs `sweep` every `intervalMs` (hourly by default); returns how to stop it. A failing sweep is logged. */
export function scheduleRetentionSweep(
  lifecycle: Pick<CaseLifecycle, 'sweep'>,
  log: Log,
  intervalMs: number = RETENTION_SWEEP_MS,
): () => void {
  const timer = setInterval(() => {
    lifecycle.sweep().catch((error: unknown) => {
      log('error', 'retention sweep failed; tried again in an hour', { error: (error as Error).message });
    });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

function notFound<T>(caseId: string): Result<T> {
  return fail(404, ApiErrorCode.CaseNotFound, `No case with id ${caseId}.`);
}
