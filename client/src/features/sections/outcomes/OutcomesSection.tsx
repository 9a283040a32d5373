import { useMessages } from '../../../i18n/messages.ts';
import { ItemFields } from '../fields/ContainerFields.tsx';
import { ItemList } from '../fields/ItemList.tsx';

/** The outcome targets (resultatmål): what is measured, the expected effect, its value and price. */
export function OutcomesSection() {
  const m = useMessages();
  return (
    <ItemList
      kind="outcome"
      itemTitle={(n) => m.list.outcomeTitle(n)}
      addLabel={m.outcomes.add}
      emptyText={m.outcomes.none}
    >
      {(item, id) => <ItemFields kind="outcome" item={item} id={id} />}
    </ItemList>
  );
}
