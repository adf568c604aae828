import { afterEach, describe, expect, it } from 'vitest';
import { WEB_APP_SHOP_ON_AWS } from '../domain/fixtures.js';
import { installThroughOAuth, oauthMode } from '../support/oauth-install.js';
import { CHANNEL, type Harness, startHarness } from './harness.js';
import { decisionIdOf, startDecision, submitStep } from './journey.js';

/**
 * An Enterprise Grid org admin installs the app once for the whole org (manifest: org_deploy_enabled): one
 * install, under the org, serves its workspaces; deadlines use the org's token; uninstalling erases the org.
 */

const ORG = { id: 'E0ORG', name: 'Globular Construct' };

let harness: Harness;
afterEach(async () => {
  await harness?.close();
});

describe('an org-wide install (OAuth)', () => {
  it('installs once for the org, keeps decisions under it, reminds with the org’s token, and forgets the org on uninstall', async () => {
    let now = new Date('2026-11-24T10:00:00Z');
    harness = await startHarness({
      configure: oauthMode,
      now: () => now,
      schedulerIntervalMs: 3_600_000,
      emulator: { install: { orgWide: ORG }, workspace: { orgWideInstall: ORG } },
    });
    await installThroughOAuth(harness.app.port);
    const installKeys = (await harness.storedKeys()).filter((key) => key.includes(':install:'));
    expect(installKeys).toEqual([`${harness.keyPrefix}:install:enterprise:${ORG.id}`]);

    const alice = harness.person('U0ALICE');
    const posted = await startDecision(harness.slack, alice, CHANNEL, '--by 2026-11-27 For the whole org');
    await submitStep(harness.slack, alice, WEB_APP_SHOP_ON_AWS, 0);
    const decisionId = decisionIdOf(posted);
    expect(await harness.app.store.getDecision({ teamId: ORG.id, decisionId })).not.toBeNull();
    expect(await harness.app.store.getDecision({ teamId: 'T0001', decisionId })).toBeNull();

    now = new Date('2026-11-27T00:00:30Z');
    expect(await harness.app.scheduler.tick()).toBe(1);
    await harness.slack.workspace.waitFor(() =>
      harness.slack.workspace.repliesTo(CHANNEL, posted.ts).find((reply) => /Reminder/.test(reply.text)),
    );

    harness.slack.server.revokeBotTokens();
    await harness.person('U0ADMIN').uninstallApp();
    const deadline = Date.now() + 5_000;
    while ((await harness.storedKeys()).some((key) => key.includes(ORG.id)) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 25));
    expect((await harness.storedKeys()).filter((key) => key.includes(ORG.id))).toEqual([]);
    expect(harness.logs.filter((line) => line.includes(`Uninstalled from org ${ORG.id}`))).toHaveLength(1);
  });
});
