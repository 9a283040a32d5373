import {
  type CaseRecord,
  type CaseSummary,
  type DocumentStore,
  DuplicateCaseError,
  type NewCase,
  UnknownCaseError,
} from './DocumentStore.ts';

/** A DocumentStore in process memory: for tests and for a server started without a data dir. */
export class MemoryDocumentStore implements DocumentStore {
  private readonly cases = new Map<string, CaseRecord>();
  private readonly updates = new Map<string, Uint8Array[]>();

  createCase({ id, createdAt, initialState, summary }: NewCase): void {
    if (this.cases.has(id)) throw new DuplicateCaseError(id);
    this.cases.set(id, { id, createdAt, updatedAt: createdAt, ...summary });
    this.updates.set(id, [initialState.slice()]);
  }

  caseExists(id: string): boolean {
    return this.cases.has(id);
  }

  getCase(id: string): CaseRecord | undefined {
    const record = this.cases.get(id);
    return record ? { ...record } : undefined;
  }

  listCases(): CaseRecord[] {
    return [...this.cases.values()]
      .map((record) => ({ ...record }))
      .sort((a, b) => b.updatedAt - a.updatedAt || b.createdAt - a.createdAt || a.id.localeCompare(b.id));
  }

  touchCase(id: string, summary: CaseSummary): void {
    const record = this.cases.get(id);
    if (!record) throw new UnknownCaseError(id);
    this.cases.set(id, { ...record, ...summary });
  }

  appendUpdate(id: string, update: Uint8Array): void {
    const log = this.updates.get(id);
    if (!log) throw new UnknownCaseError(id);
    // Copy: the caller's buffer may be reused or be a view on a larger one.
    log.push(update.slice());
  }

  loadUpdates(id: string): Uint8Array[] {
    return (this.updates.get(id) ?? []).map((update) => update.slice());
  }

  compact(id: string, state: Uint8Array): void {
    if (!this.updates.has(id)) throw new UnknownCaseError(id);
    this.updates.set(id, [state.slice()]);
  }

  updateCount(id: string): number {
    return this.updates.get(id)?.length ?? 0;
  }

  close(): void {}
}
