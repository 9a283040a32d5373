/**
 * A full workshop on the built-in example, played against a real server the way browsers and
 * the facilitator's buttons would (issue 9: the storage quota must be at least 100× what such
 * a workshop stores). Four editors and the facilitator, three phases:
 *  - rich text typed one keystroke per transaction (as Tiptap sends it), with a typo and its
 *    backspace every 12 characters; three editors type in the problem at once;
 *  - short texts and source notes typed as the form writes them: the whole string on every
 *    keystroke;
 *  - numbers committed field by field, items added and one removed, payer shares reworked;
 *  - the workshop record through the API: phases, locks, the timer, a dot vote, decisions,
 *    comments, required signers, two rounds of sign-offs around a late edit.
 * Deterministic: the text comes from one Danish paragraph, rotated.
 */
import {
  addItem,
  addMeasurementPoint,
  candidateRateSourceKey,
  contentHash,
  getItem,
  nestedFragment,
  nestedMap,
  removeItem,
  sectionMap,
  setField,
  toModel,
  writeShortText,
} from '@caseroom/shared';
import * as Y from 'yjs';
import { api, type Json, type NodeClient, waitFor } from '../support/server.ts';

/** What was played: the counts docs/workshop.md reports next to the stored size. */
export type WorkshopPlayed = {
  /** Document transactions the editors sent (each one update frame). */
  transactions: number;
  /** Characters typed into rich text (typos and their backspaces not counted). */
  richTextChars: number;
  /** Characters typed into short texts and source notes. */
  shortTextChars: number;
  /** Requests to the workshop API (phase, locks, timer, votes, decisions, comments, sign-offs). */
  workshopRequests: number;
};

/** The parties who play: the facilitator's token and four editors' synced clients and tokens. */
export type WorkshopCast = {
  url: string;
  caseId: string;
  facilitator: string;
  editors: { client: NodeClient; token: string; partyId: string }[];
  /** Every client whose document must hold the result before it counts as played. */
  watchers: NodeClient[];
};

const CORPUS =
  'Borgere på sygedagpenge med angst, depression eller stress bliver ofte længe på ydelsen, og mange ender på kontanthjælp eller førtidspension. ' +
  'Jobcenteret og behandlingspsykiatrien følger op hver for sig, ventetiderne er lange, og kontakten til arbejdspladsen går tabt. ' +
  'Vi vil prøve en indsats, hvor jobkonsulenten sidder i behandlingsteamet og hjælper borgeren tilbage i ordinært arbejde med støtte undervejs. ' +
  'Effekten måles i registrene ved 12, 24 og 36 måneder, og betalingen følger de opnåede resultater. ';

/** `length` characters of Danish workshop prose, starting `seed` characters into the corpus. */
export function prose(length: number, seed: number): string {
  let text = '';
  let at = (seed * 37) % CORPUS.length;
  while (text.length < length) {
    text += CORPUS.slice(at, at + length - text.length);
    at = 0;
  }
  return text;
}

/** Lets the sockets flush and the server answer between bursts of keystrokes. */
const breathe = () => new Promise((resolve) => setImmediate(resolve));

