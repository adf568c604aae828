import type { Logger } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { WebApiServer } from '../../src/emulator/web-api-server.js';
import { Workspace } from '../../src/emulator/workspace.js';
import { PeopleDirectory } from '../../src/slack/people.js';
import { silentLogger } from '../support/silent-logger.js';

const TOKEN = 'xoxb-people-test';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function start() {
  const workspace = new Workspace({
    users: [
      { id: 'U0ALICE', name: 'alice', displayName: 'Alice Liddell', tz: 'America/Los_Angeles' },
      { id: 'U0BOB', name: 'bob', tz: 'Not/AZone' },
    ],
  });
  const server = await WebApiServer.start({ workspace, tokens: [TOKEN] });
  closers.push(() => server.close());
  const client = new WebClient(TOKEN, {
    slackApiUrl: server.url,
    logger: silentLogger,
    retryConfig: { retries: 0 },
  });
  const warnings: string[] = [];
  const logger: Logger = { ...silentLogger, warn: (...parts: unknown[]) => warnings.push(parts.join(' ')) };
  return { workspace, server, client, warnings, logger };
}

describe('the people directory (users.info)', () => {
  it('gives the display name and time zone, and asks Slack once while the answer is fresh', async () => {
    const { server, client, logger, workspace } = await start();
    let clock = 0;
    const people = new PeopleDirectory(() => clock, 10, 1_000);
    expect(await people.person(client, 'T1', 'U0ALICE', logger)).toEqual({
      id: 'U0ALICE',
      name: 'Alice Liddell',
      timeZone: 'America/Los_Angeles',
      timeZoneKnown: true,
    });
    // A fresh answer is not asked again: the change is seen only once it expires.
    workspace.updateUser('U0ALICE', { displayName: 'Alice L.' });
    expect((await people.person(client, 'T1', 'U0ALICE', logger)).name).toBe('Alice Liddell');
    clock = 1_001;
    server.failNext('users.info', 'fatal_error');
    expect((await people.person(client, 'T1', 'U0ALICE', logger)).name).toBe('U0ALICE');
    expect((await people.person(client, 'T1', 'U0ALICE', logger)).name).toBe('Alice L.');
  });

  it('falls back to the id and UTC when users.info fails, and says so in the log', async () => {
    const { server, client, warnings, logger } = await start();
    const people = new PeopleDirectory();
    server.failNext('users.info', 'user_not_found');
    expect(await people.person(client, 'T1', 'U0ALICE', logger)).toEqual({
      id: 'U0ALICE',
      name: 'U0ALICE',
      timeZone: 'UTC',
      timeZoneKnown: false,
    });
    expect(warnings.join('\n')).toMatch(/users\.info failed for U0ALICE \(user_not_found\)/);
    // The failure is not remembered: the next look-up asks again.
    expect((await people.person(client, 'T1', 'U0ALICE', logger)).name).toBe('Alice Liddell');
  });

  it('treats a time zone the runtime does not know as unknown, so the deadline says it fell back to UTC', async () => {
    const { client, logger } = await start();
    const bob = await new PeopleDirectory().person(client, 'T1', 'U0BOB', logger);
    expect(bob).toMatchObject({ name: 'bob', timeZone: 'UTC', timeZoneKnown: false });
  });

  it('keeps at most its bound of people, forgetting the oldest first', async () => {
    const { server, client, logger } = await start();
    const people = new PeopleDirectory(Date.now, 1);
    await people.person(client, 'T1', 'U0ALICE', logger);
    await people.person(client, 'T1', 'U0BOB', logger);
    server.failNext('users.info', 'fatal_error');
    expect((await people.person(client, 'T1', 'U0ALICE', logger)).name).toBe('U0ALICE');
  });

  it('names many people at once', async () => {
    const { client, logger } = await start();
    const names = await new PeopleDirectory().names(client, 'T1', ['U0ALICE', 'U0BOB', 'U0ALICE'], logger);
    expect(Object.fromEntries(names)).toEqual({ U0ALICE: 'Alice Liddell', U0BOB: 'bob' });
  });
});
