/**
 * Our own failures, each with a code (in the style of bolt-js's errors.ts): code and logs tell them apart by
 * `code`, never by message text. Failures that come from Slack carry Slack's code (`slackErrorCode`); from
 * ioredis or Node, theirs (`ECONNREFUSED`, …): the logger writes whichever an error has.
 */
export enum ErrorCode {
  /** The store did not answer, or refused: the person is told to try again, nothing is lost. */
  StoreUnavailable = 'store_unavailable',
  /** No installation for the workspace: it must install the app again. */
  InstallationMissing = 'installation_missing',
  /** A stored installation that cannot be opened (another format, or another SLACK_CLIENT_SECRET). */
  InstallationUnreadable = 'installation_unreadable',
  /** A REDIS_URL, key prefix or tenant id that the app refuses to use. */
  InvalidStoreSetting = 'invalid_store_setting',
  /** Slack called us back in a way we cannot use (e.g. OAuth settings missing where they are needed). */
  InvalidAppSetting = 'invalid_app_setting',
}

export interface CodedError extends Error {
  code: ErrorCode;
}

export function isCodedError(error: unknown): error is CodedError {
  return (
    error instanceof Error && Object.values<unknown>(ErrorCode).includes((error as { code?: unknown }).code)
  );
}

/**
 * Thrown by a store adapter when the backing service cannot be reached; callers tell the person to try again.
 * `outcome` says what became of a write: 'unknown' when it timed out (it may still land: Redis runs what it
 * was sent once it can), 'failed' when it could not be sent or was refused.
 */
export class StoreUnavailableError extends Error implements CodedError {
  readonly code = ErrorCode.StoreUnavailable;
  readonly outcome: 'unknown' | 'failed';
  constructor(cause: unknown, outcome: 'unknown' | 'failed' = 'failed') {
    super('The store is unavailable', { cause });
    this.name = 'StoreUnavailableError';
    this.outcome = outcome;
  }
}

/** No install for the workspace (never installed, uninstalled, or its token revoked): it must install again. */
export class InstallationMissingError extends Error implements CodedError {
  readonly code = ErrorCode.InstallationMissing;
  constructor() {
    super('No installation for this workspace: it must be (re)installed');
    this.name = 'InstallationMissingError';
  }
}

export class InstallationUnreadableError extends Error implements CodedError {
  readonly code = ErrorCode.InstallationUnreadable;
  constructor(message: string) {
    super(message);
    this.name = 'InstallationUnreadableError';
  }
}

export class InvalidStoreSettingError extends Error implements CodedError {
  readonly code = ErrorCode.InvalidStoreSetting;
  constructor(message: string) {
    super(message);
    this.name = 'InvalidStoreSettingError';
  }
}

export class InvalidAppSettingError extends Error implements CodedError {
  readonly code = ErrorCode.InvalidAppSetting;
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAppSettingError';
  }
}
