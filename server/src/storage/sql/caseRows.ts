import { type Kysely, sql } from 'kysely';
import type { CaseroomTables, Engine, Executor } from './tables.ts';

/**
 * The tables that hold a case's rows, in the order they are emptied: a row that refers to
 * another (a token to its party, anything to the case) goes before it. `cases` is last.
 */
const KNOWN_CASE_TABLES = [
  'tokens',
  'client_ids',
  'activity',
  'ballots',
  'snapshots',
  'updates',
  'case_owners',
  'parties',
] as const;

/**
 * Deletes every row of a case, in every table that has a `case_id` column — the known ones and
 * any a later version added (found in the database's own catalogue, emptied first, since they
 * may refer to the known ones) — then the case's row itself. Run it inside a transaction.
 * Returns whether the case existed.
 */
export async function deleteCaseRows(trx: Executor, engine: Engine, caseId: string): Promise<boolean> {
  const known = new Set<string>(KNOWN_CASE_TABLES);
  const others = (await tablesWithColumn(trx, engine, 'case_id')).filter((table) => !known.has(table));
  for (const table of others) {
    await sql`DELETE FROM ${sql.table(table)} WHERE case_id = ${caseId}`.execute(trx);
  }
  for (const table of KNOWN_CASE_TABLES) await trx.deleteFrom(table).where('case_id', '=', caseId).execute();
  const result = await trx.deleteFrom('cases').where('id', '=', caseId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The names of the tables (in the database's catalogue) that have a column of this name. */
async function tablesWithColumn(db: Executor, engine: Engine, column: string): Promise<string[]> {
  const tables = await listTables(db, engine);
  const found: string[] = [];
  for (const table of tables) {
    if ((await listColumns(db, engine, table)).some((c) => c.name === column)) found.push(table);
  }
  return found;
}

/** Every table of the database, from its own catalogue (sqlite_master / information_schema). */
export async function listTables(db: Executor, engine: Engine): Promise<string[]> {
  if (engine === 'sqlite') {
    const { rows } = await sql<{ name: string }>`
      SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name
    `.execute(db);
    return rows.map((row) => row.name);
  }
  const { rows } = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name
  `.execute(db);
  return rows.map((row) => row.name);
}

/** A table's columns and whether each holds bytes. */
async function listColumns(db: Executor, engine: Engine, table: string): Promise<{ name: string; bytes: boolean }[]> {
  if (engine === 'sqlite') {
    const { rows } = await sql<{ name: string; type: string }>`
      SELECT name, type FROM pragma_table_info(${table})
    `.execute(db);
    return rows.map((row) => ({ name: row.name, bytes: row.type.toUpperCase() === 'BLOB' }));
  }
  const { rows } = await sql<{ name: string; type: string }>`
    SELECT column_name AS name, data_type AS type FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = ${table}
  `.execute(db);
  return rows.map((row) => ({ name: row.name, bytes: row.type === 'bytea' }));
}

/**
 * Which tables hold a row with this text in any column — text columns as text, byte columns as
 * bytes (its UTF-8) — over every table in the database's catalogue. For checking that a deleted
 * case left nothing behind (issue 15); it reads every row, so it is for tests and operators.
 */
export async function tablesContaining(db: Kysely<CaseroomTables>, engine: Engine, text: string): Promise<string[]> {
  const found: string[] = [];
  for (const table of await listTables(db, engine)) {
    for (const column of await listColumns(db, engine, table)) {
      const ref = sql.ref(column.name);
      const match =
        engine === 'sqlite'
          ? sql`instr(CAST(${ref} AS BLOB), CAST(${text} AS BLOB)) > 0`
          : column.bytes
            ? sql`position(convert_to(${text}, 'UTF8') in ${ref}) > 0`
            : sql`strpos(${ref}::text, ${text}) > 0`;
      const { rows } = await sql<{ n: number }>`
        SELECT COUNT(*) AS n FROM ${sql.table(table)} WHERE ${match}
      `.execute(db);
      if (Number(rows[0]?.n ?? 0) > 0) {
        found.push(table);
        break;
      }
    }
  }
  return found;
}
