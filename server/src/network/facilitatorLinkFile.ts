import { closeSync, fstatSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** The file in the data directory that receives the facilitator links of adopted cases (docs/access.md A11). */
export const FACILITATOR_LINKS_FILE = 'facilitator-links.txt';

/** A case adopted at start-up and its facilitator's token. */
export type AdoptedLink = { caseId: string; title: string | undefined; token: string };

/** A party's link in the fragment form: the token never reaches a server, a log or a Referer. */
export function caseLink(publicUrl: string, caseId: string, token: string): string {
  return `${publicUrl}/case/${encodeURIComponent(caseId)}#token=${encodeURIComponent(token)}`;
}

/**
 * Appends the facilitator links of cases adopted at start-up to `<dataDir>/facilitator-links.txt`,
 * a file only its owner can read: a link carries a token, and tokens never go to standard
 * output or a log (the service manager's journal keeps those). The file is created with mode
 * 0600 in the same call that opens it — never widened first and narrowed after. Returns the
 * file's path and whether an existing file can be read by others (the caller warns).
 */
export function writeFacilitatorLinks(
  dataDir: string,
  publicUrl: string,
  links: readonly AdoptedLink[],
  now = new Date(),
): { file: string; readableByOthers: boolean } {
  const file = join(dataDir, FACILITATOR_LINKS_FILE);
  const fd = openSync(file, 'a', 0o600);
  try {
    const lines = [
      `# ${now.toISOString()}: facilitator links of cases from before access existed. Hand each to its facilitator, then delete this file.`,
      ...links.map(
        ({ caseId, title, token }) => `Facilitator link for "${title ?? ''}": ${caseLink(publicUrl, caseId, token)}`,
      ),
    ];
    writeSync(fd, `${lines.join('\n')}\n`);
    return { file, readableByOthers: (fstatSync(fd).mode & 0o077) !== 0 };
  } finally {
    closeSync(fd);
  }
}
