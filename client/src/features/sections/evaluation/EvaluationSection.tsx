import { useMessages } from '../../../i18n/messages.ts';
import { ItemFields, SectionFields } from '../fields/ContainerFields.tsx';
import { ItemList } from '../fields/ItemList.tsx';

/** Phase 3: how the effect is evaluated, the contract terms, and who must sign. */
export function EvaluationSection() {
  const m = useMessages();
  const t = m.evaluation;
  return (
    <>
      <SectionFields section="evaluation" />

      <h3 className="group-heading">{t.signatoriesHeading}</h3>
      <ItemList
        kind="signatory"
        compact
        itemTitle={(n) => m.list.signatoryTitle(n)}
        addLabel={t.addSignatory}
        emptyText={t.noSignatories}
      >
        {(item, id) => <ItemFields kind="signatory" item={item} id={id} />}
      </ItemList>
    </>
  );
}
