import { useMessages } from '../../../i18n/messages.ts';
import { CandidateComparison } from '../../businessCase/CandidateComparison.tsx';
import { ItemFields, SectionFields } from '../fields/ContainerFields.tsx';
import { ItemList } from '../fields/ItemList.tsx';
import { CandidateRatesTable } from './CandidateRatesTable.tsx';

/** Candidate interventions, each priced on its own inputs, and the one the group chose. */
export function InterventionsSection() {
  const m = useMessages();
  const t = m.interventions;
  return (
    <>
      <h3 className="group-heading">{t.candidatesHeading}</h3>
      <ItemList kind="intervention" itemTitle={(n) => m.list.interventionTitle(n)} addLabel={t.add} emptyText={t.none}>
        {(item, id) => <ItemFields kind="intervention" item={item} id={id} />}
      </ItemList>

      <CandidateRatesTable />

      <CandidateComparison />

      <SectionFields section="interventions" />
    </>
  );
}
