import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { InstallationMissingError, InstallationUnreadableError, StoreUnavailableError } from '../errors.js';

/**
 * Where OAuth installs (one per workspace, or per Enterprise Grid org for org-wide installs) are kept.
 * Installations hold bot and user tokens, so they are sealed with AES-256-GCM before they reach the
 * backing store: a copy of Redis alone gives away no token. The key is derived from a secret the operator
 * already keeps (SLACK_CLIENT_SECRET) and never stored.
 */

/** The narrow key-value slice the installation store needs; Redis and memory both provide it. */
export interface SecretsBackend {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  del(key: string): Promise<void>;
}

const VERSION = 'v1';

export { InstallationMissingError } from '../errors.js';

export class EncryptedInstallationStore implements InstallationStore {
  private readonly key: Buffer;

  constructor(
    private readonly backend: SecretsBackend,
    secret: string,
    private readonly prefix = 'sv',
  ) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'stream-verdict', 'installation-store v1', 32));
  }

  async storeInstallation(installation: Installation): Promise<void> {
    await this.backend.set(this.keyFor(installation), this.seal(JSON.stringify(installation)));
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    const sealed = await this.backend.get(this.keyForQuery(query)).catch((error: unknown) => {
      throw new StoreUnavailableError(error);
    });
    if (!sealed) throw new InstallationMissingError();
    return JSON.parse(this.open(sealed)) as Installation;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    await this.backend.del(this.keyForQuery(query));
  }

  private keyFor(installation: Installation): string {
    return installation.isEnterpriseInstall && installation.enterprise?.id
      ? `${this.prefix}:install:enterprise:${installation.enterprise.id}`
      : `${this.prefix}:install:team:${installation.team?.id ?? 'unknown'}`;
  }

  private keyForQuery(query: InstallationQuery<boolean>): string {
    return query.isEnterpriseInstall && query.enterpriseId
      ? `${this.prefix}:install:enterprise:${query.enterpriseId}`
      : `${this.prefix}:install:team:${query.teamId ?? 'unknown'}`;
  }

  private seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [
      VERSION,
      iv.toString('base64'),
      cipher.getAuthTag().toString('base64'),
      body.toString('base64'),
    ].join('.');
  }

  private open(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || !body)
      throw new InstallationUnreadableError('Stored installation is not in a known format');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new InstallationUnreadableError(
        'Stored installation could not be decrypted: was SLACK_CLIENT_SECRET changed?',
      );
    }
  }
}

/**
 * For Bolt's authorization: when the backing store cannot be read, answers with an installation that has no
 * bot token instead of failing, so that listeners run and the person is told (see
 * slack/listeners/store-unavailable.ts) instead of Bolt acknowledging with an empty 200 that closes a modal
 * as if it were saved. A real install always carries a bot token, so its absence means exactly this.
 */
export function tokenlessWhileUnavailable(store: InstallationStore): InstallationStore {
  return {
    storeInstallation: (installation, logger) => store.storeInstallation(installation, logger),
    ...(store.deleteInstallation ? { deleteInstallation: store.deleteInstallation.bind(store) } : {}),
    async fetchInstallation(query, logger) {
      try {
        return await store.fetchInstallation(query, logger);
      } catch (error) {
        if (!(error instanceof StoreUnavailableError)) throw error;
        return {
          team: query.teamId ? { id: query.teamId } : undefined,
          enterprise: query.enterpriseId ? { id: query.enterpriseId } : undefined,
          isEnterpriseInstall: query.isEnterpriseInstall,
          user: { id: query.userId ?? '', token: undefined, scopes: undefined },
        };
      }
    },
  };
}

export function memorySecrets(): SecretsBackend {
  const values = new Map<string, string>();
  return {
    get: async (key) => values.get(key) ?? null,
    set: async (key, value) => {
      values.set(key, value);
    },
    del: async (key) => {
      values.delete(key);
    },
  };
}

export function redisSecrets(client: {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<unknown>;
  del(key: string): Promise<unknown>;
}): SecretsBackend {
  return {
    get: (key) => client.get(key),
    set: async (key, value) => {
      await client.set(key, value);
    },
    del: async (key) => {
      await client.del(key);
    },
  };
}
