import type { UnpriceableReason } from '@caseroom/shared';
import { isoParts } from './format.ts';

/**
 * The report's Danish text — the default, and the reference whose keys `en` must match. Every
 * word the PDF prints that is not the case's own text, a field's label (the field registry,
 * shared/src/fields, via ../fieldRows.ts) or a figure's name (headlineFigures.ts, figureLabels.ts)
 * is here or in reportText.en.ts: headings, notes, table headers that are not fields.
 */
export const da = {
  documentSubject: 'Business case for en social investering',
  reportKind: 'Business case-rapport',
  untitled: '(uden titel)',
  page: (n: number, total: number) => `Side ${n} af ${total}`,
  version: 'Version',
  yes: 'Ja',
  no: 'Nej',
  yearOffset: (n: number) => `år ${n}`,
  years: 'år',
  noIrr: 'Intet IRR',
  seed: (seed: number, iterations: string) => `Monte Carlo: seed ${seed}, ${iterations} trækninger`,
  moneyNote: 'Beløb i kr., faste priser.',
  moneyAxis: 'Beløb i mio. kr.',
  empty: 'Ikke udfyldt.',
  effectNotEntered: 'Effekt ikke indtastet',
  dateTime: (iso: string) => {
    const d = isoParts(iso);
    return d ? `${d.day}.${d.month}.${d.year} kl. ${d.hour}.${d.minute} (UTC)` : iso;
  },
  sections: {
    facts: 'Fakta',
    problem: 'Problem',
    targetGroup: 'Målgruppe',
    intervention: 'Indsats',
    outcomes: 'Resultatmål',
    paymentModel: 'Betalingsmodel',
    charts: 'Business case i grafer',
    risk: 'Risiko',
    evaluation: 'Evaluering og kontrakt',
    findings: 'Fund fra valideringen',
    decisions: 'Beslutninger',
    signoffs: 'Godkendelser',
    assumptions: 'Forudsætninger bag tallene',
  },
  cover: {
    source: 'Kilde',
    current: 'Den aktuelle version',
    snapshot: (name: string) => `Gemt version »${name}«`,
    contentHash: 'Indholds-hash',
    agreed: 'Enighed',
    agreedYes: 'Ja – alle, der skal godkende, har godkendt denne version',
    agreedNo: 'Nej – ikke alle, der skal godkende, har godkendt denne version',
    exportedAt: 'Eksporteret',
    signedBy: 'Godkendt af',
    nobody: 'Ingen endnu',
    figures: 'Nøgletal',
    notPriceable: 'Business casen kan ikke beregnes endnu:',
    notPriceableAfter:
      'Rapporten viser derfor ingen nøgletal, grafer eller risikoanalyse – kun sagens indhold og forløb.',
    excludedOutcomes: (n: number) =>
      n === 1
        ? '1 resultatmål indgår ikke i beregningen, fordi det mangler tal.'
        : `${n} resultatmål indgår ikke i beregningen, fordi de mangler tal.`,
  },
  reasons: {
    noHorizon: 'tidshorisonten mangler (under Fakta).',
    noDiscountRate: 'diskonteringsrenten mangler (under Fakta).',
    noIntervention: 'der er ikke valgt en indsats (under Indsatser).',
    outOfBounds: 'et tal ligger uden for de grænser, Caseroom regner med (se fejlene).',
  } satisfies Record<UnpriceableReason, string>,
  targetGroup: {
    year: 'År',
    participants: 'Deltagere',
  },
  intervention: {
    noneChosen: 'Der er ikke valgt en indsats endnu.',
    chosenMark: '(valgt)',
  },
  comparison: {
    heading: 'Sammenligning af indsatser',
    intro:
      'Hver indsats er beregnet for sig med sine egne omkostninger, sin varighed og sin forventede andel pr. resultatmål; resten af sagen er den samme. Nutidsværdier (NV) i kr., faste priser.',
    candidate: 'Indsats',
    evidence: (level: string) => `Evidens: ${level}`,
    effectNotEntered: (outcomes: string) => `effekt ikke indtastet: ${outcomes} (beregnet uden)`,
    notPriced: (reason: string) => `Kan ikke beregnes: ${reason}`,
    probabilityNote: (seed: number, iterations: string) =>
      `Sandsynligheden for negativ NNV: ${iterations} Monte Carlo-trækninger inden for sagens scenarieintervaller, seed ${seed} – de samme som sagens egen risikoanalyse.`,
    rates: 'Forventet andel pr. resultatmål',
    outcome: 'Resultatmål',
  },
  outcomes: {
    none: 'Der er ikke opstillet resultatmål.',
    details: 'Resultatmålene i detaljer',
    excluded: 'Indgår ikke i beregningen (mangler tal)',
    sources: 'Kilder',
  },
  payment: {
    payers: 'Hvem betaler',
    total: 'I alt',
    ranges: 'Scenarieintervaller (faktor på det forventede)',
    input: 'Forudsætning',
    low: 'Lav',
    high: 'Høj',
    noPayers: 'Der er ikke fordelt betalinger på forvaltninger.',
  },
  charts: {
    cashFlow: 'Pengestrømme pr. år',
    cashFlowHelp:
      'Kommunens netto og investors pengestrøm pr. år (faste priser, ikke diskonteret) som søjler; kommunens akkumulerede nutidsværdi som stiplet linje – hvor den bliver positiv, er break-even. Over nul-linjen: penge ind; under: penge ud.',
    departments: 'Hvem betaler, hvem får gevinsten',
    departmentsHelp:
      'Nutidsværdi pr. forvaltning: værdi til højre, betalinger og egen omkostning til venstre, netto som sort streg.',
    tornado: 'Følsomhed: kommunens NNV',
    tornadoHelp:
      'Hvor meget kommunens nettonutidsværdi ændrer sig, når én forudsætning ad gangen sættes til sin lave eller høje værdi.',
    tornadoAxis: 'Ændring i NNV, mio. kr.',
    factor: 'faktor',
  },
  risk: {
    scenarios: 'Scenarier',
    scenario: 'Scenarie',
    investorLoses: 'Investor taber',
    scenarioNote: 'Lavt: lav effekt, høje omkostninger, lav fastholdelse. Højt: det modsatte.',
    monteCarlo: 'Monte Carlo-simulering',
    monteCarloNote: (seed: number, iterations: string) =>
      `${iterations} tilfældige kombinationer af effekt, omkostning og fastholdelse inden for scenarieintervallerne (trekantfordeling), seed ${seed}. Samme seed giver samme tal i browseren, CLI'en og eksporterne.`,
    figure: 'Tal',
  },
  evaluation: {
    signatories: 'Underskrivere',
  },
  findings: {
    none: 'Valideringen har ingen fund.',
    severity: { error: 'Fejl', warning: 'Advarsler', info: 'Til overvejelse' },
    rule: 'Regel',
  },
  decisions: {
    none: 'Der er ikke registreret beslutninger.',
    number: 'Nr.',
    text: 'Beslutning',
    about: 'Vedrører',
    who: 'Registreret af',
    when: 'Tidspunkt',
    imported: 'importeret historik',
  },
  signoffs: {
    intro:
      'En godkendelse gælder præcis den version, parten så – kendt på dens indholds-hash. Ændres sagen bagefter, gælder godkendelsen ikke længere.',
    none: 'Ingen har godkendt endnu.',
    party: 'Part',
    when: 'Tidspunkt',
    hash: 'Godkendt indholds-hash',
    status: 'Gælder denne version?',
    matches: 'Ja',
    other: 'Nej – en anden version',
    history: 'Historik – tæller ikke (importeret)',
    historyNote:
      'Godkendelser og beslutninger, en importeret sag bragte med sig, vises som historik og tæller ikke som godkendelser af denne sag.',
  },
  assumptions: {
    intro:
      'Alle beløb er i faste priser i prisåret. Nutidsværdier bruger diskonteringsfaktoren DF(t) = DF(t−1)/(1+r(t)), år 0 udiskonteret: r(t) efter Finansministeriets skema eller én fast rente, som sagen angiver.',
    frame: 'Beregningens ramme',
    rules: 'Regler',
    formula: 'Sådan regnes det',
    inputs: 'Forudsætninger',
    value: 'Værdi',
    year: 'År',
    total: 'I alt',
    probability:
      'Sandsynligheden for investortab er andelen af Monte Carlo-trækningerne, hvor summen af investors pengestrømme (nominelt) er under 0.',
    rulesNote: 'Reglerne P1–P18 er beskrevet i docs/pricing.md.',
    sources: 'Hvor tallene kommer fra',
    where: 'Hvor',
    field: 'Felt',
    note: 'Kilde',
  },
};

/** The shape of one language's report text. */
export type ReportText = typeof da;
