/**
 * The file formats a case exports to (docs/exchange.md): the same list for the API and the UI.
 * `docx` is the contract annex (Word); `indigo` the INDIGO project record (JSON, language-independent).
 */
export const EXPORT_FORMATS = ['json', 'xlsx', 'pdf', 'docx', 'indigo'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The languages of the XLSX labels, the PDF report and the DOCX contract annex (the JSON carries both). */
export const EXPORT_LANGUAGES = ['da', 'en'] as const;
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];
