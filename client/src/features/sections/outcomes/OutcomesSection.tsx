import { useSession } from '../../../caseState/sessionContext.ts';
import { useMessages } from '../../../i18n/messages.ts';
import { CaseLibraryContext, useCaseLibraryLoader } from '../../library/caseLibrary.ts';
import { LibraryValues } from '../../library/LibraryValues.tsx';
import { ItemFields } from '../fields/ContainerFields.tsx';
import { ItemList } from '../fields/ItemList.tsx';

/** The outcome targets (resultatmål): what is measured, the expected effect, its value and price; values from the library (issue 15). */
export function OutcomesSection() {
  const m = useMessages();
  const { caseId, token } = useSession();
  const library = useCaseLibraryLoader(caseId, token);
  return (
    <CaseLibraryContext.Provider value={library}>
      <ItemList
        kind="outcome"
        itemTitle={(n) => m.list.outcomeTitle(n)}
        addLabel={m.outcomes.add}
        emptyText={m.outcomes.none}
      >
        {(item, id) => (
          <>
            <ItemFields kind="outcome" item={item} id={id} />
            <LibraryValues item={item} outcomeId={id} />
          </>
        )}
      </ItemList>
    </CaseLibraryContext.Provider>
  );
}
