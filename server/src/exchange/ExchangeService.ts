import {
  buildCaseExport,
  type CaseExport,
  caseExportJson,
  contentHash,
  IMPORTED_HISTORY,
  ImportedHistory,
  isAgreed,
  parseCaseImport,
  readWorkshop,
  toModel,
  workshopMap,
} from '@caseroom/shared';
import * as Y from 'yjs';
import type { CaseService, CreatedCase } from '../cases/CaseService.ts';
import type { DocumentRegistry } from '../documents/DocumentRegistry.ts';
import type { Log } from '../log.ts';
import type { DocumentStore } from '../storage/DocumentStore.ts';
import { fail, ok, type Result } from '../workshop/results.ts';

/** The largest import body: 50 MiB. One byte more is refused (413) before it is parsed. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** A rendered JSON export and the file name to save it under. */
export type ExportFile = { filename: string; json: string; export: CaseExport };

/**
 * JSON export and import of cases (docs/exchange.md). Exports read the live document or a
 * snapshot's state into plain data and hand it to the pure `buildCaseExport`; imports are
 * checked completely by `parseCaseImport` before a case is created, so a refused file
 * creates nothing.
 */
export class ExchangeService {
  constructor(
    private readonly store: DocumentStore,
    private readonly registry: DocumentRegistry,
    private readonly cases: CaseService,
    private readonly log: Log,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * GET …/export.json: `snapshotId` → that snapshot; otherwise the current version if it is
   * agreed, else the newest agreed sign-off snapshot, else the current version.
   */
  async exportCase(caseId: string, snapshotId?: string): Promise<Result<ExportFile>> {
    if (snapshotId !== undefined) {
      const snapshot = this.store.getSnapshot(caseId, snapshotId);
      if (!snapshot) return fail(404, 'snapshotNotFound', `No snapshot ${snapshotId} in this case.`);
      return ok(this.render(caseId, snapshotId, stateView(snapshot.state)));
    }
    const document = await this.registry.open(caseId);
    if (!document) return fail(404, 'caseNotFound', `No case with id ${caseId}.`);
    const current = docView(document.doc);
    if (current.agreed) return ok(this.render(caseId, 'current', current));
    for (const info of this.store.listSnapshots(caseId)) {
      if (info.kind !== 'signoff') continue;
      const snapshot = this.store.getSnapshot(caseId, info.id);
      const view = snapshot && stateView(snapshot.state);
      if (view?.agreed) return ok(this.render(caseId, info.id, view));
    }
    return ok(this.render(caseId, 'current', current));
  }

  /** POST /api/cases/import: a new case from the file (a new id), or the reasons it was refused. */
  importCase(text: string): Result<CreatedCase> {
    const parsed = parseCaseImport(text, { maxBytes: MAX_IMPORT_BYTES });
    if (!parsed.ok) {
      const tooLarge = parsed.reason === 'tooLarge';
      return fail(tooLarge ? 413 : 400, tooLarge ? 'importTooLarge' : 'invalidImport', summary(parsed.errors), {
        errors: parsed.errors,
      });
    }
    const created = this.cases.importCase(parsed.model, parsed.history);
    this.log('info', 'case imported', {
      caseId: created.id,
      fromSchemaVersion: parsed.fromSchemaVersion,
      decisions: parsed.history.decisions.length,
      signoffs: parsed.history.signoffs.length,
    });
    return ok(created);
  }

  private render(caseId: string, source: string, view: DocView): ExportFile {
    const built = buildCaseExport({ caseId, source, now: this.now(), ...view });
    return { filename: exportFilename(built), json: caseExportJson(built), export: built };
  }
}

type DocView = Omit<Parameters<typeof buildCaseExport>[0], 'caseId' | 'source' | 'now'> & { agreed: boolean };

/** The plain data an export needs from a document. */
function docView(doc: Y.Doc): DocView {
  const model = toModel(doc);
  const workshop = readWorkshop(doc);
  const history = ImportedHistory.safeParse(workshopMap(doc)?.get(IMPORTED_HISTORY));
  const signoffs = Object.entries(workshop.signoffs).map(([partyId, s]) => ({ partyId, ...s }));
  return {
    model,
    workshop,
    ...(history.success ? { importedHistory: history.data } : {}),
    agreed: isAgreed(workshop.requiredSigners, signoffs, contentHash(model)),
  };
}

function stateView(state: Uint8Array): DocView {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return docView(doc);
  } finally {
    doc.destroy();
  }
}

/** `<slug of the title>-v<first 8 of the content hash>.json`, ASCII only. */
export function exportFilename(value: Pick<CaseExport, 'case' | 'version'>): string {
  return `${slug(value.case.title)}-v${value.version.contentHash.slice(0, 8)}.json`;
}

/** A file-name-safe slug: Danish letters spelled out, accents dropped, anything else a dash. */
export function slug(title: string): string {
  const spelled = title
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  const cleaned = spelled
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return cleaned || 'case';
}

function summary(errors: { message: { en: string } }[]): string {
  const first = errors[0]?.message.en ?? 'The file cannot be imported.';
  return errors.length > 1 ? `The file cannot be imported: ${first} (and ${errors.length - 1} more).` : first;
}
