import type { AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';

/**
 * The rich-text extensions every party uses: the editor in the browser and the server that
 * seeds and reads rich text. One list, so no side strips nodes the other side wrote.
 * Tiptap's own undo/redo is off: undo is Yjs's, scoped to the person's own edits.
 */
export const richTextExtensions: AnyExtension[] = [
  StarterKit.configure({ undoRedo: false, link: false, codeBlock: false, horizontalRule: false }),
];
