import { api, type ExportFormat, type ExportLanguage, endpointPath, ImportErrorAnswer } from '@caseroom/shared';
import { z } from 'zod';
import { type ApiFailure, authorizationHeader, readFailure } from '../../api/request.ts';

/** Which version: the agreed one (the server's default), the current one, or a snapshot id. */
export type ExportVersion = { kind: 'agreed' } | { kind: 'current' } | { kind: 'snapshot'; id: string };

/** A finished export: the file, and which version the server put in it. */
export type ExportedFile = { blob: Blob; filename: string; source: string; contentHash: string; agreed: boolean };

/** The largest file the server imports (MAX_IMPORT_BYTES): checked here first, before uploading. */
export const MAX_IMPORT_MB = 50;

/** One reason an import was refused, as the server reports it (a path and a plain-language message). */
export type ImportError = z.infer<typeof ImportErrorAnswer>;

/** The reasons of a refused import's error body; a body without them lists none. */
const ImportRefusalBody = z.object({ error: z.object({ errors: z.array(ImportErrorAnswer) }) });

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
  const url = `${endpointPath(api.exportCase, { id: at.caseId, format })}?${exportQuery(version, lang)}`;
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
    // The file goes as it is (raw text), not through callApi's JSON encoding.
    response = await fetch(api.importCase.path, {
      method: api.importCase.method,
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: text,
    });
  } catch {
    return { ok: false, reason: 'unreachable', errors: [] };
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) {
    const created = api.importCase.response.safeParse(body);
    if (created.success) return { ok: true, id: created.data.id, token: created.data.token };
    return { ok: false, reason: 'server', errors: [] };
  }
  const refusal = ImportRefusalBody.safeParse(body);
  return { ...readFailure(response, body), errors: refusal.success ? refusal.data.error.errors : [] };
}
