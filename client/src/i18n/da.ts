import { adminDa } from './admin.da.ts';
import { apiErrorsDa } from './apiErrors.da.ts';
import { exchangeDa } from './exchange.da.ts';
import { libraryDa } from './library.da.ts';
import { libraryAdminDa } from './libraryAdmin.da.ts';
import { lifecycleDa } from './lifecycle.da.ts';
import { lifetimeDa } from './lifetime.da.ts';
import { networkDa } from './network.da.ts';
import { portfolioDa } from './portfolio.da.ts';
import { workshopDa } from './workshop.da.ts';

/**
 * Danish UI text — the reference catalogue. `en.ts` must have exactly the same keys (the type
 * checker enforces it). Danish domain words follow the glossary in docs/product.md.
 */
const field = (label: string, help: string) => ({ label, help });

const list = (items: string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} og ${items.at(-1)}`;

export const da = {
  common: {
    skipToContent: 'Spring til indholdet',
    tryAgain: 'Prøv igen',
    noDepartmentsYet: 'Sagen har ingen forvaltninger endnu. Tilføj dem under Fakta.',
  },
  language: {
    label: 'Sprog',
    names: { da: 'Dansk', en: 'English' },
  },
  units: { money: 'kr.', percent: '%', count: 'personer', years: 'år', decimal: 'faktor' },
  numberErrors: {
    notANumber: 'Det er ikke et tal. Skriv fx 1.234.567 eller 3,5.',
    notWhole: 'Skriv et helt tal (uden komma).',
    negative: 'Tallet kan ikke være negativt.',
    tooLarge: 'Tallet er for stort.',
    percentRange: 'En procentsats skal ligge mellem 0 og 100.',
  },
  fields: {
    source: 'Kilde',
    sourcePlaceholder: 'Hvor kommer tallet fra?',
    /** A reference field's option for "none of them yet". */
    undecided: 'Ikke besluttet endnu',
    /** One department's input in a field of numbers per department (shares, values). */
    perDepartment: (unit: string, department: string) =>
      unit === 'percent' ? `Andel for ${department}` : `Værdi for ${department}`,
    /** The sum of shares per department. */
    total: (sum: string) => `I alt: ${sum}`,
    /** One year's input in a field of participants per year. */
    cohortYear: (n: number, calendarYear?: number) => (calendarYear ? `År ${n} (${calendarYear})` : `År ${n}`),
  },
  richText: {
    toolbar: (label: string) => `Formatering: ${label}`,
    bold: 'Fed',
    italic: 'Kursiv',
    bulletList: 'Punktopstilling',
    orderedList: 'Nummereret liste',
  },
  list: {
    up: 'Op',
    down: 'Ned',
    removeShort: 'Fjern',
    moveUp: (title: string) => `Flyt ${title} op`,
    moveDown: (title: string) => `Flyt ${title} ned`,
    remove: (title: string) => `Fjern ${title}`,
    departmentTitle: (n: number) => `Forvaltning ${n}`,
    interventionTitle: (n: number) => `Indsats ${n}`,
    outcomeTitle: (n: number) => `Resultatmål ${n}`,
    signatoryTitle: (n: number) => `Underskriver ${n}`,
  },
  sections: {
    facts: {
      title: 'Fakta',
      intro: 'Hvem er med, hvor og hvornår – og de forvaltninger, der betaler eller får gevinsten.',
    },
    problem: {
      title: 'Problem',
      intro: 'Beskriv problemet, dets årsager, hvad der er prøvet før, og hvad vi ved.',
    },
    targetGroup: {
      title: 'Målgruppe',
      intro: 'Hvem indsatsen er for, hvor mange der kan komme i betragtning, og hvor mange der starter hvert år.',
    },
    interventions: {
      title: 'Indsatser',
      intro: 'Kandidaterne til indsatsen med deres omkostninger – og den, gruppen vælger.',
    },
    outcomes: {
      title: 'Resultatmål',
      intro:
        'Hvad der måles, hvilken effekt vi forventer, hvad et opnået resultat er værd, og hvad der betales for det.',
    },
    paymentModel: {
      title: 'Betalingsmodel',
      intro: 'Hvem betaler, hvem finansierer indsatsen, og hvilke lofter og garantier der gælder.',
    },
    evaluation: {
      title: 'Evaluering og kontrakt',
      intro: 'Hvordan effekten måles, kontraktens vilkår, og hvem der skal skrive under.',
    },
  },
  phases: {
    1: 'Problem og målgruppe',
    2: 'Business case og betalingsmodel',
    3: 'Evaluering og kontrakt',
  },
  facts: {
    departmentsHeading: 'Forvaltninger',
    departmentsHelp: 'De forvaltninger og myndigheder, der betaler for indsatsen eller får gevinsten af den.',
    addDepartment: 'Tilføj forvaltning',
    noDepartments: 'Ingen forvaltninger endnu.',
  },
  interventions: {
    noOutcomesYet: 'Sagen har ingen resultatmål endnu. Tilføj dem under Resultatmål.',
    outcomeColumn: 'Resultatmål',
    rateCell: (candidate: string, outcome: string) => `${candidate}: forventet niveau for ${outcome}`,
    candidatesHeading: 'Kandidater',
    add: 'Tilføj indsats',
    none: 'Ingen indsatser endnu.',
  },
  outcomes: {
    rateNeedsChoice:
      'Hver indsats har sit eget forventede niveau. Udfyld det i tabellen under Indsatser – når gruppen har valgt en indsats, kan dens niveau også rettes her.',
    add: 'Tilføj resultatmål',
    none: 'Ingen resultatmål endnu.',
  },
  /** P7: an outcome's rate card (MeasurementPointsField). */
  measurementPoints: {
    monthsColumn: 'Måneder efter start',
    priceColumn: 'Pris pr. resultat',
    basisColumn: 'Der betales for',
    monthsUnit: 'mdr.',
    /** Which year after intake a point falls in: floor(months / 12) + 1. */
    yearHint: (year: number) => `= år ${year}`,
    /** A point as labels name it: by its months once entered, else by its row. */
    pointName: (months: number | undefined, row: number) =>
      months === undefined ? `målepunkt ${row}` : `målepunkt ${months} ${months === 1 ? 'måned' : 'måneder'}`,
    /** A point whose year lies past the case's horizon: not paid within it (P7). */
    pastHorizon: (horizon: number) => `efter sagens horisont på ${horizon} år, betales ikke`,
    monthsLabel: (row: number) => `Måneder efter start, målepunkt ${row}`,
    priceLabel: (point: string) => `Pris pr. resultat, ${point}`,
    basisLabel: (point: string) => `Der betales for, ${point}`,
    remove: (point: string) => `Fjern ${point}`,
    removeShort: 'Fjern',
    add: 'Tilføj målepunkt',
    none: 'Ingen målepunkter endnu.',
    full: (max: number) => `Et resultatmål kan højst have ${max} målepunkter. Fjern et, før du tilføjer et nyt.`,
    tooManyMonths: (max: number) => `Et målepunkt kan højst ligge ${max} måneder (${max / 12} år) efter start.`,
    /** The rate card's table region, named with its outcome ("… for Resultatmål 2: Ordinær beskæftigelse"). */
    regionLabel: (field: string, outcome: string) => `${field} for ${outcome}`,
  },
  paymentModel: {
    scenariosHeading: 'Scenarier',
    scenariosHelp: 'Lav og høj værdi som faktor på det forventede: 0,8 betyder 20 % under, 1,2 betyder 20 % over.',
    scenarioInputs: { effect: 'effekt', cost: 'omkostning', persistence: 'fastholdelse' },
    scenario: (input: string, low: boolean) => `${low ? 'Lav' : 'Høj'} ${input}`,
    scenarioLowHelp: 'Faktor i det pessimistiske scenarie.',
    scenarioHighHelp: 'Faktor i det optimistiske scenarie.',
  },
  evaluation: {
    signatoriesHeading: 'Underskrivere',
    addSignatory: 'Tilføj underskriver',
    noSignatories: 'Ingen underskrivere endnu.',
  },
  presence: {
    heading: (n: number) => (n === 1 ? '1 person i sagen' : `${n} personer i sagen`),
    anonymous: 'Unavngiven',
    you: '(dig)',
    selfEntered: 'selv oplyst',
    selfEnteredName: (name: string) => `${name} (selv oplyst)`,
  },
  nav: {
    label: 'Sagens afsnit',
    peopleHere: (names: string[]) => `Her nu: ${list(names)}`,
    findingCounts: (errors: number, warnings: number) =>
      list([
        ...(errors > 0 ? [`${errors} fejl`] : []),
        ...(warnings > 0 ? [warnings === 1 ? '1 advarsel' : `${warnings} advarsler`] : []),
      ]),
  },
  businessCase: {
    heading: 'Business case',
    show: 'Vis business case',
    hide: 'Skjul business case',
    hideShort: 'Skjul',
    widen: 'Vis business casen i fuld bredde',
    narrow: 'Vis business casen ved siden af',
    widenShort: 'Fuld bredde',
    narrowShort: 'Ved siden af',
    recomputing: 'Regner risiko igen …',
    riskFailed: 'Risikoberegningen mislykkedes. Tallene ovenfor gælder stadig.',
    notPriceable: 'Business casen kan ikke beregnes endnu:',
    reasons: {
      noHorizon: 'tidshorisonten mangler (under Fakta).',
      noDiscountRate: 'diskonteringsrenten mangler (under Fakta).',
      noIntervention: 'der er ikke valgt en indsats (under Indsatser).',
      outOfBounds: 'et tal ligger uden for de grænser, Caseroom regner med (se fejlene).',
    },
    excludedOutcomes: (n: number) =>
      n === 1
        ? '1 resultatmål indgår ikke, fordi det mangler tal.'
        : `${n} resultatmål indgår ikke, fordi de mangler tal.`,
    figuresHeading: 'Nøgletal',
    howBuilt: 'Vis udregning',
    openExplanation: (figure: string) => `Vis hvordan ${figure} er regnet ud`,
    breakEvenIn: (year: string) => `Kommunen har tjent indsatsen hjem i ${year}`,
    yearOffset: (n: number) => `år ${n}`,
    pending: 'Beregner …',
    seed: (seed: number, iterations: string) => `Monte Carlo: seed ${seed}, ${iterations} trækninger`,
    readiness: {
      ready: (phase: number) => `Klar til at lukke fase ${phase}`,
      blocked: (phase: number, n: number) =>
        n === 1
          ? `1 fejl skal rettes, før fase ${phase} kan lukkes`
          : `${n} fejl skal rettes, før fase ${phase} kan lukkes`,
    },
    explanation: {
      close: 'Luk',
      rules: 'Regler',
      formula: 'Formel',
      inputs: 'Forudsætninger',
      perYear: 'År for år',
      year: 'År',
      total: 'I alt',
      moneyNote: 'Beløb i kr., faste priser.',
    },
    charts: {
      showTable: 'Vis tallene som tabel',
      moneyAxis: 'Beløb i mio. kr.',
      cashFlow: {
        title: 'Pengestrømme pr. år',
        summary: (
          from: string,
          to: string,
          worst: string,
          worstYear: string,
          best: string,
          bestYear: string,
          cumulative: string,
        ) =>
          `Kommunens netto pr. år fra ${from} til ${to}: laveste ${worst} (${worstYear}), højeste ${best} (${bestYear}). Kommunens akkumulerede nutidsværdi ved horisonten: ${cumulative}.`,
      },
      departments: {
        title: 'Hvem betaler, hvem får gevinsten',
        help: 'Nutidsværdi pr. forvaltning: værdi til højre, betalinger og egen omkostning til venstre, netto som sort streg.',
        summary: (parts: string[]) => `Netto pr. forvaltning (nutidsværdi): ${list(parts)}.`,
      },
      tornado: {
        title: 'Følsomhed: kommunens NNV',
        help: 'Hvor meget kommunens nettonutidsværdi ændrer sig, når én forudsætning ad gangen sættes til sin lave eller høje værdi.',
        axis: 'Ændring i NNV',
        factor: (input: string, factor: string) => `${input} (faktor ${factor})`,
        summary: (parts: string[]) => `Kommunens NNV ved lav og høj værdi: ${list(parts)}.`,
        part: (input: string, low: string, high: string) => `${input} fra ${low} til ${high}`,
        change: 'Ændring',
        input: 'Forudsætning',
      },
      monteCarlo: {
        title: 'Usikkerhed: fordeling af kommunens NNV',
        help: 'Tusindvis af tilfældige kombinationer af effekt, omkostning og fastholdelse inden for scenarieintervallerne.',
        count: 'Antal trækninger',
        from: 'Fra',
        to: 'Til',
        belowZero: 'Under 0',
        summary: (p5: string, p50: string, p95: string, negative: string) =>
          `Kommunens NNV: 5 %-fraktil ${p5}, median ${p50}, 95 %-fraktil ${p95}. Sandsynlighed for negativ NNV: ${negative}.`,
      },
    },
    scenarios: {
      title: 'Scenarier',
      scenario: 'Scenarie',
      investorLoses: 'Investor taber',
      yes: 'Ja',
      no: 'Nej',
    },
  },
  findings: {
    heading: 'Fund',
    none: 'Ingen fund – modellen hænger sammen.',
    severity: { error: 'Fejl', warning: 'Advarsel', info: 'Til overvejelse' },
    severityPlural: { error: 'Fejl', warning: 'Advarsler', info: 'Til overvejelse' },
    goTo: 'Gå til feltet',
    summary: (errors: number, warnings: number, infos: number) =>
      `${errors} fejl, ${warnings === 1 ? '1 advarsel' : `${warnings} advarsler`}, ${infos} til overvejelse`,
  },
  candidates: {
    heading: 'Kandidaterne side om side',
    help: 'Hver indsats regnet med sine egne omkostninger, sin varighed og sin forventede effekt på hvert resultatmål – resten som i sagen.',
    intervention: 'Indsats',
    chosen: '(valgt)',
    notPriced: 'Kan ikke beregnes endnu',
    effectNotEntered: (outcomes: string) => `effekt ikke indtastet: ${outcomes}`,
    effectNotEnteredHelp: 'En indsats uden forventet niveau på et resultatmål er regnet uden det resultatmål.',
    computing: 'beregner …',
    riskFailed: 'kunne ikke beregnes',
    simulation: (iterations: string, seed: number) =>
      `Sandsynligheden er andelen af ${iterations} simulerede forløb (seed ${seed}), hvor kommunens NNV er under nul.`,
  },
  connection: {
    connecting: { label: 'Forbinder …', detail: '' },
    connected: { label: 'Forbundet', detail: '' },
    reconnecting: { label: 'Genforbinder …', detail: 'Dine ændringer gemmes på denne enhed imens.' },
    offline: {
      label: 'Offline',
      detail: 'Dine ændringer gemmes på denne enhed og sendes, når forbindelsen er tilbage.',
    },
    cantSave: {
      label: 'Serveren kan ikke gemme lige nu',
      detail: 'Dine ændringer gemmes på denne enhed. Vi prøver igen.',
    },
    tooManyMessages: {
      label: 'Forbindelsen blev afbrudt',
      detail: 'Din browser sendte for meget på én gang. Vi forbinder igen.',
    },
    slowConsumer: {
      label: 'Forbindelsen blev afbrudt',
      detail: 'Forbindelsen var for langsom til at følge med. Vi forbinder igen.',
    },
    messageTooBig: {
      label: 'Din ændring var for stor til at blive sendt',
      detail: 'Sagen hentes igen fra serveren.',
    },
    caseMoving: {
      label: 'Sagen flytter server',
      detail: 'En anden server overtager sagen. Dine ændringer gemmes på denne enhed og sendes om et øjeblik.',
    },
    ownerUnreachable: {
      label: 'Serveren kan ikke nå sagen lige nu',
      detail: 'Dine ændringer gemmes på denne enhed. Vi prøver igen om et øjeblik.',
    },
    notFound: { label: 'Sagen findes ikke', detail: '' },
    unauthorized: { label: 'Dit link gælder ikke for denne sag', detail: '' },
    linkRevoked: { label: 'Dit link er blevet erstattet', detail: 'Bed om det nye link.' },
    linkExpired: { label: 'Linket er udløbet', detail: 'Bed facilitatoren om et nyt link.' },
    accessEnded: { label: 'Din adgang er afsluttet', detail: 'Bed facilitatoren om et nyt link.' },
    caseArchived: { label: 'Sagen er arkiveret', detail: 'Den kan læses, men ikke ændres.' },
    blocked: { label: 'Netværket blokerer forbindelsen', detail: 'Dine ændringer gemmes i denne browser.' },
  },
  undo: {
    undo: 'Fortryd',
    redo: 'Gentag',
    undoHint: 'Fortryd din seneste ændring (Ctrl+Z)',
    redoHint: 'Gentag det, du fortrød (Ctrl+Shift+Z)',
  },
  workshop: workshopDa,
  exchange: exchangeDa,
  portfolio: portfolioDa,
  lifecycle: lifecycleDa,
  library: libraryDa,
  libraryAdmin: libraryAdminDa,
  admin: adminDa,
  network: networkDa,
  /** What each error code of the HTTP API means to a person (shared's ApiErrorCode). */
  apiErrors: apiErrorsDa,
  /** The room's layout on a projector (issue 13): collapsed presence, the notices over the content. */
  layout: {
    showNames: 'Vis navne',
    hideNames: 'Skjul navne',
    closeNotice: 'Luk beskeden',
  },
  room: {
    untitled: 'Sag uden titel',
    backToStart: 'Til forsiden',
    phase: (n: number) => `Fase ${n}`,
    messages: {
      loading: { title: 'Henter sagen …', body: 'Et øjeblik – sagen hentes fra serveren.' },
      notFound: {
        title: 'Sagen findes ikke',
        body: 'Der er ingen sag med denne adresse. Tjek linket, eller vælg en sag på forsiden.',
      },
      unreachable: {
        title: 'Kan ikke få forbindelse til serveren',
        body: 'Sagen kan ikke hentes lige nu, og den findes ikke på denne enhed. Vi prøver igen automatisk.',
      },
      needLink: {
        title: 'Du skal have et link fra facilitatoren for at åbne denne sag',
        body: 'Hver part får sit eget link til sagen. Bed facilitatoren om dit, og åbn det i denne browser.',
      },
      unauthorized: {
        title: 'Dit link gælder ikke for denne sag',
        body: 'Linket er forkert eller hører til en anden sag. Bed facilitatoren om et nyt link. Det, du har ændret på denne enhed, er gemt her.',
      },
      linkRevoked: {
        title: 'Dit link er blevet erstattet af facilitatoren. Bed om det nye link.',
        body: 'Det gamle link virker ikke længere. Det, du har ændret på denne enhed, er gemt her og sendes, når du åbner det nye link.',
      },
      linkExpired: {
        title: 'Linket er udløbet',
        body: 'Facilitatoren har sat en udløbsdato på dit link, og den er passeret. Bed facilitatoren om et nyt link. De ændringer, du har lavet offline, er gemt i denne browser og bliver flettet ind, når du åbner et nyt link til den samme part.',
      },
      accessEnded: {
        title: 'Din adgang er afsluttet',
        body: 'Facilitatoren har afsluttet din adgang til sagen. Skal du være med igen, så bed facilitatoren om et nyt link. De ændringer, du har lavet offline, er gemt i denne browser og bliver flettet ind, når du åbner et nyt link til den samme part.',
      },
      caseArchived: {
        title: 'Sagen er arkiveret',
        body: 'Sagen er arkiveret og kan ikke længere ændres. Den kan stadig læses og eksporteres via startsiden, og facilitatoren kan gendanne den derfra. Ændringer, du har lavet offline, er gemt i denne browser.',
      },
      blocked: {
        title: 'Netværket blokerer den direkte forbindelse til Caseroom',
        body: 'Sagen findes ikke på denne enhed endnu, og den direkte forbindelse (WebSocket) kommer ikke igennem dette netværk. Prøv et andet netværk, eller bed jeres IT-afdeling om at tillade forbindelsen. Vi prøver igen automatisk.',
      },
    },
  },
  access: {
    roles: { facilitator: 'Facilitator', editor: 'Redaktør', observer: 'Observatør' },
    kinds: {
      facilitator: 'Facilitator',
      department: 'Forvaltning',
      fund: 'Fond',
      provider: 'Leverandør',
      investor: 'Investor',
      observer: 'Observatør',
      other: 'Anden',
    },
    roleLabel: (role: string) => `Rolle: ${role}`,
    observerBanner: 'Du ser med — du kan ikke ændre noget',
    observerBannerDetail:
      'Du ser alle ændringer, mens de sker. Vil du ændre noget, så bed facilitatoren om et link til en redaktør.',
  },
  invite: {
    open: 'Inviter',
    title: 'Inviter parter',
    intro: 'Hver part får sit eget link. Linket åbner sagen med den rolle, du vælger. Del det kun med den, det er til.',
    close: 'Luk',
    partiesHeading: 'Sagens parter',
    loading: 'Henter parterne …',
    noParties: 'Sagen har ingen parter endnu.',
    columns: { name: 'Navn', kind: 'Hvem', role: 'Rolle', department: 'Forvaltning', link: 'Link' },
    rotate: 'Nyt link',
    rotateLabel: (name: string) => `Nyt link til ${name}`,
    rotateTitle: (name: string) => `Nyt link til ${name}?`,
    rotateExplain:
      'Det gamle link holder op med at virke med det samme. Den, der har sagen åben med det, bliver koblet af og skal have det nye link.',
    rotateOwn: 'Det er dit eget link. Denne browser skifter selv til det nye.',
    rotateConfirm: 'Lav nyt link',
    cancel: 'Annuller',
    addHeading: 'Tilføj en part',
    name: { label: 'Navn', help: 'Fx "Jobcenter Holbæk" eller "Investor". Vises for alle i sagen.' },
    kind: { label: 'Hvem er parten?' },
    role: { label: 'Rolle', help: 'En redaktør kan ændre modellen; en observatør kan kun se med.' },
    department: { label: 'Forvaltning', help: 'Den forvaltning i sagen, parten repræsenterer.', none: 'Ingen valgt' },
    add: 'Opret link',
    adding: 'Opretter …',
    newLinkFor: (name: string) => `Link til ${name}`,
    newLinkHelp: 'Kopiér linket, og send det til parten. Det vises kun nu.',
    copy: 'Kopiér link',
    copyFor: (name: string) => `Kopiér link til ${name}`,
    newLinksHeading: 'Nye links',
    newLinksHelp: 'Alle links, du har lavet, mens dialogen er åben – det nyeste øverst. De vises kun nu.',
    copied: 'Linket er kopieret.',
    copyFailed: 'Linket kunne ikke kopieres automatisk. Markér det, og kopiér det selv (Ctrl+C).',
    lifetime: lifetimeDa,
    errors: {
      nameRequired: 'Skriv partens navn.',
      forbidden: 'Kun facilitatoren kan invitere parter og lave nye links.',
      partyEnded: 'Partens adgang er afsluttet. Lav et nyt link til parten først.',
      notFound: 'Parten eller sagen findes ikke længere.',
      unreachable: 'Serveren svarer ikke. Tjek din forbindelse, og prøv igen.',
      failed: 'Det lykkedes ikke. Prøv igen om lidt.',
    },
  },
  profile: {
    heading: 'Om dig',
    remembered: 'Dit navn og din forvaltning vises for de andre i sagen og huskes på denne enhed.',
    name: field('Dit navn', 'Sådan ser de andre dig.'),
    department: field('Din forvaltning eller organisation', 'Fx Jobcenter, Fonden eller Investor.'),
    nameRequired: 'Skriv dit navn, så de andre kan se, hvem du er.',
    gateTitle: 'Hvem er du?',
    gateIntro: 'Fortæl de andre i sagen, hvem du er. Du bliver kun spurgt én gang på denne enhed.',
    enter: 'Gå til sagen',
  },
  start: {
    title: 'Sager',
    intro:
      'Byg en social investering sammen – problem, målgruppe, indsats, resultatmål og betalingsmodel i én fælles model.',
    casesHeading: 'Dine sager',
    newCase: 'Ny sag',
    openExample: 'Åbn eksemplet',
    creating: 'Opretter …',
    loadingCases: 'Henter sager …',
    noCases: 'Du har ingen sager endnu. Opret en ny, åbn eksemplet, eller åbn det link, du har fået til en sag.',
    columns: {
      title: 'Titel',
      municipality: 'Kommune',
      phase: 'Fase',
      updatedAt: 'Senest ændret',
      online: 'Til stede nu',
      access: 'Du er med som',
    },
    online: (n: number) => (n === 0 ? 'Ingen' : n === 1 ? '1 person' : `${n} personer`),
    /** Under a title other cases share (same municipality and phase): when it was made and its short id. */
    tellApart: (created: string, shortId: string) => `Oprettet ${created} · id ${shortId}`,
    /** Beside the title of a case made from an import file (issue 13): a copy, not the original. */
    importedCopy: 'Importeret kopi',
    importedAt: (at: string) => `Lavet ud fra en importeret fil ${at}`,
    errors: {
      unreachable: 'Serveren svarer ikke. Tjek din forbindelse, og prøv igen.',
      createFailed: 'Sagen kunne ikke oprettes. Prøv igen om lidt.',
      listFailed: 'Sagerne kunne ikke hentes. Prøv igen om lidt.',
    },
  },
};

/** The shape every catalogue has. */
export type Messages = typeof da;
