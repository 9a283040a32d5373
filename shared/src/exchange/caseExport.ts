import canonicalize from 'canonicalize';
import { z } from 'zod';
import {
  type BusinessCase,
  businessCase,
  DEFAULT_SEED,
  type RiskAnalysis,
  riskAnalysis,
} from '../businessCase/businessCase.ts';
import { CaseModelDraft } from '../model/caseModel.ts';
import { SCHEMA_VERSION } from '../model/primitives.ts';
import { contentHash } from '../signoff/contentHash.ts';
import { renderFinding } from '../validation/render.ts';
import { Decision, SignoffEntry, type WorkshopRecord } from '../workshop/record.ts';
import { isAgreed } from '../workshop/signoffs.ts';

/** The `format` marker of a Caseroom JSON export (docs/exchange.md). */
export const CASE_EXPORT_FORMAT = 'caseroom-case';

/** Monte Carlo iterations of an export's risk figures (the panel's default). */
export const EXPORT_ITERATIONS = 10_000;

/**
 * Marks an entry that came with an import: history from the case the file was exported from,
 * never one of this case's own decisions or signatures.
 */
const Imported = z.literal(true).optional();

/** A decision as exported: its id plus the workshop record's fields (`imported` for history). */
export const ExportedDecision = Decision.extend({ id: z.string().min(1).max(64), imported: Imported });
export type ExportedDecision = z.infer<typeof ExportedDecision>;

/** A sign-off as exported: who signed which content hash, when (`imported` for history). */
export const ExportedSignoff = SignoffEntry.extend({ partyId: z.string().min(1).max(64), imported: Imported });
export type ExportedSignoff = z.infer<typeof ExportedSignoff>;

/**
 * Decisions and sign-offs a case brought along when it was imported: history only, kept as a
 * plain value under `workshop.importedHistory` (server-written); never counted as signatures.
 */
export const IMPORTED_HISTORY = 'importedHistory';

/** The value stored under `workshop.importedHistory`. */
export const ImportedHistory = z.object({
  decisions: z.array(ExportedDecision),
  signoffs: z.array(ExportedSignoff),
  /** ISO 8601 time the case was made from the file (issue 13: an imported copy is marked); absent in cases imported before. */
  importedAt: z.string().max(40).optional(),
});
export type ImportedHistory = z.infer<typeof ImportedHistory>;

/**
 * The JSON export document (docs/exchange.md). Only `format`, `schemaVersion`, `model`,
 * `decisions` and `signoffs` are read back on import; everything else is derived and
 * recomputed by whoever reads the model.
 */
export const CaseExport = z.object({
  format: z.literal(CASE_EXPORT_FORMAT),
  schemaVersion: z.number().int(),
  exportedAt: z.string(),
  case: z.object({ id: z.string(), title: z.string() }),
  version: z.object({
    /** 'current' or the id of the snapshot exported. */
    source: z.string(),
    /** The exported snapshot's stored name and kind (read with `describeVersionName`); absent for the current version. */
    sourceName: z.object({ name: z.string(), kind: z.string() }).optional(),
    contentHash: z.string(),
    agreed: z.boolean(),
    /** Parties whose signature in this case is on this content hash. */
    signedBy: z.array(
      z.object({
        partyId: z.string(),
        partyName: z.string(),
        signerName: z.string().optional(),
        at: z.string(),
        /** The other people who signed this version for the party (issue 15). */
        coSignerNames: z.array(z.string()).optional(),
      }),
    ),
  }),
  model: CaseModelDraft,
  pricing: z.unknown(),
  findings: z.array(z.unknown()),
  decisions: z.array(ExportedDecision),
  signoffs: z.array(ExportedSignoff),
});
export type CaseExport = z.infer<typeof CaseExport>;

/** What an export is built from: plain data the caller read from the case (or a snapshot). */
export type CaseExportSource = {
  caseId: string;
  model: CaseModelDraft;
  workshop: WorkshopRecord;
  importedHistory?: ImportedHistory;
  /** 'current' or a snapshot id. */
  source: string;
  /** The snapshot's stored name and kind, when a snapshot is exported. */
  sourceName?: { name: string; kind: string };
  now: Date;
  /** Monte Carlo seed (default DEFAULT_SEED). */
  seed?: number;
  iterations?: number;
};

/**
 * The JSON export of a case, pure: model, pricing (with the risk analysis and its seed),
 * findings in Danish and English, decisions and sign-offs (imported history first).
 */
