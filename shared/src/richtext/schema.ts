import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { richTextExtensions } from './extensions.ts';

let cached: Schema | undefined;

/** The ProseMirror schema built from the shared extensions (built once, then reused). */
export function richTextSchema(): Schema {
  cached ??= getSchema(richTextExtensions);
  return cached;
}
