import type { WorkshopRecord } from '@caseroom/shared';
import { useCaseStore } from '../../caseState/caseStore.ts';
import { useSession } from '../../caseState/sessionContext.ts';
import type { WorkshopCall } from './workshopApi.ts';

/**
 * The workshop record (docs/workshop.md W1), read live from the document into the case's store
 * (caseState/liveCase.ts). The server writes it; this browser only reads it. Parts that did not
 * change keep their identity, so `useCaseStore((s) => s.workshop.locks)` re-renders only on locks.
 */
export function useWorkshop(): WorkshopRecord {
  return useCaseStore((state) => state.workshop);
}

/** The case and token every workshop request needs. */
export function useWorkshopCall(): WorkshopCall {
  const { caseId, token } = useSession();
  return { caseId, token };
}
