/** Danish texts of export and import (docs/exchange.md). */
export const exchangeDa = {
  export: {
    open: 'Eksport',
    title: 'Eksportér sagen',
    intro:
      'Hent modellen som JSON (kan importeres igen), som Excel-regneark med levende formler, som PDF-rapport til beslutningstagerne eller kontraktbilaget som Word-dokument.',
    versionLegend: 'Hvilken version?',
    versions: {
      agreed: 'Den godkendte version (standard – ellers den nuværende)',
      current: 'Den nuværende version',
      snapshot: 'En gemt version',
    },
    snapshotLabel: 'Gemt version',
    loadingSnapshots: 'Henter gemte versioner …',
    noSnapshots: 'Ingen gemte versioner endnu.',
    language: 'Sprog i Excel, PDF og Word',
    languages: { da: 'Dansk', en: 'Engelsk' } as Record<string, string>,
    formats: {
      json: 'Hent JSON',
      xlsx: 'Hent Excel (XLSX)',
      pdf: 'Hent PDF-rapport',
      indigo: 'Hent INDIGO (JSON)',
      docx: 'Hent kontraktbilag (Word)',
    } as Record<string, string>,
    formatHelp: {
      json: 'Hele modellen med beregninger, fund, beslutninger og godkendelser. Kan importeres som en ny sag.',
      xlsx: 'Input og business case som formler, så økonomiafdelingen kan ændre et input og se resultatet.',
      pdf: 'Rapport til papir: nøgletal, grafer, risici, fund, beslutninger og godkendelser.',
      indigo:
        'INDIGO (åben standard for resultatkontrakter): parter, resultatmål, priser, betalingsforpligtelser og investering med kilder.',
      docx: 'Kontraktbilaget som redigerbart Word-dokument: parter og underskrivere, resultatmål med takster, betalingsmodel, evaluering og nøgletal.',
    } as Record<string, string>,
    busy: 'Forbereder filen …',
    done: (filename: string) => `Hentet: ${filename}.`,
    ofVersion: {
      agreed: 'den godkendte version',
      current: 'den nuværende version',
      snapshot: 'en gemt version',
    },
    versionNote: (which: string, hash: string) => `Filen indeholder ${which} (version ${hash}).`,
    errors: {
      unreachable: 'Serveren svarer ikke. Tjek forbindelsen, og prøv igen.',
      tokenInvalid: 'Dit link giver ikke længere adgang til sagen. Bed facilitatoren om et nyt.',
      snapshotNotFound: 'Den gemte version findes ikke længere. Vælg en anden.',
      exportFailed:
        'Caseroom kunne ikke lave denne fil af den valgte version. Fejlen er logget på serveren – prøv et andet format, eller giv facilitatoren besked.',
      tooManyExports: 'Du har allerede to filer undervejs. Vent til de er færdige, og prøv så igen.',
      exportUnavailable: 'Serveren kunne ikke lave filen lige nu. Prøv igen om lidt.',
      snapshotsFailed: 'De gemte versioner kunne ikke hentes.',
      failed: 'Eksporten mislykkedes. Prøv igen.',
    },
  },
  import: {
    label: 'Importér en sag (JSON)',
    help: 'En fil eksporteret fra Caseroom, eller skrevet i samme format. Den bliver en ny sag, hvor du er facilitator.',
    busy: 'Importerer …',
    tooLarge: (mb: number) => `Filen er for stor (højst ${mb} MB). Intet er oprettet.`,
    refused: 'Filen kunne ikke importeres. Intet er oprettet.',
    more: (n: number) => `… og ${n} fejl mere.`,
    unreachable: 'Serveren svarer ikke. Tjek forbindelsen, og prøv igen.',
    failed: 'Caseroom kunne ikke læse filen på grund af en fejl hos os. Fejlen er logget. Intet er oprettet.',
    unavailable: 'Serveren kunne ikke læse filen lige nu. Prøv igen om lidt. Intet er oprettet.',
    unreadable: 'Filen kunne ikke læses.',
  },
};
