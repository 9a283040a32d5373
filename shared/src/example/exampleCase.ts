import { withChosenCandidateRates } from '../model/candidateRates.ts';
import type { CaseModelDraft } from '../model/caseModel.ts';
import { SCHEMA_VERSION } from '../model/primitives.ts';
import { richTextFromParagraphs } from '../richtext/convert.ts';

const NB_BESK = 'nb-beskaeftigelse.dk, 19. nov. 2020: +9.868 modtagere → +1,28 mia. kr./år; statsrefusion 38 % (2019)';
const ILLUSTRATIVE = 'Illustrativt skøn til eksemplet — erstat med kommunens egne tal.';

/**
 * The built-in example, in Danish: adults on sickness benefit with mental illness, a
 * jobcenter-led intervention, value booked to the jobcenter, health, the region and the state.
 * Clearly marked illustrative; figures cite their public sources (docs/product.md). Seeded on the
 * server into a new case, never by setting editor content in a client.
 */
export function exampleCase(): CaseModelDraft {
  // P19: as a document reads it — each outcome's expected rate (and note) is the chosen candidate's.
  return withChosenCandidateRates({
    schemaVersion: SCHEMA_VERSION,
    facts: {
      title: 'Sygedagpenge og psykisk sygdom (illustrativt eksempel)',
      municipality: 'Eksempelkommune',
      partners: {
        authority: 'Eksempelkommune',
        provider: 'Eksempel Indsats ApS',
        investor: 'Eksempelfonden for Sociale Investeringer',
        guarantor: 'Eksempelfonden (underskudsgaranti)',
        guarantorLevel: 'other', // a private fund: its guarantee is not public money (P12)
      },
      currency: 'DKK',
      priceYear: 2026,
      startYear: 2027,
      horizonYears: 10,
      discountMethod: 'schedule',
      discountRate: 0.035,
      phase: 2,
      departments: [
        { id: 'dep-jobcenter', order: 'a0', name: 'Jobcenter', level: 'municipal' },
        { id: 'dep-social', order: 'a1', name: 'Socialforvaltningen', level: 'municipal' },
        { id: 'dep-health', order: 'a2', name: 'Sundhed og Omsorg', level: 'municipal' },
        { id: 'dep-region', order: 'a3', name: 'Region – psykiatrien', level: 'regional' },
        { id: 'dep-state', order: 'a4', name: 'Staten', level: 'state' },
      ],
      sources: {
        discountRate: 'Finansministeriet, notat af 7. jan. 2021: 3,5 % år 0–35, derefter 2,5 % (skemaet bruges)',
        horizonYears: ILLUSTRATIVE,
      },
    },
    problem: {
      text: richTextFromParagraphs(
        'ILLUSTRATIVT EKSEMPEL. Borgere på sygedagpenge med angst, depression eller stress bliver ofte længe på ydelsen, og mange ender på kontanthjælp eller førtidspension.',
        'Årsager: lange ventetider i behandlingspsykiatrien, opfølgning der ikke hænger sammen mellem jobcenter og sundhed, og for lidt kontakt med arbejdspladsen.',
        'Det er prøvet før: virksomhedspraktik og mentorforløb har hjulpet nogle, men effekten holdt ikke, når forløbet sluttede.',
      ),
    },
    targetGroup: {
      name: 'Voksne på sygedagpenge med psykisk lidelse',
      eligibility: richTextFromParagraphs(
        '18–60 år, på sygedagpenge i mindst 8 uger, med en psykisk diagnose eller lægefaglig vurdering af psykisk lidelse.',
      ),
      eligiblePopulation: 400,
      intake: [
        { year: 0, participants: 60 },
        { year: 1, participants: 80 },
        { year: 2, participants: 80 },
      ],
      baseline: richTextFromParagraphs(
        'Uden indsatsen er ca. 20 % i ordinær beskæftigelse et år efter visitation (illustrativt skøn).',
      ),
      sources: { eligiblePopulation: ILLUSTRATIVE, intake: ILLUSTRATIVE },
    },
    interventions: {
      candidates: [
        {
          id: 'int-ips',
          order: 'a0',
          name: 'IPS – individuelt planlagt job med støtte',
          description: richTextFromParagraphs(
            'En jobkonsulent i behandlingsteamet hjælper borgeren direkte ud på en ordinær arbejdsplads og støtter undervejs.',
          ),
          provider: 'Eksempel Indsats ApS',
          evidenceLevel: 'strong',
          costPerParticipant: 40000,
          fixedCostPerYear: 200000,
          durationYears: 1,
          expectedRates: { 'out-employment': 0.4, 'out-admissions': 0.68 },
          sources: {
            costPerParticipant: ILLUSTRATIVE,
            'expectedRates.out-employment': ILLUSTRATIVE,
            'expectedRates.out-admissions': ILLUSTRATIVE,
          },
        },
        {
          id: 'int-mentor',
          order: 'a1',
          name: 'Mentorforløb med virksomhedspraktik',
          description: richTextFromParagraphs('Fast mentor og gradvis optrapning i praktik.'),
          provider: 'Kommunens eget jobcenter',
          evidenceLevel: 'moderate',
          costPerParticipant: 35000,
          fixedCostPerYear: 150000,
          durationYears: 1,
          expectedRates: { 'out-employment': 0.3, 'out-admissions': 0.62 },
          sources: {
            costPerParticipant: ILLUSTRATIVE,
            'expectedRates.out-employment': ILLUSTRATIVE,
            'expectedRates.out-admissions': ILLUSTRATIVE,
          },
        },
        {
          id: 'int-coordination',
          order: 'a2',
          name: 'Tværfaglig koordinator mellem jobcenter og psykiatri',
          description: richTextFromParagraphs('Én koordinator følger borgeren på tværs af sektorer.'),
          provider: 'Eksempelkommune',
          evidenceLevel: 'emerging',
          costPerParticipant: 20000,
          fixedCostPerYear: 250000,
          durationYears: 1,
          expectedRates: { 'out-employment': 0.24, 'out-admissions': 0.66 },
          sources: {
            costPerParticipant: ILLUSTRATIVE,
            'expectedRates.out-employment': ILLUSTRATIVE,
            'expectedRates.out-admissions': ILLUSTRATIVE,
          },
        },
      ],
      chosenId: 'int-ips',
      rationale: richTextFromParagraphs('IPS har den stærkeste evidens for målgruppen (illustrativt).'),
    },
    outcomes: [
      {
        id: 'out-employment',
        order: 'a0',
        name: 'Ordinær beskæftigelse',
        definition: 'I ordinær beskæftigelse mindst 15 timer om ugen, målt 12 måneder efter start',
        direction: 'higher',
        dataSource: 'DREAM / eIndkomst',
        measurementMethod: 'Registerudtræk ved 12, 24 og 36 måneder',
        baselineRate: 0.2,
        expectedRate: 0.4,
        attribution: 1,
        lagYears: 1,
        durationYears: 4,
        persistence: 0.85,
        valuePerDepartment: { 'dep-jobcenter': 130000, 'dep-social': 20000, 'dep-state': 80000 },
        points: [{ id: 'point-1', months: 12, price: 250000, basis: 'additional' }],
        sources: {
          baselineRate: ILLUSTRATIVE,
          expectedRate: ILLUSTRATIVE,
          valuePerDepartment: `Jobcenter: ${NB_BESK}. Staten: ${ILLUSTRATIVE}`,
          points: ILLUSTRATIVE,
        },
      },
      {
        id: 'out-admissions',
        order: 'a1',
        name: 'Færre psykiatriske indlæggelser',
        definition: 'Andel uden psykiatrisk indlæggelse i året efter forløbet',
        direction: 'lower',
        dataSource: 'Landspatientregisteret',
        measurementMethod: 'Registerudtræk årligt',
        baselineRate: 0.6,
        expectedRate: 0.68,
        attribution: 0.8,
        lagYears: 1,
        durationYears: 2,
        persistence: 0.7,
        valuePerDepartment: { 'dep-region': 50000, 'dep-health': 10000 },
        points: [{ id: 'point-1', months: 12, price: 0, basis: 'additional' }],
        sources: { valuePerDepartment: ILLUSTRATIVE },
      },
    ],
    paymentModel: {
      payerShares: { 'dep-jobcenter': 0.8, 'dep-social': 0.2 },
      investorFundedShare: 1,
      paymentCap: 14000000,
      returnCap: 0.08,
      guaranteeAmount: 2000000,
      scenarios: {
        effect: { low: 0.5, high: 1.3 },
        cost: { low: 0.9, high: 1.25 },
        persistence: { low: 0.7, high: 1.1 },
      },
      sources: {
        guaranteeAmount: 'Jf. Holbæk 2021: underskudsgaranti op til 5 mio. kr. (sn.dk, 5. marts 2021)',
        paymentCap: 'Jf. Essex: betalinger loftet ved 7,1 mio. GBP (Social Finance; GO Lab)',
      },
    },
    evaluation: {
      design: 'comparisonGroup',
      dataSources: 'DREAM, eIndkomst, Landspatientregisteret',
      measurementPoints: '12, 24 og 36 måneder efter start',
      evaluator: 'Uafhængigt evalueringsinstitut (illustrativt)',
      notes: richTextFromParagraphs(
        'Sammenligningsgruppe fra nabokommuner, matchet på alder, diagnose og ledighedshistorik.',
      ),
      contractYears: 5,
      contractParties: 'Eksempelkommune, Eksempel Indsats ApS, Eksempelfonden',
      earlyStop: richTextFromParagraphs('Kan stoppes efter år 2, hvis under 10 % af deltagerne er i beskæftigelse.'),
      signatories: [
        { id: 'sig-municipality', order: 'a0', name: 'Borgmester', organisation: 'Eksempelkommune' },
        { id: 'sig-provider', order: 'a1', name: 'Direktør', organisation: 'Eksempel Indsats ApS' },
        { id: 'sig-investor', order: 'a2', name: 'Investeringschef', organisation: 'Eksempelfonden' },
      ],
    },
  });
}
