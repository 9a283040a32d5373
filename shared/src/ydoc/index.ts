export * from './edit.ts';
export * from './initCaseDoc.ts';
export * from './items.ts';
export * from './layout.ts';
export * from './orderedList.ts';
export * from './reconcile.ts';
export * from './toModel.ts';
export * from './writeModel.ts';
