import type { ExportFormat, ExportLanguage } from '@caseroom/shared';
import { type ApiFailure, authorizationHeader, readFailure } from '../../api/request.ts';

/** Which version: the agreed one (the server's default), the current one, or a snapshot id. */
export type ExportVersion = { kind: 'agreed' } | { kind: 'current' } | { kind: 'snapshot'; id: string };

/** A finished export: the file, and which version the server put in it. */
export type ExportedFile = { blob: Blob; filename: string; source: string; contentHash: string; agreed: boolean };

/** The largest file the server imports (MAX_IMPORT_BYTES): checked here first, before uploading. */
export const MAX_IMPORT_MB = 50;

/** One reason an import was refused, as the server reports it (a path and a plain-language message). */
export type ImportError = { path: (string | number)[]; message: { da: string; en: string } };

/** The query string of an export request. */
export function exportQuery(version: ExportVersion, lang: ExportLanguage): string {
  const params = new URLSearchParams();
  if (version.kind === 'current') params.set('version', 'current');
  if (version.kind === 'snapshot') params.set('version', version.id);
  params.set('lang', lang);
  return params.toString();
}

/** The file name in a `Content-Disposition: attachment; filename="…"` header. */
export function filenameOf(disposition: string | null, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(disposition ?? '');
  return match?.[1] ?? fallback;
}

/** Asks the server for an export (presenting this browser's link token) and reads the file. */
export async function fetchExport(
  at: { caseId: string; token: string },
  format: ExportFormat,
  version: ExportVersion,
  lang: ExportLanguage,
  signal?: AbortSignal,
): Promise<({ ok: true } & ExportedFile) | ({ ok: false } & ApiFailure)> {
  const url = `/api/cases/${encodeURIComponent(at.caseId)}/export.${format}?${exportQuery(version, lang)}`;
  let response: Response;
  try {
    response = await fetch(url, { headers: { authorization: `Bearer ${at.token}` }, signal });
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
  if (!response.ok) return readFailure(response, await response.json().catch(() => undefined));
  const blob = await response.blob().catch(() => undefined);
  if (!blob) return { ok: false, reason: 'unreachable' };
  return {
    ok: true,
    blob,
    filename: filenameOf(response.headers.get('content-disposition'), `case.${format}`),
    source: response.headers.get('x-caseroom-version') ?? 'current',
    contentHash: response.headers.get('x-caseroom-content-hash') ?? '',
    agreed: response.headers.get('x-caseroom-agreed') === 'true',
  };
}

/** Hands a file to the browser's download (an object URL on a temporary link). */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL; keep it a moment for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Sends a file to `POST /api/cases/import`: the new case's link, or why it was refused. On a
 * server reachable from the network, the organisation key goes along (issue 10).
 */
export async function importCaseFile(
  text: string,
  organisationKey?: string,
): Promise<{ ok: true; id: string; token: string } | ({ ok: false; errors: ImportError[] } & ApiFailure)> {
  let response: Response;
  const authorization = authorizationHeader({ organisationKey });
  try {
    response = await fetch('/api/cases/import', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: text,
    });
  } catch {
    return { ok: false, reason: 'unreachable', errors: [] };
  }
  const body = (await response.json().catch(() => undefined)) as
    | { id?: unknown; token?: unknown; error?: { errors?: unknown } }
    | undefined;
  if (response.ok && typeof body?.id === 'string' && typeof body.token === 'string') {
    return { ok: true, id: body.id, token: body.token };
  }
  const errors = Array.isArray(body?.error?.errors) ? (body.error.errors as ImportError[]).filter(isImportError) : [];
  return { ...readFailure(response, body), errors };
}

function isImportError(value: unknown): value is ImportError {
  const e = value as Partial<ImportError> | null;
  return !!e && Array.isArray(e.path) && typeof e.message?.da === 'string' && typeof e.message?.en === 'string';
}
