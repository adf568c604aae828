import type { TenantErasure } from './port.js';
import { ERASE_BATCH, type RedisAccess } from './redis-access.js';
import type { RedisDueList } from './redis-due-list.js';
import type { RedisOutbox } from './redis-outbox.js';

/** Deletes everything kept for one tenant (its token was revoked or the app uninstalled), in bounded batches. */
export class RedisErasure {
  constructor(
    private readonly redis: RedisAccess,
    private readonly dueList: Pick<RedisDueList, 'unscheduleTenant'>,
    private readonly outbox: Pick<RedisOutbox, 'unmarkDirtyTenant'>,
  ) {}

  async eraseTenant(teamId: string): Promise<TenantErasure> {
    const erased: TenantErasure = {
      decisions: 0,
      answerSets: 0,
      indexes: 0,
      dueItems: 0,
      dirtyDecisions: 0,
      keys: 0,
    };
    // Due items and dirty-list entries first: nothing fires or republishes for the tenant while its decisions
    // are going (its pending thread notes are decision keys, erased with them).
    erased.dueItems = await this.dueList.unscheduleTenant(teamId);
    erased.dirtyDecisions = await this.outbox.unmarkDirtyTenant(teamId);
    const { decisionKeys, indexes, requestMarkers } = this.redis.keys.tenantPatterns(teamId);
    for await (const deleted of this.deleteMatching(decisionKeys)) {
      erased.keys += deleted.length;
      for (const key of deleted) {
        const kind = this.redis.keys.decisionKeyKind(key);
        if (kind === 'decision') erased.decisions += 1;
        else if (kind === 'answers') erased.answerSets += 1;
      }
    }
    for (const pattern of indexes) {
      for await (const deleted of this.deleteMatching(pattern)) {
        erased.keys += deleted.length;
        erased.indexes += deleted.length;
      }
    }
    for await (const deleted of this.deleteMatching(requestMarkers)) erased.keys += deleted.length;
    return erased;
  }

  /**
   * Deletes every key matching `pattern`, one SCAN batch at a time, and yields each batch's deleted keys. On a
   * Cluster every master is scanned (SCAN is per node); the deletes are one UNLINK per key, since a batch's
   * keys live in many slots (auto-pipelining sends them together).
   */
  private async *deleteMatching(pattern: string): AsyncGenerator<string[]> {
    const { client } = this.redis;
    for (const node of this.redis.scanNodes()) {
      let cursor = '0';
      do {
        const [next, keys] = await this.redis.run(() =>
          node.scan(cursor, 'MATCH', pattern, 'COUNT', ERASE_BATCH),
        );
        cursor = next;
        const replies = await this.redis.run(() => Promise.all(keys.map((key) => client.unlink(key))));
        const deleted = keys.filter((_key, index) => replies[index] === 1);
        if (deleted.length > 0) yield deleted;
      } while (cursor !== '0');
    }
  }
}
