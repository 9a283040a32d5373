import type { Kysely } from 'kysely';
import type { CaseroomTables } from './sql/tables.ts';
import { UnknownCaseError } from './storeErrors.ts';

/**
 * Which party first wrote under each Yjs client id of a case (issue 9: nobody may speak under
 * another party's client id).
 */
export interface ClientIdStore {
  /** Binds client ids to parties; an id already bound keeps its first party. Throws UnknownCaseError. */
  bind(caseId: string, bindings: readonly ClientIdBinding[]): Promise<void>;
  /** Every client id bound in the case, with its party (SERVER_PARTY_ID for the server's own). */
  list(caseId: string): Promise<Map<number, string>>;
}

/** A Yjs client id and the party that first wrote with it. */
export type ClientIdBinding = { clientId: number; partyId: string };

/** The pseudo-party the server's own Yjs client ids are bound to (workshop record, migrations, restores). */
export const SERVER_PARTY_ID = '@server';

/** Bindings in table `client_ids`. */
export class SqlClientIdStore implements ClientIdStore {
  constructor(private readonly db: Kysely<CaseroomTables>) {}

  async bind(caseId: string, bindings: readonly ClientIdBinding[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      if (!(await trx.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst())) {
        throw new UnknownCaseError(caseId);
      }
      if (bindings.length === 0) return;
      await trx
        .insertInto('client_ids')
        .values(bindings.map(({ clientId, partyId }) => ({ case_id: caseId, client_id: clientId, party_id: partyId })))
        .onConflict((conflict) => conflict.columns(['case_id', 'client_id']).doNothing())
        .execute();
    });
  }

  async list(caseId: string): Promise<Map<number, string>> {
    const rows = await this.db
      .selectFrom('client_ids')
      .select(['client_id', 'party_id'])
      .where('case_id', '=', caseId)
      .execute();
    return new Map(rows.map((row) => [Number(row.client_id), row.party_id]));
  }
}
