import type { InstallationStore } from '@slack/bolt';
import type { CostSettings } from '../domain/cost.js';
import type { PendingWork } from '../ops/metrics.js';
import type { DecisionStore } from '../store/port.js';
import type { PeopleDirectory } from './people.js';

/** What every listener needs besides the Slack arguments Bolt gives it. */
export interface ListenerDeps {
  store: DecisionStore;
  /** The current time; injected so tests can move it. */
  now: () => Date;
  /** How long decisions and answers are kept after their last change (RETENTION_DAYS). */
  retentionDays: number;
  /** Prices and engineer cost for the verdict's cost estimate. */
  costs: CostSettings;
  /** OAuth mode: where installs are kept, so an uninstall or a revoked token can delete one. */
  installations?: InstallationStore;
  /** Names and time zones from users.info, cached for the process. */
  people: PeopleDirectory;
  /** Decision messages being published now, for the metrics. */
  publishing: PendingWork;
  /** How often sweepers look for decision messages that lag behind the store (SWEEP_INTERVAL_MS). */
  sweepIntervalMs: number;
  /** Aborted when the instance is shutting down: long work stops and leaves the rest to a sweeper. */
  stopping: AbortSignal;
}