/** Plays the whole workshop; resolves once every watcher holds every editor's last change. */
export async function playExampleWorkshop(cast: WorkshopCast): Promise<WorkshopPlayed> {
  const played: WorkshopPlayed = { transactions: 0, richTextChars: 0, shortTextChars: 0, workshopRequests: 0 };
  const [jobcenter, social, health, provider] = cast.editors as [
    WorkshopCast['editors'][number],
    WorkshopCast['editors'][number],
    WorkshopCast['editors'][number],
    WorkshopCast['editors'][number],
  ];
  const call = async (token: string, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<Json> => {
    played.workshopRequests++;
    const response = await api(cast.url, token, method, `/api/cases/${cast.caseId}${path}`, body);
    if (response.status >= 300)
      throw new Error(`${method} ${path}: HTTP ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const facilitate = (method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) =>
    call(cast.facilitator, method, path, body);

  /** One keystroke per transaction into a new paragraph at the end of a rich-text field. */
  async function typeRichText(editor: NodeClient, fragment: Y.XmlFragment | undefined, text: string) {
    if (!fragment) throw new Error('rich-text field missing');
    const line = new Y.XmlText();
    editor.doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [line]);
      fragment.insert(fragment.length, [paragraph]);
    });
    played.transactions++;
    for (let i = 0; i < text.length; i++) {
      if (i % 12 === 11) {
        editor.doc.transact(() => line.insert(i, 'x'));
        editor.doc.transact(() => line.delete(i, 1));
        played.transactions += 2;
      }
      editor.doc.transact(() => line.insert(i, text[i] as string));
      played.transactions++;
      played.richTextChars++;
      if (i % 50 === 49) await breathe();
    }
  }

  /** A short text as TextField writes it: the whole value again on every keystroke. */
  async function typeShortText(editor: NodeClient, map: Y.Map<unknown> | undefined, key: string, text: string) {
    if (!map) throw new Error(`map for ${key} missing`);
    for (let i = 1; i <= text.length; i++) {
      editor.doc.transact(() => writeShortText(map, key, text.slice(0, i)));
      played.transactions++;
      played.shortTextChars++;
      if (i % 50 === 0) await breathe();
    }
  }

  /** A number as NumberField commits it: one write per field edit. */
  function commit(editor: NodeClient, map: Y.Map<unknown> | undefined, key: string, value: number) {
    if (!map) throw new Error(`map for ${key} missing`);
    editor.doc.transact(() => setField(map, key, value));
    played.transactions++;
  }

  const section = (editor: NodeClient, name: Parameters<typeof sectionMap>[1]) => sectionMap(editor.doc, name);
  const comment = (token: string, itemPath: string, seed: number) =>
    call(token, 'POST', '/workshop/comments', { itemPath, text: prose(200, seed) });
  const decide = (text: string, itemPath?: string) =>
    facilitate('POST', '/workshop/decisions', itemPath ? { text, itemPath } : { text });
  const timerRound = async () => {
    await facilitate('POST', '/workshop/timer', { action: 'start', seconds: 900 });
    await facilitate('POST', '/workshop/timer', { action: 'pause' });
    await facilitate('POST', '/workshop/timer', { action: 'add', seconds: 300 });
    await facilitate('POST', '/workshop/timer', { action: 'start' });
  };

  // Phase 1: problem & target group, candidates, a dot vote.
  await facilitate('POST', '/workshop/phase', { phase: 1 });
  await timerRound();
  await Promise.all(
    [jobcenter, social, health].map(async (editor, i) => {
      const problem = nestedFragment(section(editor.client, 'problem'), 'text');
      await typeRichText(editor.client, problem, prose(700, i));
      await typeRichText(editor.client, problem, prose(700, i + 10));
    }),
  );
  await Promise.all([
    typeRichText(social.client, nestedFragment(section(social.client, 'targetGroup'), 'eligibility'), prose(1000, 3)),
    typeRichText(health.client, nestedFragment(section(health.client, 'targetGroup'), 'baseline'), prose(1000, 4)),
    typeShortText(jobcenter.client, section(jobcenter.client, 'targetGroup'), 'name', prose(60, 5)),
  ]);
  const intake = nestedMap(section(jobcenter.client, 'targetGroup'), 'intake');
  for (const [year, participants] of [
    ['0', 50],
    ['1', 70],
    ['2', 90],
    ['0', 60],
    ['1', 80],
    ['2', 80],
  ] as const)
    commit(jobcenter.client, intake, year, participants);
  for (const [i, id] of ['int-extra-a', 'int-extra-b'].entries()) {
    const item = addItem(provider.client.doc, 'intervention', id);
    played.transactions++;
    await typeShortText(provider.client, item, 'name', prose(50, 6 + i));
    await typeShortText(provider.client, item, 'provider', prose(30, 8 + i));
    await typeRichText(provider.client, nestedFragment(item, 'description'), prose(800, 9 + i));
    for (const [key, value] of [
      ['costPerParticipant', 30000 + i * 5000],
      ['fixedCostPerYear', 100000],
      ['durationYears', 1],
      ['costPerParticipant', 32000 + i * 5000],
    ] as const)
      commit(provider.client, item, key, value);
  }
  const vote = await facilitate('POST', '/workshop/votes', {
    list: 'interventions',
    itemIds: ['int-ips', 'int-mentor', 'int-coordination', 'int-extra-a', 'int-extra-b'],
    votesPerPerson: 3,
  });
  for (const editor of cast.editors)
    await call(editor.token, 'PUT', `/workshop/votes/${vote.voteId}/ballot`, { itemIds: ['int-ips', 'int-extra-a'] });
  await facilitate('POST', `/workshop/votes/${vote.voteId}/reveal`);
  await facilitate('POST', `/workshop/votes/${vote.voteId}/decide`, { itemId: 'int-ips', text: 'Vi vælger IPS' });
  removeItem(provider.client.doc, 'intervention', 'int-extra-b');
  played.transactions++;
  await typeRichText(
    jobcenter.client,
    nestedFragment(section(jobcenter.client, 'interventions'), 'rationale'),
    prose(600, 12),
  );
  for (let i = 0; i < 15; i++) await comment(cast.editors[i % 4]!.token, 'interventions/candidates/int-ips', i);
  for (let i = 0; i < 5; i++) await decide(prose(120, 20 + i));
  await facilitate('POST', '/workshop/locks', { section: 'problem', locked: true });
  await facilitate('POST', '/workshop/locks', { section: 'interventions', locked: true });

  // Phase 2: outcome targets, values per department, the payment model.
  await facilitate('POST', '/workshop/phase', { phase: 2 });
  await timerRound();
  const wellbeing = addItem(health.client.doc, 'outcome', 'out-wellbeing');
  played.transactions++;
  await typeShortText(health.client, wellbeing, 'name', prose(40, 30));
  await typeShortText(health.client, wellbeing, 'definition', prose(150, 31));
  await typeShortText(health.client, wellbeing, 'dataSource', prose(40, 32));
  await typeShortText(health.client, wellbeing, 'measurementMethod', prose(80, 33));
  for (const outcomeId of ['out-employment', 'out-admissions', 'out-wellbeing']) {
    const item = getItem(jobcenter.client.doc, 'outcome', outcomeId);
    for (let round = 0; round < 4; round++) {
      for (const [key, value] of [
        ['baselineRate', 0.2 + round / 100],
        ['attribution', 1 - round / 20],
        ['lagYears', 1],
        ['durationYears', 3 + round],
        ['persistence', 0.8 + round / 50],
      ] as const)
        commit(jobcenter.client, item, key, value);
      // P7: the price at the outcome's first measurement point (a new outcome gets its point first).
      const points = nestedMap(item, 'points');
      if (!points) throw new Error('rate card missing');
      if (!points.has('point-1')) {
        jobcenter.client.doc.transact(() =>
          addMeasurementPoint(points, 'point-1', { months: 12, basis: 'additional' }),
        );
        played.transactions++;
      }
      commit(jobcenter.client, nestedMap(points, 'point-1'), 'price', 200000 + round * 10000);
      // P19: the expected rate is the chosen candidate's.
      const rates = nestedMap(getItem(jobcenter.client.doc, 'intervention', 'int-ips'), 'expectedRates');
      commit(jobcenter.client, rates, outcomeId, 0.4 + round / 100);
      const values = nestedMap(item, 'valuePerDepartment');
      commit(jobcenter.client, values, 'dep-jobcenter', 120000 + round * 5000);
      commit(jobcenter.client, values, 'dep-health', 10000 + round * 1000);
    }
    const sources = nestedMap(getItem(social.client.doc, 'outcome', outcomeId), 'sources');
    for (const [n, key] of ['baselineRate', 'valuePerDepartment', 'points'].entries())
      await typeShortText(social.client, sources, key, prose(120, 40 + n));
    const candidateSources = nestedMap(getItem(social.client.doc, 'intervention', 'int-ips'), 'sources');
    await typeShortText(social.client, candidateSources, candidateRateSourceKey(outcomeId), prose(120, 43));
  }
  const payment = section(social.client, 'paymentModel');
  const shares = nestedMap(payment, 'payerShares');
  for (let round = 0; round < 5; round++) {
    commit(social.client, shares, 'dep-jobcenter', 0.8 - round / 20);
    commit(social.client, shares, 'dep-social', 0.2);
    commit(social.client, shares, 'dep-health', round / 20);
    commit(social.client, payment, 'paymentCap', 14000000 - round * 500000);
    commit(social.client, payment, 'returnCap', 0.08 - round / 200);
    commit(social.client, payment, 'guaranteeAmount', 2000000 + round * 250000);
  }
  for (const [n, key] of ['paymentCap', 'guaranteeAmount', 'returnCap', 'investorFundedShare'].entries())
    await typeShortText(social.client, nestedMap(payment, 'sources'), key, prose(120, 50 + n));
  for (const [n, key] of ['eligiblePopulation', 'intake', 'baseline', 'name'].entries())
    await typeShortText(
      health.client,
      nestedMap(section(health.client, 'targetGroup'), 'sources'),
      key,
      prose(120, 60 + n),
    );
  for (const [n, key] of ['discountRate', 'horizonYears', 'startYear', 'priceYear'].entries())
    await typeShortText(
      jobcenter.client,
      nestedMap(section(jobcenter.client, 'facts'), 'sources'),
      key,
      prose(120, 70 + n),
    );
  for (let i = 0; i < 15; i++) await comment(cast.editors[i % 4]!.token, `outcomes/out-employment`, 100 + i);
  for (let i = 0; i < 5; i++) await decide(prose(120, 120 + i));
  await facilitate('POST', '/workshop/locks', { section: 'outcomes', locked: true });
  await facilitate('POST', '/workshop/locks', { section: 'paymentModel', locked: true });

  // Phase 3: evaluation and contract, two rounds of sign-offs around a late edit.
  await facilitate('POST', '/workshop/phase', { phase: 3 });
  await timerRound();
  const evaluation = (editor: NodeClient) => section(editor, 'evaluation');
  await Promise.all([
    typeRichText(jobcenter.client, nestedFragment(evaluation(jobcenter.client), 'notes'), prose(1500, 80)),
    typeRichText(provider.client, nestedFragment(evaluation(provider.client), 'earlyStop'), prose(500, 81)),
    (async () => {
      await typeShortText(social.client, evaluation(social.client), 'dataSources', prose(150, 82));
      await typeShortText(social.client, evaluation(social.client), 'measurementPoints', prose(60, 83));
      await typeShortText(social.client, evaluation(social.client), 'evaluator', prose(60, 84));
      await typeShortText(social.client, evaluation(social.client), 'contractParties', prose(120, 85));
    })(),
  ]);
  for (const [i, id] of ['sig-region', 'sig-state'].entries()) {
    const item = addItem(health.client.doc, 'signatory', id);
    played.transactions++;
    await typeShortText(health.client, item, 'name', prose(30, 90 + i));
    await typeShortText(health.client, item, 'organisation', prose(40, 92 + i));
  }
  for (let i = 0; i < 10; i++) await comment(cast.editors[i % 4]!.token, 'evaluation', 200 + i);
  for (let i = 0; i < 5; i++) await decide(prose(120, 220 + i));
  await settle(cast);
  await facilitate('PUT', '/workshop/required-signers', { partyIds: cast.editors.map((editor) => editor.partyId) });
  const signAll = async () => {
    await settle(cast);
    const hash = contentHash(toModel(jobcenter.client.doc));
    for (const editor of cast.editors) await call(editor.token, 'POST', '/workshop/signoffs', { hash });
  };
  await signAll();
  commit(social.client, evaluation(social.client), 'contractYears', 6);
  await signAll();
  await settle(cast);
  return played;
}

/** Waits until every watcher's document holds every editor's changes. */
async function settle(cast: WorkshopCast): Promise<void> {
  const vector = (client: NodeClient) => Y.decodeStateVector(Y.encodeStateVector(client.doc));
  await waitFor(
    () =>
      cast.watchers.every((watcher) => {
        const seen = vector(watcher);
        return cast.editors.every(({ client }) => {
          const own = vector(client).get(client.doc.clientID) ?? 0;
          return (seen.get(client.doc.clientID) ?? 0) >= own;
        });
      }),
    { timeoutMs: 60_000, intervalMs: 50, what: 'every watcher has every edit' },
  );
}
