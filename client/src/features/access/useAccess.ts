import { canEdit, canFacilitate, type Party } from '@caseroom/shared';
import { useSyncExternalStore } from 'react';
import { useEnclosingSectionLock } from '../../caseState/sectionLock.ts';
import { useSession } from '../../caseState/sessionContext.ts';

/** This browser's party in the open case, once known. */
export function useMe(): Party | undefined {
  const { me } = useSession();
  return useSyncExternalStore(me.subscribe, me.get, me.get);
}

/**
 * Whether this person may change the case — here: inside a section, also whether the
 * facilitator has locked it (docs/workshop.md W4; facilitators still may). Read-only until the
 * role is known, so an observer never types into a field whose change the server would drop (A7).
 */
export function useCanEdit(): boolean {
  const me = useMe();
  const lock = useEnclosingSectionLock();
  if (me === undefined || !canEdit(me.role)) return false;
  return lock === undefined || canFacilitate(me.role);
}

/** Whether this person may invite parties and replace links. */
export function useCanFacilitate(): boolean {
  const me = useMe();
  return me !== undefined && canFacilitate(me.role);
}
