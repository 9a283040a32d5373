import type { Party } from '@caseroom/shared';
import { ApiErrorCode } from '@caseroom/shared';
import { StorageUnavailableError } from '../documents/CaseDocument.ts';
import type { DocumentRegistry } from '../documents/DocumentRegistry.ts';
import type { Log } from '../log.ts';
import { isStorageFailure } from '../storage/storageFailure.ts';
import { fail, ok, type Result, storageUnavailable } from './results.ts';

/** A case's stored bytes against its quota (issue 9), as `GET …/storage` and the compaction answer. */
export type StorageUsage = { usedBytes: number; quotaBytes: number };

/**
 * The per-case storage quota as the HTTP API sees it (docs/workshop.md "Storage"): how much of
 * it a case uses, and the facilitator's "tidy up" — the case's log of small updates written as
 * one state row now, so edits refused at the quota are accepted again. The level a case is at
 * (`workshop.storage`) is kept by CaseDocument itself; role checks happen in the HTTP layer.
 */
export class StorageService {
  constructor(
    private readonly registry: DocumentRegistry,
    private readonly log: Log,
  ) {}

  /** `GET …/storage`: the bytes the case's stored log holds and its quota. */
  async usage(caseId: string): Promise<Result<StorageUsage>> {
    const document = await this.registry.open(caseId);
    if (!document) return caseNotFound(caseId);
    return ok({ usedBytes: document.storageUsed, quotaBytes: document.storageQuota });
  }

  /**
   * `POST …/storage/compact`: the update log becomes one state row (CaseDocument.compactNow);
   * 503 storageUnavailable, changing nothing, while the store cannot write.
   */
  async compact(caseId: string, party: Party): Promise<Result<StorageUsage>> {
    const document = await this.registry.open(caseId);
    if (!document) return caseNotFound(caseId);
    const before = document.storageUsed;
    try {
      const after = await document.compactNow();
      this.log('info', 'case compacted by the facilitator', {
        caseId,
        partyId: party.id,
        beforeBytes: before,
        afterBytes: after.usedBytes,
        quotaBytes: after.quotaBytes,
      });
      return ok(after);
    } catch (error) {
      if (error instanceof StorageUnavailableError || isStorageFailure(error)) {
        this.log('error', 'compaction refused: the store cannot write', { caseId, partyId: party.id, error });
        return storageUnavailable();
      }
      throw error;
    }
  }
}

function caseNotFound(caseId: string) {
  return fail(404, ApiErrorCode.CaseNotFound, `No case with id ${caseId}.`);
}
