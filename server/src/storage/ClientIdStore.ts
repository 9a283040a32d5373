import type { Kysely } from 'kysely';
import type { CaseroomTables } from './sql/tables.ts';
import { UnknownCaseError } from './storeErrors.ts';

/**
 * Which party first wrote under each Yjs client id of a case (issue 9: nobody may speak under
 * another party's client id), and when that binding was made (so bindings nobody wrote under
 * can be forgotten: `documents/unusedClientIds.ts`).
 */
export interface ClientIdStore {
  /**
   * Binds client ids to parties at `boundAt` (ms since the epoch); an id already bound keeps its
   * first party and time. Throws UnknownCaseError.
   */
  bind(caseId: string, bindings: readonly ClientIdBinding[], boundAt: number): Promise<void>;
  /** Every client id bound in the case, with its party (SERVER_PARTY_ID for the server's own) and when. */
  list(caseId: string): Promise<BoundClientId[]>;
  /** Deletes the bindings of these client ids in the case (ids not bound are ignored). */
  forget(caseId: string, clientIds: readonly number[]): Promise<void>;
}

/** A Yjs client id and the party that first wrote with it. */
export type ClientIdBinding = { clientId: number; partyId: string };

/** A stored binding: the client id, its party, and when it was bound (ms since the epoch). */
export type BoundClientId = ClientIdBinding & { boundAt: number };

/** The pseudo-party the server's own Yjs client ids are bound to (workshop record, migrations, restores). */
export const SERVER_PARTY_ID = '@server';

/** Client ids per DELETE: well under both engines' limit on bound parameters. */
const FORGET_CHUNK = 500;

/** Bindings in table `client_ids`. */
export class SqlClientIdStore implements ClientIdStore {
  constructor(private readonly db: Kysely<CaseroomTables>) {}

  async bind(caseId: string, bindings: readonly ClientIdBinding[], boundAt: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      if (!(await trx.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst())) {
        throw new UnknownCaseError(caseId);
      }
      if (bindings.length === 0) return;
      await trx
        .insertInto('client_ids')
        .values(
          bindings.map(({ clientId, partyId }) => ({
            case_id: caseId,
            client_id: clientId,
            party_id: partyId,
            bound_at: boundAt,
          })),
        )
        .onConflict((conflict) => conflict.columns(['case_id', 'client_id']).doNothing())
        .execute();
    });
  }

  async list(caseId: string): Promise<BoundClientId[]> {
    const rows = await this.db
      .selectFrom('client_ids')
      .select(['client_id', 'party_id', 'bound_at'])
      .where('case_id', '=', caseId)
      .execute();
    return rows.map((row) => ({
      clientId: Number(row.client_id),
      partyId: row.party_id,
      boundAt: Number(row.bound_at),
    }));
  }

  async forget(caseId: string, clientIds: readonly number[]): Promise<void> {
    if (clientIds.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      for (let start = 0; start < clientIds.length; start += FORGET_CHUNK) {
        await trx
          .deleteFrom('client_ids')
          .where('case_id', '=', caseId)
          .where('client_id', 'in', clientIds.slice(start, start + FORGET_CHUNK))
          .execute();
      }
    });
  }
}
