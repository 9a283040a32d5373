/** A party's signature on one version of the content (its content hash). */
export type Signoff = { partyId: string; hash: string; at: string };

export type SignoffStatus = { partyId: string; state: 'current' | 'outdated' | 'missing'; signoff?: Signoff };

/**
 * Each required party's sign-off against the current content hash: current (signed this
 * version), outdated (signed an earlier one — any later content change makes it so) or missing.
 */
export function signoffStatus(
  required: readonly string[],
  signoffs: readonly Signoff[],
  currentHash: string,
): SignoffStatus[] {
  return required.map((partyId) => {
    const signoff = signoffs.find((s) => s.partyId === partyId);
    if (!signoff) return { partyId, state: 'missing' };
    return { partyId, state: signoff.hash === currentHash ? 'current' : 'outdated', signoff };
  });
}

/** Agreed: there is at least one required party and every one has signed the current version. */
export function isAgreed(required: readonly string[], signoffs: readonly Signoff[], currentHash: string): boolean {
  return required.length > 0 && signoffStatus(required, signoffs, currentHash).every((s) => s.state === 'current');
}
