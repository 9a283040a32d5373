import { useCallback, useEffect, useState } from 'react';
import { failureOf } from '../../../api/failureText.ts';
import type { ApiFailure } from '../../../api/request.ts';
import { useWorkshopCall } from '../useWorkshop.ts';
import { useWorkshopActions } from '../useWorkshopActions.ts';
import { getBallot } from '../workshopApi.ts';

/**
 * This person's own ballot in an open vote (W7): loaded from the server (it is never in the
 * document), changed locally and stored on the server at once. Only this person ever sees it.
 */
export function useBallot(voteId: string, enabled: boolean) {
  const at = useWorkshopCall();
  const actions = useWorkshopActions();
  const [dots, setDots] = useState<string[]>([]);
  const [failure, setFailure] = useState<ApiFailure>();
  const { caseId, token } = at;
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    void getBallot({ caseId, token }, voteId).then((result) => {
      if (current && result.ok && result.value.ballot) setDots(result.value.ballot.itemIds);
    });
    return () => {
      current = false;
    };
  }, [caseId, token, voteId, enabled]);
  const save = useCallback(
    async (next: string[]) => {
      const previous = dots;
      setDots(next);
      const result = await actions.perform('vote.ballot', { voteId, itemIds: next });
      setFailure(failureOf(result));
      if (!result.ok) setDots(previous);
    },
    [actions, voteId, dots],
  );
  return { dots, save, failure };
}
