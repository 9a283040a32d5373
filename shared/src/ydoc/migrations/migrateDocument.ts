import type * as Y from 'yjs';
import { contentHash } from '../../signoff/contentHash.ts';
import { workshopChild } from '../../workshop/record.ts';
import { LAYOUT_VERSION_KEY, layoutVersion, META } from '../layout.ts';
import { toModel } from '../toModel.ts';
import { candidateRates } from './candidateRates.ts';
import { libraryLinksPerDepartment } from './libraryLinksPerDepartment.ts';
import type { DocumentMigration } from './migration.ts';
import { rateCards } from './rateCards.ts';
import { shortTextsAsYText } from './shortTextsAsYText.ts';

/** Every migration, in order: a document of layout n runs those from n on (layout.ts LAYOUT_VERSION). */
export const DOCUMENT_MIGRATIONS: readonly DocumentMigration[] = [
  shortTextsAsYText,
  candidateRates,
  rateCards,
  libraryLinksPerDepartment,
];

/**
 * One migration as it ran: the layouts, the content hash before and after, and the parties
 * whose sign-off on the hash before was carried to the hash after (none when it is the same).
 */
export type MigrationStep = {
  from: number;
  to: number;
  name: string;
  hashBefore: string;
  hashAfter: string;
  carried: string[];
};

/**
 * Brings a case document to the newest layout, one migration after the other, each in one
 * change (`change`, the server's own transaction, so connected clients receive it like any
 * change). Idempotent: a document already at a migration's `to` skips it, so it runs once per
 * case. A migration never un-signs (issue 11): the content hash is taken before and after each
 * step, and every sign-off on the hash before — the parties who agreed to exactly that content
 * — is carried to the hash after, in the same change; a sign-off that was already outdated
 * stays so. Returns the steps that ran.
 */
export function migrateDocument(
  doc: Y.Doc,
  options: {
    migrations?: readonly DocumentMigration[];
    change?: (change: (doc: Y.Doc) => void) => void;
  } = {},
): MigrationStep[] {
  const migrations = options.migrations ?? DOCUMENT_MIGRATIONS;
  const change = options.change ?? ((fn) => doc.transact(() => fn(doc)));
  const steps: MigrationStep[] = [];
  for (const migration of migrations) {
    if (layoutVersion(doc) !== migration.from) continue;
    change((target) => {
      const hashBefore = contentHash(toModel(target));
      migration.migrate(target);
      target.getMap(META).set(LAYOUT_VERSION_KEY, migration.to);
      const hashAfter = contentHash(toModel(target));
      const carried = hashAfter === hashBefore ? [] : carrySignoffs(target, hashBefore, hashAfter);
      steps.push({ from: migration.from, to: migration.to, name: migration.name, hashBefore, hashAfter, carried });
    });
  }
  return steps;
}

/** The newest layout the migrations reach (what `migrateDocument` brings a document to). */
export function newestLayout(migrations: readonly DocumentMigration[] = DOCUMENT_MIGRATIONS): number {
  return migrations.reduce((newest, migration) => Math.max(newest, migration.to), 1);
}

/** Moves every sign-off on `from` to `to` (W10 entries keep their party name and time). */
function carrySignoffs(doc: Y.Doc, from: string, to: string): string[] {
  const signoffs = workshopChild(doc, 'signoffs');
  const carried: string[] = [];
  signoffs?.forEach((entry, partyId) => {
    if (typeof entry !== 'object' || entry === null || (entry as { hash?: unknown }).hash !== from) return;
    carried.push(partyId);
  });
  for (const partyId of carried.sort()) {
    signoffs?.set(partyId, { ...(signoffs.get(partyId) as object), hash: to });
  }
  return carried;
}
