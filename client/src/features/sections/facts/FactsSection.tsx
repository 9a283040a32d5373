import { useMessages } from '../../../i18n/messages.ts';
import { ItemFields, SectionFields } from '../fields/ContainerFields.tsx';
import { ItemList } from '../fields/ItemList.tsx';

/** The case's facts: who, where, when, the economic frame (from the registry), and the departments. */
export function FactsSection() {
  const m = useMessages();
  const f = m.facts;
  return (
    <>
      <SectionFields section="facts" />

      <h3 className="group-heading" id="departments-heading">
        {f.departmentsHeading}
      </h3>
      <p className="section-help">{f.departmentsHelp}</p>
      <ItemList
        kind="department"
        compact
        itemTitle={(n) => m.list.departmentTitle(n)}
        addLabel={f.addDepartment}
        emptyText={f.noDepartments}
      >
        {(item, id) => <ItemFields kind="department" item={item} id={id} />}
      </ItemList>
    </>
  );
}
