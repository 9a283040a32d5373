import { ApiErrorCode, type ExportFormat, type ExportLanguage } from '@caseroom/shared';
import type { CaseService, CreatedCase } from '../cases/CaseService.ts';
import type { DocumentRegistry } from '../documents/DocumentRegistry.ts';
import type { Log } from '../log.ts';
import type { Stores } from '../storage/Stores.ts';
import { isStorageFailure } from '../storage/storageFailure.ts';
import { fail, ok, type Result, storageUnavailable } from '../workshop/results.ts';
import { ExchangeJobFailed, type ExchangeWorkers } from './ExchangeWorkers.ts';
import type { BuiltImport } from './exchangeWorker.ts';
import type { RenderedExport } from './renderExport.ts';
import { agreedOrCurrent, docView, stateView, type VersionView } from './versionView.ts';

/** The largest import body: 50 MiB. One byte more is refused (413) before it is parsed. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/**
 * How many exports one party may have waiting or running in one case at once (issue 9: any
 * party could fill the worker's queue of 20). A third is refused with 429 `tooManyExports`;
 * the rest of the queue stays free for everyone else.
 */
export const MAX_EXPORTS_PER_PARTY = 2;

/** Which version to export, in which format and language (docs/exchange.md). */
export type ExportOptions = {
  /** A snapshot id, 'current', or nothing: the agreed version if there is one, else the current. */
  version?: string;
  format: ExportFormat;
  lang: ExportLanguage;
};

/**
 * Export and import of cases (docs/exchange.md). An export reads the live document or a
 * snapshot's state into plain data on the event loop (cheap) and hands it to the export worker
 * thread, which builds the export (pricing, risk analysis, findings) and renders JSON, XLSX or
 * PDF — so an export never holds up other people's editing. Imports are checked completely by
 * `parseCaseImport` before a case is created, so a refused file creates nothing.
 */
export class ExchangeService {
  /** Exports waiting or running, by case and party (`caseId partyId`). */
  private readonly exportsInFlight = new Map<string, number>();

