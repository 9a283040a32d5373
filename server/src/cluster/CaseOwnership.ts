import { randomBytes } from 'node:crypto';
import type { Log } from '../log.ts';
import type { OwnershipStore } from '../storage/OwnershipStore.ts';
import { UnknownCaseError } from '../storage/storeErrors.ts';

/** How long a lease lasts unless renewed; a dead owner's cases are taken over after at most this. */
export const LEASE_MS = 6_000;

/** Where a case is served from: this process (it holds the lease), or the owner named. */
export type CaseRoute = { owner: 'self' } | { owner: 'remote'; ownerId: string };

/**
 * Which cases this process owns (issue 14, "one owner per case"): the lease in the database,
 * taken when a case is first served here and nobody else holds it, renewed every third of its
 * length, released when the case unloads. A lease found lost at a renewal (the database was
 * unreachable for longer than the lease and another process took the case) is reported, so
 * the document is dropped at once: two owners must never decide on one case.
 */
export class CaseOwnership {
  /** This process's id in leases and on the bus: random per start. */
  readonly processId = `p-${randomBytes(6).toString('hex')}`;
  private readonly owned = new Set<string>();
  private readonly lostListeners = new Set<(caseId: string) => void>();
  private readonly timer: NodeJS.Timeout;
  private renewing = false;
  private closed = false;

  constructor(
    private readonly owners: OwnershipStore,
    private readonly log: Log,
    private readonly leaseMs = LEASE_MS,
  ) {
    this.timer = setInterval(() => void this.renew(), Math.max(50, Math.floor(leaseMs / 3)));
    this.timer.unref();
  }

  /**
   * Where the case is served from: this process if it holds (or now takes) the lease, else the
   * live owner. Undefined for a case that does not exist. A lease that expired between the two
   * reads is taken on the next try.
   */
  async route(caseId: string): Promise<CaseRoute | undefined> {
    for (let attempt = 0; attempt < 3; attempt++) {
      if (this.owned.has(caseId)) return { owner: 'self' };
      let taken: boolean;
      try {
        taken = await this.owners.acquire(caseId, this.processId, this.leaseMs);
      } catch (error) {
        if (error instanceof UnknownCaseError) return undefined;
        throw error;
      }
      if (taken) {
        this.owned.add(caseId);
        return { owner: 'self' };
      }
      const lease = await this.owners.ownerOf(caseId);
      if (lease) return { owner: 'remote', ownerId: lease.ownerId };
    }
    throw new Error(`The owner of case ${caseId} keeps changing`);
  }

  /** Whether this process holds the case's lease now. */
  owns(caseId: string): boolean {
    return this.owned.has(caseId);
  }

  /** The case was unloaded here: its lease goes, so another process may take it at once. */
  async release(caseId: string): Promise<void> {
    if (!this.owned.delete(caseId)) return;
    try {
      await this.owners.release(caseId, this.processId);
    } catch (error) {
      // It expires by itself.
      this.log('warn', 'case lease not released; it expires', { caseId, error: String(error) });
    }
  }

  /** Calls `listener` with each case whose lease this process lost. */
  onLost(listener: (caseId: string) => void): () => void {
    this.lostListeners.add(listener);
    return () => this.lostListeners.delete(listener);
  }

  /** Stops renewing and releases every lease (a clean shutdown hands the cases over at once). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    await Promise.all([...this.owned].map((caseId) => this.release(caseId)));
  }

  private async renew(): Promise<void> {
    if (this.renewing || this.closed || this.owned.size === 0) return;
    this.renewing = true;
    try {
      const asked = [...this.owned];
      const held = new Set(await this.owners.renew(this.processId, asked, this.leaseMs));
      for (const caseId of asked) {
        if (held.has(caseId) || !this.owned.has(caseId)) continue;
        this.owned.delete(caseId);
        this.log('warn', 'case lease lost; the case is dropped here', { caseId, processId: this.processId });
        for (const listener of this.lostListeners) listener(caseId);
      }
    } catch (error) {
      this.log('warn', 'case leases not renewed; trying again', { error: String(error) });
    } finally {
      this.renewing = false;
    }
  }
}
