import type { PortfolioAssessment, PortfolioRow } from '@caseroom/shared';
import { contentHash } from '@caseroom/shared';
import type { CaseDocument } from '../documents/CaseDocument.ts';
import type { DocumentRegistry } from '../documents/DocumentRegistry.ts';
import type { ExchangeWorkers } from '../exchange/ExchangeWorkers.ts';
import {
  agreedOrCurrent,
  type DocView,
  docView,
  stateView,
  storedVersionRevision,
  type VersionView,
} from '../exchange/versionView.ts';
import type { ActivityService } from '../history/ActivityService.ts';
import type { CaseRecord } from '../storage/CaseCatalogue.ts';
import type { Stores } from '../storage/Stores.ts';
import { type ShownVersion, ShownVersionCache } from './ShownVersionCache.ts';

/** How many assessments are kept (by content hash): a model priced once is not priced again. */
const ASSESSMENT_CACHE_SIZE = 1_000;

/** "Who was active": the parties who edited in this long up to the case's last activity. */
export const ACTIVE_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * The fund's portfolio (issue 15): every case of an organisation, side by side, for its agreed
 * version (the latest every required signatory signed) or else its current one — figures from
 * the same pricing as the panel (`assessForPortfolio`, in the exchange worker, cached by content
 * hash), findings, readiness, last activity and who was active. A case is read from its live
 * document if this process has it, else from the store, without loading it (in a cluster, a
 * case another process owns is read as stored). What a stored case shows is decoded once per
 * revision of it (`ShownVersionCache`): a request reads only the marks of unchanged cases.
 */
export class PortfolioService {
  private readonly assessments = new Map<string, PortfolioAssessment>();
  /** Assessments being computed now, by content hash. */
  private readonly pricing = new Map<string, Promise<PortfolioAssessment>>();
  private readonly storedVersions = new ShownVersionCache();
  /** Stored cases being decoded now, by case and revision: what a request that also missed waits for. */
  private readonly decoding = new Map<string, Promise<ShownVersion>>();

  constructor(
    private readonly stores: Stores,
    private readonly registry: DocumentRegistry,
    private readonly workers: ExchangeWorkers,
    private readonly activity: ActivityService,
  ) {}

  /** The organisation's cases, most recently changed first; archived ones (issue 15) only with `includeArchived`. */
  async rows(organisationId: string, includeArchived = false): Promise<PortfolioRow[]> {
    const firstId = await this.stores.organisations.firstId();
    const all = await this.stores.cases.list();
    this.storedVersions.retainOnly(new Set(all.map((record) => record.id)));
    const records = all.filter(
      (record) =>
        (record.organisationId ?? firstId) === organisationId && (includeArchived || record.archivedAt === undefined),
    );
    const rows: PortfolioRow[] = [];
    // One case at a time: the worker runs one job at a time anyway, and the store is not flooded.
    for (const record of records) rows.push(await this.row(record));
    return rows;
  }

  private async row(record: CaseRecord): Promise<PortfolioRow> {
    const live = this.registry.get(record.id);
    const shown = live ? await this.liveVersion(live) : await this.storedVersion(record.id);
    const { assessment } = shown;
    const activity = await this.activity.list(record.id, 100);
    // Newest stretch first (ActivityService.list).
    const lastAt = activity[0]?.lastAt ?? '';
    const since = lastAt ? new Date(Date.parse(lastAt) - ACTIVE_WINDOW_MS).toISOString() : '';
    const activeParties = [
      ...new Set(
        [...activity]
          .filter((entry) => entry.lastAt >= since && entry.partyName)
          .sort((a, b) => (a.lastAt < b.lastAt ? 1 : -1))
          .map((entry) => entry.partyName),
      ),
    ];
    const summary = live ? live.summary() : record;
    return {
      caseId: record.id,
      title: shown.title ?? summary.title ?? '',
      ...(shown.municipality ? { municipality: shown.municipality } : {}),
      ...(shown.phase ? { phase: shown.phase } : {}),
      readyThroughPhase: assessment.readyThroughPhase,
      ...(assessment.intervention ? { intervention: assessment.intervention } : {}),
      version: shown.version,
      figures: assessment.figures,
      ...(assessment.notPriced ? { notPriced: assessment.notPriced } : {}),
      findings: assessment.findings,
      updatedAt: new Date(summary.updatedAt).toISOString(),
      ...(record.archivedAt === undefined ? {} : { archivedAt: new Date(record.archivedAt).toISOString() }),
      lastActivityAt: lastAt || null,
      activeParties,
    };
  }

  /** A case this process holds: read from its live document on every request. */
  private async liveVersion(live: CaseDocument): Promise<ShownVersion> {
    return this.shownVersion(await agreedOrCurrent(this.stores, live.id, docView(live.doc)));
  }

  /**
   * A case read as stored: decoded only when its revision (updates and sign-off snapshots) is
   * not the one last decoded. The revision is read first, so a change that lands while the
   * updates are read is kept under the older mark and decoded again at the next request.
   */
  private async storedVersion(caseId: string): Promise<ShownVersion> {
    const revision = await storedVersionRevision(this.stores, caseId);
    const known = this.storedVersions.get(caseId, revision);
    if (known) return known;
    // Requests that miss at once (a member and a colleague opening the page) decode the case once.
    const key = JSON.stringify([caseId, revision]);
    let decoding = this.decoding.get(key);
    if (!decoding) {
      decoding = this.decodeStored(caseId, revision).finally(() => this.decoding.delete(key));
      this.decoding.set(key, decoding);
    }
    return decoding;
  }

  private async decodeStored(caseId: string, revision: string): Promise<ShownVersion> {
    const current = stateView(...(await this.stores.updates.read(caseId)));
    const shown = await this.shownVersion(await agreedOrCurrent(this.stores, caseId, current));
    this.storedVersions.set(caseId, revision, shown);
    return shown;
  }

  private async shownVersion({ source, view }: VersionView): Promise<ShownVersion> {
    const hash = contentHash(view.model);
    const { title, municipality, phase } = view.model.facts;
    return {
      version: { source, agreed: view.agreed, contentHash: hash },
      title,
      municipality,
      phase: phase === 1 || phase === 2 || phase === 3 ? phase : undefined,
      assessment: await this.assess(view, hash),
    };
  }

  private async assess(view: DocView, hash: string): Promise<PortfolioAssessment> {
    const known = this.assessments.get(hash);
    if (known) return known;
    // The same content asked for at once (two requests, a live case not yet assessed) is priced once.
    let pricing = this.pricing.get(hash);
    if (!pricing) {
      pricing = this.priceInWorker(view, hash).finally(() => this.pricing.delete(hash));
      this.pricing.set(hash, pricing);
    }
    return pricing;
  }

  private async priceInWorker(view: DocView, hash: string): Promise<PortfolioAssessment> {
    const assessment = await this.workers.run({ kind: 'assess', model: view.model });
    if (this.assessments.size >= ASSESSMENT_CACHE_SIZE) {
      this.assessments.delete(this.assessments.keys().next().value as string);
    }
    this.assessments.set(hash, assessment);
    return assessment;
  }
}
