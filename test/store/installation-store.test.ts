import type { Installation } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  EncryptedInstallationStore,
  memorySecrets,
  redisSecrets,
} from '../../src/store/installation-store.js';
import { openRedisNamespace, type RedisNamespace } from '../support/redis-namespace.js';

const CLIENT_SECRET = 'client-secret-for-tests-0123456789';
const install = (teamId: string, token: string): Installation =>
  ({
    team: { id: teamId, name: 'Acme' },
    enterprise: undefined,
    isEnterpriseInstall: false,
    appId: 'A0APP',
    bot: { token, scopes: ['commands', 'chat:write'], id: 'B0BOT', userId: 'U0BOT' },
    user: { id: 'U0ADMIN', token: undefined, scopes: undefined },
    tokenType: 'bot',
  }) as Installation;

describe('installations, encrypted at rest in Redis', () => {
  let ns: RedisNamespace;
  let store: EncryptedInstallationStore;

  beforeEach(() => {
    ns = openRedisNamespace();
    store = new EncryptedInstallationStore(redisSecrets(ns.client), CLIENT_SECRET, ns.prefix);
  });
  afterEach(async () => {
    await ns.cleanup();
  });

  it('gives each workspace its own installation back', async () => {
    await store.storeInstallation(install('T0001', 'xoxb-first-workspace-token'));
    await store.storeInstallation(install('T0002', 'xoxb-second-workspace-token'));
    const first = await store.fetchInstallation({
      teamId: 'T0001',
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    const second = await store.fetchInstallation({
      teamId: 'T0002',
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(first.bot?.token).toBe('xoxb-first-workspace-token');
    expect(second.bot?.token).toBe('xoxb-second-workspace-token');
  });

  it('keeps no token readable in Redis', async () => {
    await store.storeInstallation(install('T0001', 'xoxb-first-workspace-token'));
    const keys = await ns.client.keys(`${ns.prefix}:install:*`);
    expect(keys).toHaveLength(1);
    const raw = (await ns.client.get(keys[0] as string)) ?? '';
    expect(raw).not.toContain('xoxb');
    expect(raw).not.toContain('first-workspace');
  });

  it('refuses an installation that was tampered with, or read with another secret', async () => {
    await store.storeInstallation(install('T0001', 'xoxb-first-workspace-token'));
    const [key] = await ns.client.keys(`${ns.prefix}:install:*`);
    const raw = (await ns.client.get(key as string)) ?? '';
    const query = { teamId: 'T0001', enterpriseId: undefined, isEnterpriseInstall: false };
    const otherSecret = new EncryptedInstallationStore(redisSecrets(ns.client), 'another-secret', ns.prefix);
    await expect(otherSecret.fetchInstallation(query)).rejects.toThrow(/could not be decrypted/);
    await ns.client.set(key as string, `${raw.slice(0, -4)}AAAA`);
    await expect(store.fetchInstallation(query)).rejects.toThrow(/could not be decrypted/);
  });

  it('forgets an installation when the app is uninstalled', async () => {
    await store.storeInstallation(install('T0001', 'xoxb-first-workspace-token'));
    const query = { teamId: 'T0001', enterpriseId: undefined, isEnterpriseInstall: false };
    await store.deleteInstallation(query);
    await expect(store.fetchInstallation(query)).rejects.toThrow(/No installation/);
  });
});

describe('installations in memory', () => {
  it('work the same way', async () => {
    const store = new EncryptedInstallationStore(memorySecrets(), CLIENT_SECRET);
    await store.storeInstallation(install('T0001', 'xoxb-memory'));
    const got = await store.fetchInstallation({
      teamId: 'T0001',
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(got.bot?.token).toBe('xoxb-memory');
  });
});
