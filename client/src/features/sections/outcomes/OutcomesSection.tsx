import { DIRECTIONS, nestedMap, PAYMENT_BASES } from '@caseroom/shared';
import type * as Y from 'yjs';
import { useMessages } from '../../../i18n/messages.ts';
import { ChoiceField } from '../fields/ChoiceField.tsx';
import { ItemList } from '../fields/ItemList.tsx';
import { NumberField } from '../fields/NumberField.tsx';
import { TextField } from '../fields/TextField.tsx';
import { ValuePerDepartment } from './ValuePerDepartment.tsx';

const EFFECT_FIELDS = [
  { field: 'baselineRate', kind: 'percent' },
  { field: 'expectedRate', kind: 'percent' },
  { field: 'attribution', kind: 'percent' },
  { field: 'lagYears', kind: 'years' },
  { field: 'durationYears', kind: 'years' },
  { field: 'persistence', kind: 'percent' },
] as const;

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
      {(item, id) => <OutcomeForm item={item} id={id} />}
    </ItemList>
  );
}

function OutcomeForm({ item, id }: { item: Y.Map<unknown>; id: string }) {
  const m = useMessages();
  const at = (field: string) => `outcomes/${id}/${field}`;
  const t = m.outcomes;
  const sources = nestedMap(item, 'sources');
  return (
    <>
      <div className="form-grid two">
        <TextField map={item} field="name" path={at('name')} label={t.name.label} help={t.name.help} />
        <ChoiceField
          map={item}
          field="direction"
          path={at('direction')}
          label={t.direction.label}
          help={t.direction.help}
          options={DIRECTIONS.map((direction) => ({ value: direction, label: m.directions[direction] }))}
        />
      </div>
      <TextField
        map={item}
        field="definition"
        path={at('definition')}
        multiline
        label={t.definition.label}
        help={t.definition.help}
      />
      <div className="form-grid two">
        <TextField
          map={item}
          field="dataSource"
          path={at('dataSource')}
          label={t.dataSource.label}
          help={t.dataSource.help}
        />
        <TextField
          map={item}
          field="measurementMethod"
          path={at('measurementMethod')}
          label={t.measurementMethod.label}
          help={t.measurementMethod.help}
        />
      </div>

      <h4 className="subgroup-heading">{t.effectHeading}</h4>
      <div className="form-grid three">
        {EFFECT_FIELDS.map(({ field, kind }) => (
          <NumberField
            key={field}
            map={item}
            field={field}
            path={at(field)}
            kind={kind}
            label={t[field].label}
            help={t[field].help}
            sources={sources}
          />
        ))}
      </div>

      <h4 className="subgroup-heading">{t.valueHeading}</h4>
      <ValuePerDepartment
        values={nestedMap(item, 'valuePerDepartment')}
        sources={sources}
        path={at('valuePerDepartment')}
      />

      <h4 className="subgroup-heading">{t.paymentHeading}</h4>
      <div className="form-grid two">
        <NumberField
          map={item}
          field="pricePerOutcome"
          path={at('pricePerOutcome')}
          kind="money"
          label={t.pricePerOutcome.label}
          help={t.pricePerOutcome.help}
          sources={sources}
        />
        <ChoiceField
          map={item}
          field="paymentBasis"
          path={at('paymentBasis')}
          label={t.paymentBasis.label}
          help={t.paymentBasis.help}
          options={PAYMENT_BASES.map((basis) => ({ value: basis, label: m.paymentBases[basis] }))}
        />
      </div>
    </>
  );
}
