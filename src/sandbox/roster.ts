/** The simulated workspace the sandbox shows: a team of three, two channels and the app's bot user. */
import type { WorkspaceOptions } from '../emulator/index.js';

export interface Teammate {
  id: string;
  /** Slack's handle, sent as `user_name` in slash commands. */
  handle: string;
  /** What the page shows. */
  name: string;
  color: string;
  /** Their profile's time zone, so dates show as each of them would see them. */
  tz: string;
}

export const TEAMMATES: readonly Teammate[] = [
  { id: 'U0ALICE', handle: 'alice', name: 'Alice', color: '#2b6cb0', tz: 'America/Los_Angeles' },
  { id: 'U0BOB', handle: 'bob', name: 'Bob', color: '#2f855a', tz: 'Europe/Berlin' },
  { id: 'U0CAROL', handle: 'carol', name: 'Carol', color: '#b7791f', tz: 'Asia/Kolkata' },
];

export const SANDBOX_CHANNELS = [
  { id: 'C0GENERAL', name: 'general', topic: 'Company-wide announcements and work-based matters' },
  { id: 'C0PLATFORM', name: 'platform-team', topic: 'Infrastructure decisions: argue them out here' },
] as const;

export const APP_NAME = 'Stream Verdict';
export const APP_COLOR = '#1d3557';

export const SANDBOX_WORKSPACE: WorkspaceOptions = {
  teamId: 'T0SANDBOX',
  teamDomain: 'sandbox',
  teamName: 'Sandbox',
  appId: 'A0SANDBOX',
  botId: 'B0SANDBOX',
  botUserId: 'U0STREAMVERDICT',
  botName: APP_NAME,
  users: TEAMMATES.map(({ id, handle, name, tz }) => ({ id, name: handle, displayName: name, tz })),
  channels: SANDBOX_CHANNELS.map(({ id, name }) => ({ id, name })),
};
