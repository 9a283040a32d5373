import { type Party, requiredSignerNames } from '@caseroom/shared';
import { useEffect, useState } from 'react';
import { useSession } from '../../../caseState/sessionContext.ts';
import { listParties } from '../../access/accessApi.ts';
import { useMe } from '../../access/useAccess.ts';
import { usePeers } from '../../presence/usePeers.ts';
import { useWorkshop } from '../useWorkshop.ts';
import { useWorkshopActions } from '../useWorkshopActions.ts';

/**
 * Names of the case's parties as far as this person can know them: every party for the
 * facilitator (the parties list), otherwise oneself, who is here, who has signed and who must
 * sign (the server stores required signers with their names).
 */
export function usePartyNames(): { names: Map<string, string>; parties: Party[] } {
  const { caseId, token, doc } = useSession();
  // The parties list is the facilitator's, to choose who must sign.
  const facilitator = useWorkshopActions().may('signoff.requiredSigners');
  const me = useMe();
  const peers = usePeers();
  const { signoffs } = useWorkshop();
  const [parties, setParties] = useState<Party[]>([]);
  useEffect(() => {
    if (!facilitator) return;
    let current = true;
    void listParties(caseId, token).then((result) => {
      if (current && result.ok) setParties(result.value);
    });
    return () => {
      current = false;
    };
  }, [caseId, token, facilitator]);
  const names = new Map<string, string>(Object.entries(requiredSignerNames(doc)));
  for (const [id, entry] of Object.entries(signoffs)) names.set(id, entry.partyName);
  for (const peer of peers) if (peer.party) names.set(peer.party.id, peer.party.name);
  if (me) names.set(me.id, me.name);
  for (const party of parties) names.set(party.id, party.name);
  return { names, parties };
}
