import type { exchangeDa } from './exchange.da.ts';

/** English texts of export and import (docs/exchange.md). */
export const exchangeEn: typeof exchangeDa = {
  export: {
    open: 'Export',
    title: 'Export the case',
    intro:
      'Download the model as JSON (importable again), as an Excel workbook with live formulas, as a PDF report for the decision makers, or the contract annex as a Word document.',
    versionLegend: 'Which version?',
    versions: {
      agreed: 'The agreed version (default – otherwise the current one)',
      current: 'The current version',
      snapshot: 'A saved version',
    },
    snapshotLabel: 'Saved version',
    loadingSnapshots: 'Loading saved versions …',
    noSnapshots: 'No saved versions yet.',
    language: 'Language of Excel, PDF and Word',
    languages: { da: 'Danish', en: 'English' },
    formats: {
      json: 'Download JSON',
      xlsx: 'Download Excel (XLSX)',
      pdf: 'Download PDF report',
      indigo: 'Download INDIGO (JSON)',
      docx: 'Download contract annex (Word)',
    },
    formatHelp: {
      json: 'The whole model with figures, findings, decisions and sign-offs. Can be imported as a new case.',
      xlsx: 'Inputs and business case as formulas, so finance can change an input and see the result.',
      pdf: 'A report for paper: headline figures, charts, risks, findings, decisions and sign-offs.',
      indigo:
        'INDIGO (the open standard for outcomes contracts): parties, outcome metrics, prices, payment commitments and investment, with sources.',
      docx: 'The contract annex as an editable Word document: parties and signatories, outcomes with their rate cards, payment model, evaluation and headline figures.',
    },
    busy: 'Preparing the file …',
    done: (filename: string) => `Downloaded: ${filename}.`,
    ofVersion: {
      agreed: 'the agreed version',
      current: 'the current version',
      snapshot: 'a saved version',
    },
    versionNote: (which: string, hash: string) => `The file holds ${which} (version ${hash}).`,
    errors: {
      unreachable: 'The server does not answer. Check the connection and try again.',
      tokenInvalid: 'Your link no longer opens this case. Ask the facilitator for a new one.',
      snapshotNotFound: 'That saved version no longer exists. Choose another.',
      exportFailed:
        'Caseroom could not make this file from the chosen version. The error is logged on the server – try another format, or tell the facilitator.',
      tooManyExports: 'You already have two files on their way. Wait until they are done, then try again.',
      exportUnavailable: 'The server could not make the file just now. Try again in a moment.',
      snapshotsFailed: 'The saved versions could not be loaded.',
      failed: 'The export failed. Try again.',
    },
  },
  import: {
    label: 'Import a case (JSON)',
    help: 'A file exported from Caseroom, or written in the same format. It becomes a new case in which you are the facilitator.',
    busy: 'Importing …',
    tooLarge: (mb: number) => `The file is too large (at most ${mb} MB). Nothing was created.`,
    refused: 'The file could not be imported. Nothing was created.',
    more: (n: number) => `… and ${n} more.`,
    unreachable: 'The server does not answer. Check the connection and try again.',
    failed:
      'Caseroom could not read the file because of an error on our side. The error is logged. Nothing was created.',
    unavailable: 'The server could not read the file just now. Try again in a moment. Nothing was created.',
    unreadable: 'The file could not be read.',
  },
};
