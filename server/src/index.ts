export {
  type AccessChange,
  type AccessChangeListener,
  type AccessCheck,
  AccessDenial,
  type AccessGrant,
  AccessService,
  type AdoptedCase,
  type IssuedLink,
  newPartyId,
  type PartyListing,
} from './access/AccessService.ts';
export {
  DEFAULT_ORGANISATION_NAME,
  ensureFirstOrganisation,
  type FirstOrganisation,
  MAX_ORGANISATION_NAME_CHARS,
  ORGANISATION_KEY_FILE,
  writeOwnerOnlyFile,
} from './access/firstOrganisation.ts';
export { type LinkState, linkState, parseExpiryChange } from './access/linkLifetime.ts';
export { caseLink } from './access/links.ts';
export { type CreatorCheck, OrganisationAccess, OrganisationDenial } from './access/OrganisationAccess.ts';
export {
  isWellFormedOrganisationKey,
  newOrganisationId,
  newOrganisationKey,
  ORGANISATION_KEY_PREFIX,
} from './access/organisationKeys.ts';
export { bearerTokens, hashToken, isWellFormedToken, newToken, TOKEN_PREFIX } from './access/tokens.ts';
export { RefusalReason, refuseUpdate, type UpdateRefusal } from './access/updateGuard.ts';
export { type CaseListing, CaseService, type CaseTemplate, type CreatedCase, newCaseId } from './cases/CaseService.ts';
export { CaseDocument, SERVER_ORIGIN, StorageUnavailableError } from './documents/CaseDocument.ts';
export { DocumentRegistry, type DocumentRegistryOptions, REGISTRY_DEFAULTS } from './documents/DocumentRegistry.ts';
export {
  ExchangeService,
  type ExportOptions,
  MAX_EXPORTS_PER_PARTY,
  MAX_IMPORT_BYTES,
} from './exchange/ExchangeService.ts';
export { ExchangeJobFailed, ExchangeUnavailable, ExchangeWorkers } from './exchange/ExchangeWorkers.ts';
export {
  exportFilename,
  type RenderedExport,
  renderExport,
  slug,
} from './exchange/renderExport.ts';
export {
  modelOfState,
  type SnapshotChanges,
  type SnapshotListing,
  SnapshotService,
} from './history/SnapshotService.ts';
export { consoleLog, type Log, type LogLevel, silentLog } from './log.ts';
export { DEFAULT_CLIENT_DIR, type RunningServer, type StartServerOptions, startServer } from './startServer.ts';
export type { NewParty, PartyRecord, TokenRecord } from './storage/AccessStore.ts';
export type { BallotRecord } from './storage/BallotStore.ts';
export type { CaseRecord, CaseSummary, NewCase } from './storage/CaseCatalogue.ts';
export { SERVER_PARTY_ID } from './storage/ClientIdStore.ts';
export { DataDirLock, DataDirLockedError, LOCK_HOLDER_FILE } from './storage/DataDirLock.ts';
export { FaultInjectingStores, InjectedStorageFault } from './storage/FaultInjectingStores.ts';
export type {
  NewOrganisation,
  OrganisationKeyRecord,
  OrganisationRecord,
  OrganisationStore,
} from './storage/OrganisationStore.ts';
export type { SnapshotInfo, SnapshotKind, SnapshotRecord } from './storage/SnapshotStore.ts';
export { STORE_NAMES, type StoreName, type Stores } from './storage/Stores.ts';
export { DATABASE_FILE, openSqliteStores, type SqliteSynchronous } from './storage/sqliteStores.ts';
export { isStorageFailure } from './storage/storageFailure.ts';
export {
  DuplicateCaseError,
  DuplicateOrganisationError,
  DuplicatePartyError,
  DuplicateSnapshotError,
  UnknownCaseError,
  UnknownOrganisationError,
  UnknownPartyError,
} from './storage/storeErrors.ts';
export { MessageType } from './sync/messages.ts';
export { type ConnectionLimits, DEFAULT_CONNECTION_LIMITS } from './transport/Connection.ts';
export {
  LINK_TOKEN_TIMEOUT_MS,
  MAX_BYTES_BEFORE_TOKEN,
  MAX_FRAMES_BEFORE_TOKEN,
  MAX_PAYLOAD_BYTES,
  PING_INTERVAL_MS,
} from './transport/WebSocketTransport.ts';
export { WorkshopService, type WorkshopView } from './workshop/WorkshopService.ts';
