import { useMemo } from 'react';
import { useCaseStoreApi } from '../../caseState/caseStore.ts';
import { useMe } from '../access/useAccess.ts';
import {
  type ActionName,
  type ArgsOf,
  actionsForRole,
  hasCapability,
  judge,
  perform,
  type ResultOf,
  type Verdict,
  WORKSHOP_ACTIONS,
} from './actions.ts';
import { useWorkshop, useWorkshopCall } from './useWorkshop.ts';

/** The workshop's actions for this person now (actions.ts): the one place the workshop asks who may do what. */
export type WorkshopActions = {
  /** The table's verdict: shown or not, and why not. */
  verdict: <N extends ActionName>(name: N, args: ArgsOf<N>) => Verdict;
  /** Whether this person's role may take the action at all (for text that differs by role). */
  may: (name: ActionName) => boolean;
  /** Every action this person's role may take. */
  names: readonly ActionName[];
  perform: <N extends ActionName>(name: N, args: ArgsOf<N>) => Promise<ResultOf<N>>;
};

/** The workshop's actions for this person, from who they are and the workshop record. */
export function useWorkshopActions(): WorkshopActions {
  const me = useMe();
  const workshop = useWorkshop();
  const { caseId, token } = useWorkshopCall();
  const store = useCaseStoreApi();
  return useMemo(() => {
    const context = { me, workshop };
    const target = { call: { caseId, token }, store };
    return {
      verdict: (name, args) => judge(name, context, args),
      may: (name) => hasCapability(me, WORKSHOP_ACTIONS[name].needs),
      names: actionsForRole(me),
      perform: (name, args) => perform(name, target, args),
    };
  }, [me, workshop, caseId, token, store]);
}
