import { type BusinessCase, businessCase, type CaseModelDraft, toModel } from '@caseroom/shared';
import type * as Y from 'yjs';

/** The business case of the document as it stands: derived, never stored or synced. */
export type BusinessCaseSnapshot = {
  /** Counts recomputations, so views can tell a new result from the previous one. */
  revision: number;
  model: CaseModelDraft;
  result: BusinessCase;
};

/** A derived, read-only view of one case's business case that React subscribes to. */
export type BusinessCaseStore = {
  subscribe(onChange: () => void): () => void;
  getSnapshot(): BusinessCaseSnapshot;
  destroy(): void;
};

/**
 * Recomputes `businessCase(toModel(doc))` after document updates — local or remote — at most
 * once per animation frame: a burst of keystrokes or a large remote update costs one
 * recomputation (≈ 1–2 ms), and the result is never copied into another store.
 */
export function createBusinessCaseStore(doc: Y.Doc): BusinessCaseStore {
  const listeners = new Set<() => void>();
  let pricedKey: string | undefined;
  const compute = (revision: number, previous?: BusinessCaseSnapshot): BusinessCaseSnapshot => {
    const model = toModel(doc);
    const result = businessCase(model);
    // Edits that leave the priced inputs alone (names, prose, sources) keep the priced case's
    // identity, so the charts do not redraw while someone types a text.
    const key = result.priced.ok ? JSON.stringify([result.priced.input, result.priced.ranges]) : undefined;
    if (previous?.result.priced.ok && key !== undefined && key === pricedKey) result.priced = previous.result.priced;
    pricedKey = key;
    return { revision, model, result };
  };
  let snapshot = compute(0);
  let frame = 0;
  const onUpdate = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      snapshot = compute(snapshot.revision + 1, snapshot);
      for (const listener of listeners) listener();
    });
  };
  doc.on('update', onUpdate);
  return {
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    getSnapshot: () => snapshot,
    destroy() {
      doc.off('update', onUpdate);
      if (frame) cancelAnimationFrame(frame);
      listeners.clear();
    },
  };
}
