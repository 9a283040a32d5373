import { CompiledQuery } from 'kysely';
import type { Engine } from './tables.ts';

/**
 * A statement whose SQL is written once and only bound per call: for the writes every open case
 * makes every few seconds (activity, the catalogue summary), where building and compiling a
 * Kysely query each time cost more than running it (`pnpm bench:sync`, issue 14). `sql` is
 * written with `?` placeholders; PostgreSQL's are numbered ($1, $2, …) once, here.
 */
export function fixedStatement<Row = unknown>(
  engine: Engine,
  sql: string,
): (...parameters: readonly unknown[]) => CompiledQuery<Row> {
  let n = 0;
  const text = engine === 'postgres' ? sql.replace(/\?/g, () => `$${++n}`) : sql;
  const expected = (sql.match(/\?/g) ?? []).length;
  return (...parameters) => {
    if (parameters.length !== expected) {
      throw new Error(`fixedStatement: ${parameters.length} parameters for ${expected} placeholders`);
    }
    return CompiledQuery.raw(text, [...parameters]);
  };
}
