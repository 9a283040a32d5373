export * from './choices.ts';
export * from './groups.ts';
export {
  type ChoiceSpec,
  type CohortsSpec,
  DEFAULT_SHORT_TEXT_CHARS,
  type ExportRows,
  type FieldKind,
  type FieldLayout,
  type FieldOptions,
  type FieldSpec,
  type FieldTexts,
  type NumberRecordSpec,
  type NumberSpec,
  type NumberUnit,
  type ReferenceSpec,
  type RichTextSpec,
  type ShortTextSpec,
} from './kinds.ts';
export * from './language.ts';
export * from './registry.ts';
export * from './shape.ts';
