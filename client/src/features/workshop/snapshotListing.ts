/** A snapshot as the server lists it (W11). */
export type SnapshotListing = { id: string; name: string; kind: string; createdAt: string };

/** The snapshot rows of `GET …/snapshots`, leaving out anything malformed. */
export function readListing(value: unknown): SnapshotListing[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((row) => {
    const r = row as Partial<SnapshotListing>;
    return typeof r.id === 'string' && typeof r.name === 'string' && typeof r.createdAt === 'string'
      ? [{ id: r.id, name: r.name, kind: typeof r.kind === 'string' ? r.kind : 'manual', createdAt: r.createdAt }]
      : [];
  });
}
