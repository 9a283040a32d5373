import { choiceName, fieldTexts, nestedFragment, nestedMap, type RegisteredField } from '@caseroom/shared';
import type * as Y from 'yjs';
import { useLanguage } from '../../../i18n/messages.ts';
import { CandidateRatesField } from './CandidateRatesField.tsx';
import { ChoiceField } from './ChoiceField.tsx';
import { ChosenCandidateRateField } from './ChosenCandidateRateField.tsx';
import { CohortsField } from './CohortsField.tsx';
import { MeasurementPointsField } from './MeasurementPointsField.tsx';
import { NumberField } from './NumberField.tsx';
import { NumberRecordField } from './NumberRecordField.tsx';
import { ReferenceField } from './ReferenceField.tsx';
import { RichTextField } from './RichTextField.tsx';
import { TextField } from './TextField.tsx';

type Props = {
  field: RegisteredField;
  /** The map that holds the field: a section's, a map nested in one, or a list item. */
  map: Y.Map<unknown> | undefined;
  /** The map its source note is kept in (the section's or the item's `sources`). */
  sources: Y.Map<unknown> | undefined;
  /** The container's finding path (`facts`, `outcomes/<id>`); the field's is `<path>/<key>`. */
  path: string;
};

/** More options than this show as a select rather than radio buttons side by side. */
const MAX_RADIO_OPTIONS = 3;

/**
 * One field of the case model, as its registry entry says: the control for its kind, its label
 * and help in the person's language, its unit, its source note, and `data-path` for "go to
 * field". A field added to the registry needs nothing here.
 */
export function RegistryField({ field, map, sources, path: containerPath }: Props) {
  const lang = useLanguage();
  const { label, help } = fieldTexts(field.labelKey, lang);
  const path = `${containerPath}/${field.key}`;
  const noteMap = field.sourceNote ? sources : undefined;
  switch (field.kind) {
    case 'shortText':
      return (
        <TextField
          map={map}
          field={field.key}
          path={path}
          label={label}
          help={help}
          multiline={field.layout?.multiline}
        />
      );
    case 'richText':
      return <RichTextField fragment={nestedFragment(map, field.key)} path={path} label={label} help={help} />;
    case 'number':
      // P19: an outcome's expected rate is the chosen candidate's (the item's id ends its path).
      if (field.ofChosenCandidate) {
        const itemId = containerPath.split('/').at(-1) ?? '';
        return <ChosenCandidateRateField outcomeId={itemId} path={path} label={label} help={help} />;
      }
      return (
        <NumberField
          map={map}
          field={field.key}
          path={path}
          kind={field.unit === 'calendarYear' ? 'count' : field.unit}
          calendarYear={field.unit === 'calendarYear'}
          label={label}
          help={help}
          sources={noteMap}
        />
      );
    case 'choice':
      return (
        <ChoiceField
          map={map}
          field={field.key}
          path={path}
          as={field.choices.length > MAX_RADIO_OPTIONS ? 'select' : 'radio'}
          label={label}
          help={help}
          options={field.choices.map((value) => ({ value, label: choiceName(field.labelKey, value, lang) ?? value }))}
        />
      );
    case 'reference':
      return <ReferenceField map={map} field={field.key} to={field.to} path={path} label={label} help={help} />;
    case 'numberRecord':
      if (field.keyedBy === 'outcome') {
        return (
          <CandidateRatesField
            rates={nestedMap(map, field.key)}
            sources={noteMap}
            path={path}
            label={label}
            help={help}
          />
        );
      }
      return (
        <NumberRecordField
          values={nestedMap(map, field.key)}
          unit={field.unit}
          path={path}
          label={label}
          help={help}
          sources={noteMap}
          sourceKey={field.key}
          notePerEntry={field.notePerEntry}
        />
      );
    case 'measurementPoints':
      return (
        <MeasurementPointsField
          points={nestedMap(map, field.key)}
          sources={noteMap}
          sourceKey={field.key}
          path={path}
          label={label}
          help={help}
        />
      );
    case 'cohorts':
      return (
        <CohortsField
          cohorts={nestedMap(map, field.key)}
          path={path}
          label={label}
          help={help}
          sources={noteMap}
          sourceKey={field.key}
        />
      );
  }
}
