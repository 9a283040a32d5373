/** Thrown by a store when asked to write to a case that does not exist (a programmer error). */
export class UnknownCaseError extends Error {
  constructor(id: string) {
    super(`No case with id ${id}`);
    this.name = 'UnknownCaseError';
  }
}

/** Thrown by a store when asked to create a case whose id is taken. */
export class DuplicateCaseError extends Error {
  constructor(id: string) {
    super(`A case with id ${id} already exists`);
    this.name = 'DuplicateCaseError';
  }
}

/** Thrown by a store when asked to change a party that does not exist. */
export class UnknownPartyError extends Error {
  constructor(caseId: string, partyId: string) {
    super(`No party ${partyId} in case ${caseId}`);
    this.name = 'UnknownPartyError';
  }
}

/** Thrown by a store when a snapshot id is taken. */
export class DuplicateSnapshotError extends Error {
  constructor(caseId: string, snapshotId: string) {
    super(`Snapshot ${snapshotId} of case ${caseId} already exists`);
    this.name = 'DuplicateSnapshotError';
  }
}

/** Thrown by a store when a party id or token hash is taken. */
export class DuplicatePartyError extends Error {
  constructor(caseId: string, partyId: string) {
    super(`Party ${partyId} of case ${caseId} (or its token) already exists`);
    this.name = 'DuplicatePartyError';
  }
}

/** Thrown when an organisation id or key hash is taken. */
export class DuplicateOrganisationError extends Error {
  constructor(id: string) {
    super(`Organisation ${id} (or its key) already exists`);
    this.name = 'DuplicateOrganisationError';
  }
}

/** Thrown when a case is created for an organisation that does not exist (a programmer error). */
export class UnknownOrganisationError extends Error {
  constructor(id: string) {
    super(`No organisation with id ${id}`);
    this.name = 'UnknownOrganisationError';
  }
}

/** Thrown when a library entry id is taken in the organisation's library (issue 15). */
export class DuplicateLibraryEntryError extends Error {
  constructor(id: string) {
    super(`Library entry ${id} already exists`);
    this.name = 'DuplicateLibraryEntryError';
  }
}

/** Thrown when two writers change one library entry at once and the other took the next version first. */
export class LibraryVersionConflictError extends Error {
  constructor(id: string) {
    super(`Library entry ${id} was changed by someone else at the same moment`);
    this.name = 'LibraryVersionConflictError';
  }
}
