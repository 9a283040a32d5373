import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import canonicalize from 'canonicalize';
import type { CaseModelDraft } from '../model/caseModel.ts';

/**
 * The content a sign-off is a signature on: the model's content sections with the schema
 * version — not the workshop's phase (workshop state, not content) and not list order keys
 * (the order is the arrays' order; re-keying a list without moving anything is no change).
 * Comments, votes, locks and sign-offs live outside the model and are never part of it.
 */
export function signableContent(model: CaseModelDraft): unknown {
  const { phase: _phase, ...facts } = model.facts;
  return withoutOrderKeys({ ...model, facts });
}

/**
 * The version hash parties sign: SHA-256 (hex) of the canonical JSON (RFC 8785, JCS) of the
 * signable content. The same in the browser, the server and the exports.
 */
export function contentHash(model: CaseModelDraft): string {
  const json = canonicalize(signableContent(model));
  if (json === undefined) throw new Error('contentHash: the model cannot be serialised');
  return bytesToHex(sha256(utf8ToBytes(json)));
}

function withoutOrderKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutOrderKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (key !== 'order') out[key] = withoutOrderKeys(inner);
    }
    return out;
  }
  return value;
}
