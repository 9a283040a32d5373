import { IMPORTED_HISTORY, ImportedHistory } from '@caseroom/shared';
import { useMemo } from 'react';
import { useSession } from '../../caseState/sessionContext.ts';
import { useYSelect } from '../../ydoc/useY.ts';

const NONE: ImportedHistory = { decisions: [], signoffs: [] };

/**
 * The decisions and sign-offs an imported case brought along (`workshop.importedHistory`,
 * server-written): history to show, marked as imported — never counted as this case's
 * signatures (docs/exchange.md). Empty for a case that was not imported with any.
 */
export function useImportedHistory(): ImportedHistory {
  const { doc } = useSession();
  const workshop = doc.getMap('workshop');
  const json = useYSelect(workshop, () => JSON.stringify(workshop.get(IMPORTED_HISTORY) ?? null));
  return useMemo(() => {
    const parsed = ImportedHistory.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : NONE;
  }, [json]);
}