export function buildCaseExport(input: CaseExportSource): BuiltCaseExport {
  const { workshop } = input;
  // Records (per-department values, payer shares) in sorted key order: findings and pricing
  // iterate them, and a Y.Map does not keep insertion order, so the same content must not
  // give a differently ordered export after a round trip.
  const model = sortedKeys(input.model);
  const hash = contentHash(model);
  const own = Object.entries(workshop.signoffs).map(([partyId, s]) => ({ partyId, ...s }));
  const signedBy = own
    .filter((s) => s.hash === hash)
    .sort(byAtThenId)
    .map(({ partyId, partyName, signerName, at, coSigners }) => ({
      partyId,
      partyName,
      ...(signerName === undefined ? {} : { signerName }),
      at,
      ...(coSigners?.length ? { coSignerNames: coSigners.map((c) => c.name) } : {}),
    }));
  const decisions = Object.entries(workshop.decisions)
    .map(([id, d]) => ({ id, ...d }))
    .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
  const summary = businessCase(model);
  return {
    format: CASE_EXPORT_FORMAT,
    schemaVersion: SCHEMA_VERSION,
    exportedAt: input.now.toISOString(),
    case: { id: input.caseId, title: model.facts.title ?? '' },
    version: {
      source: input.source,
      ...(input.sourceName ? { sourceName: input.sourceName } : {}),
      contentHash: hash,
      agreed: isAgreed(workshop.requiredSigners, own, hash),
      signedBy,
    },
    model,
    pricing: exportPricing(summary, input.seed ?? DEFAULT_SEED, input.iterations ?? EXPORT_ITERATIONS),
    findings: summary.findings.map((finding) => ({
      ...finding,
      message: { da: renderFinding(finding, 'da'), en: renderFinding(finding, 'en') },
    })),
    decisions: [...(input.importedHistory?.decisions ?? []).map(asImported), ...decisions],
    signoffs: [...(input.importedHistory?.signoffs ?? []).map(asImported), ...own.sort(byAtThenId)],
  };
}

/** The export as canonical JSON (RFC 8785): stable key order, the same bytes for the same content. */
export function caseExportJson(value: CaseExport): string {
  const json = canonicalize(withoutCandidateInputs(value));
  if (json === undefined) throw new Error('caseExportJson: the export cannot be serialised');
  return json;
}

/**
 * The file leaves out each candidate's pricing inputs (P19): the renderers draw its Monte Carlo
 * from them in the process; in the file they would repeat the model many times over.
 */
function withoutCandidateInputs(value: CaseExport): CaseExport {
  const pricing = value.pricing as { candidates?: unknown } | undefined;
  if (!pricing || !Array.isArray(pricing.candidates)) return value;
  const candidates = pricing.candidates.map((candidate) => {
    if (typeof candidate !== 'object' || candidate === null) return candidate;
    const { input: _input, ...rest } = candidate as Record<string, unknown>;
    return rest;
  });
  return { ...value, pricing: { ...pricing, candidates } } as CaseExport;
}

/** The `pricing` part of an export as built: the business case and its risk analysis, or why it has none. */
export type ExportPricing = ReturnType<typeof exportPricing>;

/** An export as `buildCaseExport` builds it: `CaseExport` with its pricing typed (what the XLSX and PDF renderers read). */
export type BuiltCaseExport = Omit<CaseExport, 'pricing'> & { pricing: ExportPricing };

function exportPricing(summary: BusinessCase, seed: number, iterations: number) {
  // Candidates are priced each on their own inputs: the table has figures even when the case
  // as a whole cannot be priced yet (no intervention chosen, say).
  if (!summary.priced.ok) return { ok: false as const, reason: summary.priced.reason, candidates: summary.candidates };
  const { input, ranges, pricing, excludedOutcomeIds } = summary.priced;
  const risk: RiskAnalysis = riskAnalysis(input, ranges, { seed, iterations });
  // The sorted samples only draw the distribution chart; percentiles carry the figures.
  const { authorityNpvSamples: _samples, ...monteCarlo } = risk.monteCarlo;
  return {
    ok: true as const,
    pricing,
    excludedOutcomeIds,
    candidates: summary.candidates,
    risk: { seed, iterations, ranges, scenarios: risk.scenarios, sensitivity: risk.sensitivity, monteCarlo },
  };
}

function sortedKeys<T>(value: T): T {
  const json = canonicalize(value);
  if (json === undefined) throw new Error('buildCaseExport: the model cannot be serialised');
  return JSON.parse(json) as T;
}

function asImported<T extends { imported?: true }>(entry: T): T {
  return { ...entry, imported: true };
}

function byAtThenId(a: { at: string; partyId: string }, b: { at: string; partyId: string }): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : a.partyId < b.partyId ? -1 : a.partyId > b.partyId ? 1 : 0;
}
