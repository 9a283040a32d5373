import {
  CONTAINERS,
  type Container,
  FIELD_GROUPS,
  fieldHidden,
  fieldsOf,
  type ItemKind,
  nestedMap,
  type RegisteredField,
  type SectionName,
} from '@caseroom/shared';
import { Fragment, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { useLanguage } from '../../../i18n/messages.ts';
import { useYMapValue } from '../../../ydoc/useY.ts';
import { LIST_PATHS } from '../fieldPath.ts';
import { useSection } from '../useSection.ts';
import { type FormBlock, formBlocks, gridClass } from './formLayout.ts';
import { RegistryField } from './RegistryField.tsx';

/** Where one container's fields are read and written, and how findings address them. */
type Holder = { map: Y.Map<unknown> | undefined; sources: Y.Map<unknown> | undefined; path: string };

const containers = Object.entries(CONTAINERS) as [Container, (typeof CONTAINERS)[Container]][];

/**
 * Every field a section's own map holds (the section's container and maps nested in it, e.g.
 * the partners in facts), laid out from the registry (formLayout.ts): a field added to the
 * registry appears here with no change to the client.
 */
export function SectionFields({ section }: { section: SectionName }) {
  const { map } = useSection(section);
  const sources = nestedMap(map, 'sources');
  const holders = new Map<Container, Holder>();
  for (const [container, { holder }] of containers) {
    if (!('section' in holder) || holder.section !== section) continue;
    const nested = 'map' in holder ? holder.map : undefined;
    holders.set(container, {
      map: nested ? nestedMap(map, nested) : map,
      sources,
      path: nested ? `${section}/${nested}` : section,
    });
  }
  return <FieldBlocks holders={holders} heading="h3" />;
}

/** Every field of one list item (an outcome, a candidate, a department, a signatory), laid out from the registry. */
export function ItemFields({ kind, item, id }: { kind: ItemKind; item: Y.Map<unknown>; id: string }) {
  const holders = new Map<Container, Holder>();
  for (const [container, { holder }] of containers) {
    if ('list' in holder && holder.list === kind) {
      holders.set(container, { map: item, sources: nestedMap(item, 'sources'), path: `${LIST_PATHS[kind]}/${id}` });
    }
  }
  return <FieldBlocks holders={holders} heading="h4" />;
}

function FieldBlocks({ holders, heading }: { holders: Map<Container, Holder>; heading: 'h3' | 'h4' }) {
  const blocks = formBlocks([...holders.keys()].flatMap((container) => fieldsOf(container)));
  return (
    <>
      {blocks.map((block) => (
        <Block key={block.group ?? ''} block={block} holders={holders} heading={heading} />
      ))}
    </>
  );
}

function Block({
  block,
  holders,
  heading: Heading,
}: {
  block: FormBlock;
  holders: Map<Container, Holder>;
  heading: 'h3' | 'h4';
}) {
  const lang = useLanguage();
  const title = block.group && groupTitle(block.group, lang);
  return (
    <>
      {title && <Heading className={Heading === 'h3' ? 'group-heading' : 'subgroup-heading'}>{title}</Heading>}
      {block.rows.map((row) => {
        const fields = row.fields.map((field) => {
          const holder = holders.get(field.container);
          if (!holder) return undefined;
          return field.layout?.hiddenWhen ? (
            <HiddenWhen key={field.labelKey} field={field} map={holder.map}>
              <RegistryField field={field} {...holder} />
            </HiddenWhen>
          ) : (
            <RegistryField key={field.labelKey} field={field} {...holder} />
          );
        });
        const className = gridClass(row.columns);
        const first = row.fields[0]?.labelKey ?? '';
        return className ? (
          <div key={first} className={className}>
            {fields}
          </div>
        ) : (
          <Fragment key={first}>{fields}</Fragment>
        );
      })}
    </>
  );
}

/** Its field, unless a sibling holds the value that leaves the field out (`fieldHidden`). */
function HiddenWhen({
  field,
  map,
  children,
}: {
  field: RegisteredField;
  map: Y.Map<unknown> | undefined;
  children: ReactNode;
}) {
  const sibling = useYMapValue(map, field.layout?.hiddenWhen?.field ?? '');
  return fieldHidden(field, () => sibling) ? null : children;
}

/** A group's heading; a group FIELD_GROUPS does not know is shown by its key rather than lost. */
function groupTitle(group: string, lang: 'da' | 'en'): string {
  return (FIELD_GROUPS as Record<string, { da: string; en: string }>)[group]?.[lang] ?? group;
}
