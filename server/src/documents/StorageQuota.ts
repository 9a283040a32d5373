import {
  STORAGE_BOUNDS,
  type StorageNotice,
  StorageNotice as StorageNoticeSchema,
  workshopMap,
} from '@caseroom/shared';
import type * as Y from 'yjs';
import type { Log } from '../log.ts';

/** What the quota needs of its case document: the Y.Doc, whether it can write, and a server change. */
export type StorageQuotaHost = {
  readonly id: string;
  readonly doc: Y.Doc;
  /** False once the document is destroyed or while its store is failing. */
  canWrite(): boolean;
  /** Makes a change as the server (stored and relayed); throws if the store is failing. */
  changeAsServer(change: (doc: Y.Doc) => void): void;
};

/**
 * One case's stored bytes against its quota (issue 9), and the `workshop.storage` notice that
 * tells the room: `warn` from the warning share, `full` at the quota (or once an edit was
 * refused for it), removed below the warning share. The notice is written after the current
 * message, as a server change of its own, and only when the level changes.
 */
export class StorageQuota {
  /** Bytes of the case's stored update log (what the quota counts). */
  private usedBytes: number;
  /** An edit was refused for the quota (usage stays just below it): the notice says `full`. */
  private refused = false;
  /** The level the workshop record holds (null: not read yet). */
  private noticeLevel: StorageNotice['level'] | undefined | null = null;
  private noticeQueued = false;

  constructor(
    private readonly host: StorageQuotaHost,
    storedBytes: number,
    /** Stored bytes the case may hold. */
    readonly quotaBytes: number,
    private readonly log: Log,
  ) {
    this.usedBytes = storedBytes;
  }

  /** Bytes of the stored update log. */
  get used(): number {
    return this.usedBytes;
  }

  /** An update of `bytes` was appended to the log. */
  appended(bytes: number): void {
    this.usedBytes += bytes;
    this.queueNotice();
  }

  /** The log became one state row of `bytes` (a compaction): a refusal no longer holds. */
  compacted(bytes: number): void {
    this.usedBytes = bytes;
    this.refused = false;
    this.queueNotice();
  }

  /** The whole state was written as one row of `bytes` after a storage failure. */
  rewritten(bytes: number): void {
    this.usedBytes = bytes;
  }

  /** An edit was refused because it would pass the quota: the notice turns `full` until a compaction. */
  noteRefusal(): void {
    if (this.refused) return;
    this.refused = true;
    this.queueNotice();
  }

  /** Where the case stands against its quota: `full` at it (or after a refusal), `warn` from the warning share. */
  level(): StorageNotice['level'] | undefined {
    const share = this.usedBytes / this.quotaBytes;
    if (share >= 1 || this.refused) return 'full';
    return share >= STORAGE_BOUNDS.warnShare ? 'warn' : undefined;
  }

  private queueNotice(): void {
    // This runs for every stored update: compare with the level last read or written, and read
    // the record only the first time.
    if (this.noticeLevel === null) {
      const current = StorageNoticeSchema.safeParse(workshopMap(this.host.doc)?.get('storage'));
      this.noticeLevel = current.success ? current.data.level : undefined;
    }
    if (this.level() === this.noticeLevel || this.noticeQueued) return;
    this.noticeQueued = true;
    setImmediate(() => {
      this.noticeQueued = false;
      if (!this.host.canWrite()) return;
      const level = this.level();
      if (level === this.noticeLevel) return;
      const notice: StorageNotice | undefined = level
        ? { level, usedBytes: this.usedBytes, quotaBytes: this.quotaBytes }
        : undefined;
      try {
        this.host.changeAsServer((doc) => {
          const workshop = workshopMap(doc);
          if (!workshop) return;
          if (notice) workshop.set('storage', notice);
          else if (workshop.has('storage')) workshop.delete('storage');
        });
        this.noticeLevel = level;
      } catch (error) {
        this.log('warn', 'storage notice not written', { caseId: this.host.id, error: String(error) });
      }
    });
  }
}
