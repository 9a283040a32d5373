/**
 * Issue 9 item 4 (import): POST /api/cases/import parsed the file in the exchange worker but
 * built the case's Y.Doc on the event loop. The worker now builds the encoded state too; the
 * loop only stores it. A large import within every bound must not hold up /health.
 */
import { type CaseModelDraft, exampleCase, RICH_TEXT_BOUND } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import { cleanupAfterEach } from '../support/cleanup.ts';
import { api, startTestServer } from '../support/server.ts';
import { healthProbe } from './attackFixtures.ts';

type Candidate = CaseModelDraft['interventions']['candidates'][number];

const CANDIDATES = 16;

/** A rich text as large as the bounds allow: many short paragraphs, under the node and character limits. */
function fullDescription(seed: number): Candidate['description'] {
  const paragraphs = Math.floor((RICH_TEXT_BOUND.maxNodes - 10) / 2);
  // 90 % of the characters allowed, spread over the paragraphs.
  const perParagraph = Math.floor((RICH_TEXT_BOUND.maxChars * 0.9) / paragraphs);
  const text = `Indsats ${seed}: tæt opfølgning og koordinering. `.repeat(10);
  return {
    type: 'doc',
    content: Array.from({ length: paragraphs }, (_, i) => ({
      type: 'paragraph',
      content: [{ type: 'text', text: `${i} ${text}`.slice(0, perParagraph) }],
    })),
  } as Candidate['description'];
}

/**
 * The example case with 16 candidates, each with a description as large as the bounds allow
 * (a third of the 50 allowed: building it on the loop held /health for seconds; all 50 take
 * half a minute to build even in the worker on the shared test machine).
 */
function largeCase(): CaseModelDraft {
  const model = exampleCase();
  const template = model.interventions.candidates[0] as Candidate;
  model.interventions.candidates = Array.from({ length: CANDIDATES }, (_, i) => ({
    ...template,
    id: `int-${i}`,
    order: `a${String(i).padStart(4, '0')}`,
    name: `Indsats ${i + 1}`,
    description: fullDescription(i),
  }));
  model.interventions.chosenId = 'int-0';
  return model;
}

describe('[9.4] import builds its document off the event loop', () => {
  const { servers } = cleanupAfterEach();

  it('[9.4] during a large valid import, GET /health answers within 1 s, and the imported case is complete', async () => {
    const server = await startTestServer();
    servers.push(server);
    const model = largeCase();
    const text = JSON.stringify(model); // a case model with its schemaVersion
    expect(text.length).toBeGreaterThan(1_500_000);

    const probe = healthProbe(server.url);
    const response = await fetch(`${server.url}/api/cases/import`, { method: 'POST', body: text });
    const longest = await probe.stop();
    expect(response.status).toBe(201);
    const { id, token } = (await response.json()) as { id: string; token: string };
    expect(longest).toBeLessThan(1_000);

    const stored = await api(server.url, token, 'GET', `/api/cases/${id}/model`);
    expect(stored.body.interventions.candidates).toHaveLength(CANDIDATES);
    const last = `int-${CANDIDATES - 1}`;
    const description = stored.body.interventions.candidates.find((c: { id: string }) => c.id === last).description;
    expect(description).toEqual(model.interventions.candidates[CANDIDATES - 1]?.description);
  });
});