  constructor(
    private readonly stores: Stores,
    private readonly registry: DocumentRegistry,
    private readonly cases: CaseService,
    private readonly workers: ExchangeWorkers,
    private readonly log: Log,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * GET …/export.<format>: `version` = a snapshot id → that snapshot; 'current' → the current
   * version; nothing → the current version if it is agreed, else the newest agreed sign-off
   * snapshot, else the current version. At most MAX_EXPORTS_PER_PARTY at once per party and case.
   */
  async exportCase(caseId: string, partyId: string, options: ExportOptions): Promise<Result<RenderedExport>> {
    const key = `${caseId} ${partyId}`;
    const inFlight = this.exportsInFlight.get(key) ?? 0;
    if (inFlight >= MAX_EXPORTS_PER_PARTY) {
      this.log('warn', 'export refused: too many at once', { caseId, partyId, inFlight });
      return fail(
        429,
        ApiErrorCode.TooManyExports,
        `You already have ${inFlight} files being made; wait until one is done. (Du har allerede ${inFlight} filer under udarbejdelse; vent til en af dem er færdig.)`,
        { limit: MAX_EXPORTS_PER_PARTY },
      );
    }
    this.exportsInFlight.set(key, inFlight + 1);
    try {
      return await this.renderVersion(caseId, options);
    } finally {
      const left = (this.exportsInFlight.get(key) ?? 1) - 1;
      if (left > 0) this.exportsInFlight.set(key, left);
      else this.exportsInFlight.delete(key);
    }
  }

  private async renderVersion(caseId: string, options: ExportOptions): Promise<Result<RenderedExport>> {
    const found = await this.versionToExport(caseId, options.version);
    if (!found.ok) return found;
    const { source, sourceName, view } = found.value;
    const { agreed: _agreed, ...data } = view;
    try {
      const rendered = await this.workers.run({
        kind: 'export',
        request: {
          format: options.format,
          lang: options.lang,
          source: { caseId, source, ...(sourceName ? { sourceName } : {}), now: this.now(), ...data },
        },
      });
      this.log('info', 'case exported', {
        caseId,
        format: options.format,
        version: source,
        bytes: rendered.bytes.length,
      });
      return ok(rendered);
    } catch (error) {
      this.log('error', 'export failed', {
        caseId,
        format: options.format,
        version: source,
        error: (error as Error).message,
      });
      // A renderer that throws on this case would throw again: say so rather than "try again".
      return error instanceof ExchangeJobFailed
        ? fail(
            500,
            ApiErrorCode.ExportFailed,
            'This file could not be made from this version of the case. The error is logged.',
          )
        : fail(
            503,
            ApiErrorCode.ExportUnavailable,
            'The server could not make the file just now. Try again in a moment.',
          );
    }
  }

  private async versionToExport(caseId: string, version: string | undefined): Promise<Result<VersionView>> {
    if (version !== undefined && version !== 'current') {
      const snapshot = await this.stores.snapshots.get(caseId, version);
      if (!snapshot) return fail(404, ApiErrorCode.SnapshotNotFound, `No snapshot ${version} in this case.`);
      const sourceName = { name: snapshot.name, kind: snapshot.kind };
      return ok({ source: version, sourceName, view: stateView(snapshot.state) });
    }
    const document = await this.registry.open(caseId);
    if (!document) return fail(404, ApiErrorCode.CaseNotFound, `No case with id ${caseId}.`);
    const current = docView(document.doc);
    if (version === 'current') return ok({ source: 'current', view: current });
    return ok(await agreedOrCurrent(this.stores, caseId, current));
  }

  /**
   * POST /api/cases/import: a new case from the file (a new id), or the reasons it was refused.
   * Parsing and checking a file of up to 50 MiB, and building the case's document from it, take
   * seconds for the largest: both happen in the exchange worker. The event loop only stores the
   * encoded state it gets back (one write; 503 `storageUnavailable` if the store cannot write).
   * The case belongs to `organisationId` (the organisation whose key came with the file), or
   * else to the first organisation.
   */
  async importCase(text: string, organisationId?: string): Promise<Result<CreatedCase>> {
    let parsed: BuiltImport;
    try {
      parsed = await this.workers.run({
        kind: 'buildImport',
        text,
        maxBytes: MAX_IMPORT_BYTES,
        createdAt: this.now().getTime(),
      });
    } catch (error) {
      this.log('error', 'import failed', { bytes: text.length, error: (error as Error).message });
      return error instanceof ExchangeJobFailed
        ? fail(
            500,
            ApiErrorCode.ImportFailed,
            'The file could not be read because of an error in Caseroom. The error is logged.',
          )
        : fail(
            503,
            ApiErrorCode.ImportUnavailable,
            'The server could not read the file just now. Try again in a moment.',
          );
    }
    if (!parsed.ok) {
      const tooLarge = parsed.reason === 'tooLarge';
      return fail(
        tooLarge ? 413 : 400,
        tooLarge ? ApiErrorCode.ImportTooLarge : ApiErrorCode.InvalidImport,
        summary(parsed.errors),
        {
          errors: parsed.errors,
        },
      );
    }
    let created: CreatedCase;
    try {
      created = await this.cases.storeBuilt(parsed.built, organisationId);
    } catch (error) {
      if (!isStorageFailure(error)) throw error;
      this.log('error', 'import refused: the store cannot write', { bytes: text.length, error });
      return storageUnavailable();
    }
    this.log('info', 'case imported', {
      caseId: created.id,
      fromSchemaVersion: parsed.fromSchemaVersion,
      decisions: parsed.decisions,
      signoffs: parsed.signoffs,
    });
    return ok(created);
  }
}

function summary(errors: { message: { en: string } }[]): string {
  const first = errors[0]?.message.en ?? 'The file cannot be imported.';
  return errors.length > 1 ? `The file cannot be imported: ${first} (and ${errors.length - 1} more).` : first;
}
