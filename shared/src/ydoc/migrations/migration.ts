import type * as Y from 'yjs';

/**
 * One step of a document's layout (layout.ts): from layout `from` to layout `to`. `migrate`
 * rewrites the document in place, inside the runner's transaction, and must be deterministic
 * (the same document gives the same content) and leave the model's meaning as it was; the
 * runner records the new layout and carries sign-offs over (migrateDocument.ts).
 */
export type DocumentMigration = {
  from: number;
  to: number;
  /** What the step does, for the log. */
  name: string;
  migrate: (doc: Y.Doc) => void;
};
