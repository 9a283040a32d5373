/**
 * How many structs a Yjs v1 update holds, read without building them (issue 9). Y.decodeUpdate
 * builds an object per struct — a few hundred KiB of tiny nested structs cost it hundreds of
 * milliseconds — so an update with more structs than a bound is refused before it is decoded.
 *
 * The v1 layout (yjs/src/utils/encoding.js, readClientsStructRefs):
 *   varUint blocks; per block: varUint structs, varUint client, varUint clock, then each struct:
 *   uint8 info; info & 31 = 0 GC (varUint length) | 10 Skip (varUint length) | content kind;
 *   for an item: origin (2 varUints) if info & 128, right origin (2 varUints) if info & 64;
 *   with neither: varUint 1 + string root key, or a parent id (2 varUints); then, with neither
 *   and info & 32, a string key; then its content by kind (1–9, below).
 * Throws on a truncated or malformed update (the caller treats it as malformed).
 */
import * as decoding from 'lib0/decoding';

const TYPE_XML_ELEMENT = 3;
const TYPE_XML_HOOK = 5;

/** What a scan of an update found: its structs, its delete ranges, and whether a client repeats. */
export type UpdateScan = { structs: number; deleteRanges: number; repeatedClient: boolean };

/**
 * Scans `update`: the structs (stopping with `Infinity` as soon as they pass `cap`), the delete
 * set's ranges, and whether a client has two struct blocks (Yjs would keep only the last one,
 * so an inspection of all of them would not be what is applied). Throws on a malformed update.
 */
export function scanUpdate(update: Uint8Array, cap: number): UpdateScan {
  const decoder = decoding.createDecoder(update);
  const blocks = decoding.readVarUint(decoder);
  const clients = new Set<number>();
  let repeatedClient = false;
  let total = 0;
  for (let block = 0; block < blocks; block++) {
    const structs = decoding.readVarUint(decoder);
    total += structs;
    if (total > cap) return { structs: Number.POSITIVE_INFINITY, deleteRanges: 0, repeatedClient };
    const client = decoding.readVarUint(decoder);
    if (clients.has(client)) repeatedClient = true;
    clients.add(client);
    decoding.readVarUint(decoder); // clock
    for (let i = 0; i < structs; i++) skipStruct(decoder);
  }
  let deleteRanges = 0;
  const deleteClients = decoding.readVarUint(decoder);
  for (let i = 0; i < deleteClients; i++) {
    decoding.readVarUint(decoder); // client
    const ranges = decoding.readVarUint(decoder);
    deleteRanges += ranges;
    if (deleteRanges > cap * 100) return { structs: total, deleteRanges, repeatedClient };
    for (let r = 0; r < ranges; r++) {
      decoding.readVarUint(decoder); // clock
      decoding.readVarUint(decoder); // length
    }
  }
  return { structs: total, deleteRanges, repeatedClient };
}

function skipStruct(decoder: decoding.Decoder): void {
  const info = decoding.readUint8(decoder);
  const kind = info & 31;
  if (kind === 0 || kind === 10) {
    decoding.readVarUint(decoder); // GC or Skip length
    return;
  }
  const hasOrigin = (info & 128) !== 0;
  const hasRightOrigin = (info & 64) !== 0;
  if (hasOrigin) skipId(decoder);
  if (hasRightOrigin) skipId(decoder);
  if (!hasOrigin && !hasRightOrigin) {
    if (decoding.readVarUint(decoder) === 1) decoding.readVarString(decoder);
    else skipId(decoder);
    if ((info & 32) !== 0) decoding.readVarString(decoder);
  }
  skipContent(decoder, kind);
}

function skipId(decoder: decoding.Decoder): void {
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
}

function skipContent(decoder: decoding.Decoder, kind: number): void {
  switch (kind) {
    case 1: // deleted
      decoding.readVarUint(decoder);
      return;
    case 2: {
      // JSON: strings
      const length = decoding.readVarUint(decoder);
      for (let i = 0; i < length; i++) decoding.readVarString(decoder);
      return;
    }
    case 3: // binary
      decoding.readVarUint8Array(decoder);
      return;
    case 4: // string
    case 5: // embed (JSON as a string)
      decoding.readVarString(decoder);
      return;
    case 6: // format: key, JSON value
      decoding.readVarString(decoder);
      decoding.readVarString(decoder);
      return;
    case 7: {
      // type: ref, and a node name for XML elements and hooks
      const ref = decoding.readVarUint(decoder);
      if (ref === TYPE_XML_ELEMENT || ref === TYPE_XML_HOOK) decoding.readVarString(decoder);
      return;
    }
    case 8: {
      // any values
      const length = decoding.readVarUint(decoder);
      for (let i = 0; i < length; i++) decoding.readAny(decoder);
      return;
    }
    case 9: // sub-document: guid, options
      decoding.readVarString(decoder);
      decoding.readAny(decoder);
      return;
    default:
      throw new Error(`unknown struct content ${kind}`);
  }
}
