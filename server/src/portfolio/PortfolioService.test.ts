import type { PortfolioAssessment } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentRegistry } from '../documents/DocumentRegistry.ts';
import type { ExchangeWorkers } from '../exchange/ExchangeWorkers.ts';
import type { ActivityService } from '../history/ActivityService.ts';
import { makeNewCase, makeNewOrganisation } from '../storage/contracts/contractFixtures.ts';
import { openSqliteStores } from '../storage/sqliteStores.ts';
import { PortfolioService } from './PortfolioService.ts';

const ASSESSMENT: PortfolioAssessment = {
  figures: null,
  notPriced: 'noCandidate',
  findings: { errors: 0, warnings: 0 },
  readyThroughPhase: 0,
};

describe('PortfolioService', () => {
  it('prices one content once when requests ask for it at the same time (a case held live, three requests)', async () => {
    const stores = await openSqliteStores(':memory:');
    await stores.organisations.create(makeNewOrganisation('org-1'));
    // Same initial state: the same content hash.
    const template = makeNewCase();
    await stores.cases.create({ ...template, id: 'case-a', organisationId: 'org-1' });
    await stores.cases.create({ ...template, id: 'case-b', organisationId: 'org-1' });
    let runs = 0;
    const workers = {
      run: async () => {
        runs++;
        await new Promise((resolve) => setTimeout(resolve, 20));
        return ASSESSMENT;
      },
    } as unknown as ExchangeWorkers;
    // case-a is held live: every request reads its document and asks for its assessment.
    const doc = new Y.Doc();
    Y.applyUpdate(doc, template.initialState);
    const live = { id: 'case-a', doc, summary: () => ({ ...template.summary, updatedAt: 1_000 }) };
    const registry = { get: (id: string) => (id === 'case-a' ? live : undefined) } as unknown as DocumentRegistry;
    const activity = { list: async () => [] } as unknown as ActivityService;
    const portfolio = new PortfolioService(stores, registry, workers, activity);

    const answers = await Promise.all([portfolio.rows('org-1'), portfolio.rows('org-1'), portfolio.rows('org-1')]);
    expect(answers[0].map((row) => row.caseId).sort()).toEqual(['case-a', 'case-b']);
    expect(answers[1]).toEqual(answers[0]);
    expect(runs).toBe(1);
  });
});
