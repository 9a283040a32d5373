import { adminEn } from './admin.en.ts';
import { apiErrorsEn } from './apiErrors.en.ts';
import type { Messages } from './da.ts';
import { exchangeEn } from './exchange.en.ts';
import { libraryEn } from './library.en.ts';
import { libraryAdminEn } from './libraryAdmin.en.ts';
import { lifecycleEn } from './lifecycle.en.ts';
import { lifetimeEn } from './lifetime.en.ts';
import { networkEn } from './network.en.ts';
import { portfolioEn } from './portfolio.en.ts';
import { workshopEn } from './workshop.en.ts';

/** English UI text; typed against the Danish catalogue, so it has every key and no others. */
const field = (label: string, help: string) => ({ label, help });

const list = (items: string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

export const en: Messages = {
  common: {
    skipToContent: 'Skip to content',
    tryAgain: 'Try again',
    noDepartmentsYet: 'The case has no departments yet. Add them under Facts.',
  },
  language: {
    label: 'Language',
    names: { da: 'Dansk', en: 'English' },
  },
  units: { money: 'kr.', percent: '%', count: 'people', years: 'years', decimal: 'factor' },
  numberErrors: {
    notANumber: 'That is not a number. Write e.g. 1.234.567 or 3,5.',
    notWhole: 'Write a whole number (no decimals).',
    negative: 'The number cannot be negative.',
    tooLarge: 'The number is too large.',
    percentRange: 'A percentage must be between 0 and 100.',
  },
  fields: {
    source: 'Source',
    sourcePlaceholder: 'Where does this number come from?',
    undecided: 'Not decided yet',
    perDepartment: (unit: string, department: string) =>
      unit === 'percent' ? `Share for ${department}` : `Value for ${department}`,
    total: (sum: string) => `Total: ${sum}`,
    cohortYear: (n: number, calendarYear?: number) => (calendarYear ? `Year ${n} (${calendarYear})` : `Year ${n}`),
  },
  richText: {
    toolbar: (label: string) => `Formatting: ${label}`,
    bold: 'Bold',
    italic: 'Italic',
    bulletList: 'Bulleted list',
    orderedList: 'Numbered list',
  },
  list: {
    up: 'Up',
    down: 'Down',
    removeShort: 'Remove',
    moveUp: (title: string) => `Move ${title} up`,
    moveDown: (title: string) => `Move ${title} down`,
    remove: (title: string) => `Remove ${title}`,
    departmentTitle: (n: number) => `Department ${n}`,
    interventionTitle: (n: number) => `Intervention ${n}`,
    outcomeTitle: (n: number) => `Outcome target ${n}`,
    signatoryTitle: (n: number) => `Signatory ${n}`,
  },
  sections: {
    facts: {
      title: 'Facts',
      intro: 'Who takes part, where and when – and the departments that pay or gain.',
    },
    problem: {
      title: 'Problem',
      intro: 'Describe the problem, its causes, what has been tried before, and what we know.',
    },
    targetGroup: {
      title: 'Target group',
      intro: 'Who the intervention is for, how many are eligible, and how many start each year.',
    },
    interventions: {
      title: 'Interventions',
      intro: 'The candidate interventions with their costs – and the one the group chooses.',
    },
    outcomes: {
      title: 'Outcome targets',
      intro: 'What is measured, the effect we expect, what one achieved outcome is worth, and what is paid for it.',
    },
    paymentModel: {
      title: 'Payment model',
      intro: 'Who pays, who funds the intervention, and which caps and guarantees apply.',
    },
    evaluation: {
      title: 'Evaluation & contract',
      intro: 'How the effect is measured, the contract terms, and who must sign.',
    },
  },
  phases: {
    1: 'Problem & target group',
    2: 'Business case & payment model',
    3: 'Evaluation & contract',
  },
  facts: {
    departmentsHeading: 'Departments',
    departmentsHelp: 'The departments and authorities that pay for the intervention or gain from it.',
    addDepartment: 'Add department',
    noDepartments: 'No departments yet.',
  },
  interventions: {
    noOutcomesYet: 'The case has no outcomes yet. Add them under Outcomes.',
    outcomeColumn: 'Outcome',
    rateCell: (candidate: string, outcome: string) => `${candidate}: expected rate for ${outcome}`,
    candidatesHeading: 'Candidates',
    add: 'Add intervention',
    none: 'No interventions yet.',
  },
  outcomes: {
    rateNeedsChoice:
      'Each intervention has its own expected rate. Enter it in the table under Interventions – once the group has chosen one, its rate can be edited here too.',
    add: 'Add outcome target',
    none: 'No outcome targets yet.',
  },
  /** P7: an outcome's rate card (MeasurementPointsField). */
  measurementPoints: {
    monthsColumn: 'Months after intake',
    priceColumn: 'Price per outcome',
    basisColumn: 'Paid for',
    monthsUnit: 'mo.',
    yearHint: (year: number) => `= year ${year}`,
    pointName: (months: number | undefined, row: number) =>
      months === undefined
        ? `measurement point ${row}`
        : `measurement point ${months} ${months === 1 ? 'month' : 'months'}`,
    pastHorizon: (horizon: number) => `past the case's ${horizon}-year horizon, not paid`,
    monthsLabel: (row: number) => `Months after intake, measurement point ${row}`,
    priceLabel: (point: string) => `Price per outcome, ${point}`,
    basisLabel: (point: string) => `Paid for, ${point}`,
    remove: (point: string) => `Remove ${point}`,
    removeShort: 'Remove',
    add: 'Add measurement point',
    none: 'No measurement points yet.',
    full: (max: number) =>
      `An outcome target can have at most ${max} measurement points. Remove one before adding another.`,
    tooManyMonths: (max: number) =>
      `A measurement point can lie at most ${max} months (${max / 12} years) after intake.`,
    regionLabel: (field: string, outcome: string) => `${field} for ${outcome}`,
  },
  paymentModel: {
    scenariosHeading: 'Scenarios',
    scenariosHelp: 'Low and high values as a factor of the expected: 0,8 means 20 % below, 1,2 means 20 % above.',
    scenarioInputs: { effect: 'effect', cost: 'cost', persistence: 'persistence' },
    scenario: (input: string, low: boolean) => `${low ? 'Low' : 'High'} ${input}`,
    scenarioLowHelp: 'Factor in the pessimistic scenario.',
    scenarioHighHelp: 'Factor in the optimistic scenario.',
  },
  evaluation: {
    signatoriesHeading: 'Signatories',
    addSignatory: 'Add signatory',
    noSignatories: 'No signatories yet.',
  },
  presence: {
    heading: (n: number) => (n === 1 ? '1 person in the case' : `${n} people in the case`),
    anonymous: 'Unnamed',
    you: '(you)',
    selfEntered: 'self-entered',
    selfEnteredName: (name: string) => `${name} (self-entered)`,
  },
  nav: {
    label: 'Sections of the case',
    peopleHere: (names: string[]) => `Here now: ${list(names)}`,
    findingCounts: (errors: number, warnings: number) =>
      list([
        ...(errors > 0 ? [errors === 1 ? '1 error' : `${errors} errors`] : []),
        ...(warnings > 0 ? [warnings === 1 ? '1 warning' : `${warnings} warnings`] : []),
      ]),
  },
  businessCase: {
    heading: 'Business case',
    show: 'Show the business case',
    hide: 'Hide the business case',
    hideShort: 'Hide',
    widen: 'Show the business case full width',
    narrow: 'Show the business case beside the section',
    widenShort: 'Full width',
    narrowShort: 'Side by side',
    recomputing: 'Recomputing risk …',
    riskFailed: 'The risk analysis failed. The figures above still hold.',
    notPriceable: 'The business case cannot be computed yet:',
    reasons: {
      noHorizon: 'the horizon is missing (under Facts).',
      noDiscountRate: 'the discount rate is missing (under Facts).',
      noIntervention: 'no intervention has been chosen (under Interventions).',
      outOfBounds: 'a number lies outside the bounds Caseroom calculates with (see the errors).',
    },
    excludedOutcomes: (n: number) =>
      n === 1
        ? '1 outcome is left out because it lacks figures.'
        : `${n} outcomes are left out because they lack figures.`,
    figuresHeading: 'Key figures',
    howBuilt: 'Show working',
    openExplanation: (figure: string) => `Show how the ${figure} is built`,
    breakEvenIn: (year: string) => `The authority has earned back the intervention in ${year}`,
    yearOffset: (n: number) => `year ${n}`,
    pending: 'Computing …',
    seed: (seed: number, iterations: string) => `Monte Carlo: seed ${seed}, ${iterations} draws`,
    readiness: {
      ready: (phase: number) => `Ready to close phase ${phase}`,
      blocked: (phase: number, n: number) =>
        n === 1
          ? `1 error must be fixed before phase ${phase} can close`
          : `${n} errors must be fixed before phase ${phase} can close`,
    },
    explanation: {
      close: 'Close',
      rules: 'Rules',
      formula: 'Formula',
      inputs: 'Inputs',
      perYear: 'Year by year',
      year: 'Year',
      total: 'Total',
      moneyNote: 'Amounts in DKK, fixed prices.',
    },
    charts: {
      showTable: 'Show the figures as a table',
      moneyAxis: 'Amounts in DKK million.',
      cashFlow: {
        title: 'Cash flows per year',
        summary: (
          from: string,
          to: string,
          worst: string,
          worstYear: string,
          best: string,
          bestYear: string,
          cumulative: string,
        ) =>
          `Authority net per year from ${from} to ${to}: lowest ${worst} (${worstYear}), highest ${best} (${bestYear}). The authority's cumulative present value at the horizon: ${cumulative}.`,
      },
      departments: {
        title: 'Who pays, who gains',
        help: 'Present value per department: value to the right, payments and own cost to the left, net as a black line.',
        summary: (parts: string[]) => `Net per department (present value): ${list(parts)}.`,
      },
      tornado: {
        title: 'Sensitivity: authority NPV',
        help: 'How much the authority NPV changes when one input at a time is set to its low or high value.',
        axis: 'Change in NPV',
        factor: (input: string, factor: string) => `${input} (factor ${factor})`,
        summary: (parts: string[]) => `Authority NPV at the low and high value: ${list(parts)}.`,
        part: (input: string, low: string, high: string) => `${input} from ${low} to ${high}`,
        change: 'Change',
        input: 'Input',
      },
      monteCarlo: {
        title: 'Uncertainty: distribution of the authority NPV',
        help: 'Thousands of random combinations of effect, cost and persistence within the scenario ranges.',
        count: 'Number of draws',
        from: 'From',
        to: 'To',
        belowZero: 'Below 0',
        summary: (p5: string, p50: string, p95: string, negative: string) =>
          `Authority NPV: 5th percentile ${p5}, median ${p50}, 95th percentile ${p95}. Probability of a negative NPV: ${negative}.`,
      },
    },
    scenarios: {
      title: 'Scenarios',
      scenario: 'Scenario',
      investorLoses: 'Investor loses',
      yes: 'Yes',
      no: 'No',
    },
  },
  findings: {
    heading: 'Findings',
    none: 'No findings – the model hangs together.',
    severity: { error: 'Error', warning: 'Warning', info: 'To consider' },
    severityPlural: { error: 'Errors', warning: 'Warnings', info: 'To consider' },
    goTo: 'Go to the field',
    summary: (errors: number, warnings: number, infos: number) =>
      `${errors === 1 ? '1 error' : `${errors} errors`}, ${warnings === 1 ? '1 warning' : `${warnings} warnings`}, ${infos} to consider`,
  },
  candidates: {
    heading: 'The candidates side by side',
    help: 'Each intervention priced with its own cost, duration and expected effect on each outcome – everything else as the case has it.',
    intervention: 'Intervention',
    chosen: '(chosen)',
    notPriced: 'Cannot be priced yet',
    effectNotEntered: (outcomes: string) => `effect not entered: ${outcomes}`,
    effectNotEnteredHelp: 'An intervention without an expected rate on an outcome is priced without that outcome.',
    computing: 'computing …',
    riskFailed: 'could not be computed',
    simulation: (iterations: string, seed: number) =>
      `The probability is the share of ${iterations} simulated runs (seed ${seed}) in which the authority’s NPV is below zero.`,
  },
  connection: {
    connecting: { label: 'Connecting …', detail: '' },
    connected: { label: 'Connected', detail: '' },
    reconnecting: { label: 'Reconnecting …', detail: 'Your changes are kept on this device meanwhile.' },
    offline: { label: 'Offline', detail: 'Your changes are kept on this device and sent when the connection is back.' },
    cantSave: {
      label: 'The server can’t save right now',
      detail: 'Your changes are kept on this device. We keep trying.',
    },
    tooManyMessages: {
      label: 'The connection was cut',
      detail: 'Your browser sent too much at once. We are reconnecting.',
    },
    slowConsumer: {
      label: 'The connection was cut',
      detail: 'The connection was too slow to keep up. We are reconnecting.',
    },
    messageTooBig: {
      label: 'Your change was too large to be sent',
      detail: 'The case is loaded again from the server.',
    },
    caseMoving: {
      label: 'The case is moving server',
      detail: 'Another server takes the case over. Your changes are kept on this device and sent in a moment.',
    },
    ownerUnreachable: {
      label: 'The server cannot reach the case just now',
      detail: 'Your changes are kept on this device. We try again in a moment.',
    },
    notFound: { label: 'The case does not exist', detail: '' },
    unauthorized: { label: 'Your link is not valid for this case', detail: '' },
    linkRevoked: { label: 'Your link has been replaced', detail: 'Ask for the new link.' },
    linkExpired: { label: 'The link has expired', detail: 'Ask the facilitator for a new link.' },
    accessEnded: { label: 'Your access has ended', detail: 'Ask the facilitator for a new link.' },
    caseArchived: { label: 'The case is archived', detail: 'It can be read, not changed.' },
    blocked: { label: 'The network blocks the connection', detail: 'Your changes are kept in this browser.' },
  },
  undo: {
    undo: 'Undo',
    redo: 'Redo',
    undoHint: 'Undo your last change (Ctrl+Z)',
    redoHint: 'Redo what you undid (Ctrl+Shift+Z)',
  },
  workshop: workshopEn,
  exchange: exchangeEn,
  portfolio: portfolioEn,
  lifecycle: lifecycleEn,
  library: libraryEn,
  libraryAdmin: libraryAdminEn,
  admin: adminEn,
  network: networkEn,
  /** What each error code of the HTTP API means to a person (shared's ApiErrorCode). */
  apiErrors: apiErrorsEn,
  /** The room's layout on a projector (issue 13): collapsed presence, the notices over the content. */
  layout: {
    showNames: 'Show names',
    hideNames: 'Hide names',
    closeNotice: 'Close the notice',
  },
  room: {
    untitled: 'Untitled case',
    backToStart: 'Back to the start page',
    phase: (n: number) => `Phase ${n}`,
    messages: {
      loading: { title: 'Loading the case …', body: 'One moment – the case is being fetched from the server.' },
      notFound: {
        title: 'The case does not exist',
        body: 'There is no case at this address. Check the link, or choose a case on the start page.',
      },
      unreachable: {
        title: 'Cannot reach the server',
        body: 'The case cannot be fetched right now, and it is not stored on this device. We keep trying automatically.',
      },
      needLink: {
        title: 'You need a link from the facilitator to open this case',
        body: 'Each party gets its own link to the case. Ask the facilitator for yours and open it in this browser.',
      },
      unauthorized: {
        title: 'Your link is not valid for this case',
        body: 'The link is wrong or belongs to another case. Ask the facilitator for a new link. What you changed on this device is kept here.',
      },
      linkRevoked: {
        title: 'Your link has been replaced by the facilitator. Ask for the new link.',
        body: 'The old link no longer works. What you changed on this device is kept here and sent when you open the new link.',
      },
      linkExpired: {
        title: 'The link has expired',
        body: 'The facilitator set an expiry date on your link, and it has passed. Ask the facilitator for a new link. The changes you made offline are kept in this browser and merged in when you open a new link for the same party.',
      },
      accessEnded: {
        title: 'Your access has ended',
        body: 'The facilitator has ended your access to the case. If you are to take part again, ask the facilitator for a new link. The changes you made offline are kept in this browser and merged in when you open a new link for the same party.',
      },
      caseArchived: {
        title: 'The case is archived',
        body: 'The case is archived and can no longer be changed. It can still be read and exported, and the facilitator can restore it from the start page. Changes you made offline are kept in this browser.',
      },
      blocked: {
        title: 'The network blocks the direct connection to Caseroom',
        body: 'The case is not on this device yet, and the direct connection (WebSocket) does not get through this network. Try another network, or ask your IT department to allow the connection. We keep trying automatically.',
      },
    },
  },
  access: {
    roles: { facilitator: 'Facilitator', editor: 'Editor', observer: 'Observer' },
    kinds: {
      facilitator: 'Facilitator',
      department: 'Department',
      fund: 'Fund',
      provider: 'Provider',
      investor: 'Investor',
      observer: 'Observer',
      other: 'Other',
    },
    roleLabel: (role: string) => `Role: ${role}`,
    observerBanner: 'You are observing — you can’t change anything',
    observerBannerDetail:
      'You see every change as it happens. To change something, ask the facilitator for an editor’s link.',
  },
  invite: {
    open: 'Invite',
    title: 'Invite parties',
    intro:
      'Each party gets its own link. The link opens the case with the role you choose. Share it only with the party it is for.',
    close: 'Close',
    partiesHeading: 'Parties of the case',
    loading: 'Loading the parties …',
    noParties: 'The case has no parties yet.',
    columns: { name: 'Name', kind: 'Who', role: 'Role', department: 'Department', link: 'Link' },
    rotate: 'New link',
    rotateLabel: (name: string) => `New link for ${name}`,
    rotateTitle: (name: string) => `New link for ${name}?`,
    rotateExplain:
      'The old link stops working at once. Whoever has the case open with it is disconnected and needs the new link.',
    rotateOwn: 'This is your own link. This browser switches to the new one by itself.',
    rotateConfirm: 'Make a new link',
    cancel: 'Cancel',
    addHeading: 'Add a party',
    name: { label: 'Name', help: 'E.g. "Jobcentre Holbæk" or "Investor". Shown to everyone in the case.' },
    kind: { label: 'Who is the party?' },
    role: { label: 'Role', help: 'An editor can change the model; an observer can only watch.' },
    department: { label: 'Department', help: 'The department of the case the party represents.', none: 'None chosen' },
    add: 'Create link',
    adding: 'Creating …',
    newLinkFor: (name: string) => `Link for ${name}`,
    newLinkHelp: 'Copy the link and send it to the party. It is only shown now.',
    copy: 'Copy link',
    copyFor: (name: string) => `Copy link for ${name}`,
    newLinksHeading: 'New links',
    newLinksHelp: 'Every link you made while this dialog is open, newest first. They are only shown now.',
    copied: 'The link has been copied.',
    copyFailed: 'The link could not be copied automatically. Select it and copy it yourself (Ctrl+C).',
    lifetime: lifetimeEn,
    errors: {
      nameRequired: 'Write the party’s name.',
      forbidden: 'Only the facilitator can invite parties and make new links.',
      partyEnded: 'The party’s access has ended. Make a new link for the party first.',
      notFound: 'The party or the case no longer exists.',
      unreachable: 'The server does not answer. Check your connection and try again.',
      failed: 'That did not work. Please try again shortly.',
    },
  },
  profile: {
    heading: 'About you',
    remembered: 'Your name and department are shown to the others in the case and remembered on this device.',
    name: field('Your name', 'How the others see you.'),
    department: field('Your department or organisation', 'E.g. Jobcentre, the Fund or Investor.'),
    nameRequired: 'Write your name so the others can see who you are.',
    gateTitle: 'Who are you?',
    gateIntro: 'Tell the others in the case who you are. You are only asked once on this device.',
    enter: 'Go to the case',
  },
  start: {
    title: 'Cases',
    intro:
      'Design a social investment together – problem, target group, intervention, outcome targets and payment model in one shared model.',
    casesHeading: 'Your cases',
    newCase: 'New case',
    openExample: 'Open the example',
    creating: 'Creating …',
    loadingCases: 'Loading cases …',
    noCases: 'You have no cases yet. Create a new one, open the example, or open the link you were given to a case.',
    columns: {
      title: 'Title',
      municipality: 'Municipality',
      phase: 'Phase',
      updatedAt: 'Last changed',
      online: 'Here now',
      access: 'You take part as',
    },
    online: (n: number) => (n === 0 ? 'Nobody' : n === 1 ? '1 person' : `${n} people`),
    /** Under a title other cases share (same municipality and phase): when it was made and its short id. */
    tellApart: (created: string, shortId: string) => `Created ${created} · id ${shortId}`,
    /** Beside the title of a case made from an import file (issue 13): a copy, not the original. */
    importedCopy: 'Imported copy',
    importedAt: (at: string) => `Made from an imported file ${at}`,
    errors: {
      unreachable: 'The server does not answer. Check your connection and try again.',
      createFailed: 'The case could not be created. Please try again shortly.',
      listFailed: 'The cases could not be loaded. Please try again shortly.',
    },
  },
};
