import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { isTimeZone, UTC } from '../domain/time-zone.js';
import { slackErrorCode } from './errors.js';

/**
 * Who a user id is, from users.info (`users:read`): the name people know them by and their time zone. Answers
 * are kept for a while, up to a bound, so a record naming 300 people or a busy channel does not ask Slack the
 * same thing again and again; a failed look-up is logged and falls back to the id (and UTC), never cached.
 */

export interface Person {
  id: string;
  /** Display name, else real name, else handle; the id when Slack did not say. */
  name: string;
  /** IANA zone from the profile; UTC when Slack did not say (see `timeZoneKnown`). */
  timeZone: string;
  timeZoneKnown: boolean;
}

const userInfoSchema = z.object({
  user: z.object({
    name: z.string().optional(),
    real_name: z.string().optional(),
    tz: z.string().optional(),
    profile: z.object({ display_name: z.string().optional(), real_name: z.string().optional() }).optional(),
  }),
});

/** Bounds of the cache: how many people, and for how long a name or zone is trusted. */
export const PEOPLE_CACHE_MAX = 5_000;
export const PEOPLE_CACHE_TTL_MS = 60 * 60 * 1000;
/** users.info calls in flight at once for one list of names (Slack rate-limits the method per workspace). */
const LOOKUPS_AT_ONCE = 4;

export class PeopleDirectory {
  private readonly cache = new Map<string, { person: Person; until: number }>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly max = PEOPLE_CACHE_MAX,
    private readonly ttlMs = PEOPLE_CACHE_TTL_MS,
  ) {}

  async person(client: WebClient, teamId: string, userId: string, logger: Logger): Promise<Person> {
    const key = `${teamId}:${userId}`;
    const cached = this.cache.get(key);
    if (cached && cached.until > this.now()) return cached.person;
    this.cache.delete(key);
    let person: Person;
    try {
      const parsed = userInfoSchema.safeParse(await client.users.info({ user: userId }));
      if (!parsed.success) {
        logger.warn(`users.info answered for ${userId} in a shape I don't know; showing the id instead`);
        return unknownPerson(userId);
      }
      person = personOf(userId, parsed.data.user);
    } catch (error) {
      logger.warn(
        `users.info failed for ${userId} (${slackErrorCode(error) ?? String(error)}); showing the id instead`,
      );
      return unknownPerson(userId);
    }
    this.cache.set(key, { person, until: this.now() + this.ttlMs });
    // Maps keep insertion order: the first key is the oldest entry.
    while (this.cache.size > this.max) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
    return person;
  }

  /** Display names of several people, a few look-ups at a time. */
  async names(
    client: WebClient,
    teamId: string,
    userIds: readonly string[],
    logger: Logger,
  ): Promise<Map<string, string>> {
    const pending = [...new Set(userIds)];
    const names = new Map<string, string>();
    const worker = async () => {
      for (let userId = pending.shift(); userId !== undefined; userId = pending.shift()) {
        names.set(userId, (await this.person(client, teamId, userId, logger)).name);
      }
    };
    await Promise.all(Array.from({ length: LOOKUPS_AT_ONCE }, worker));
    return names;
  }
}

function personOf(userId: string, user: z.infer<typeof userInfoSchema>['user']): Person {
  const name =
    [user.profile?.display_name, user.profile?.real_name, user.real_name, user.name]
      .map((candidate) => candidate?.trim())
      .find((candidate) => candidate) ?? userId;
  const known = user.tz !== undefined && isTimeZone(user.tz);
  return { id: userId, name, timeZone: known && user.tz ? user.tz : UTC, timeZoneKnown: known };
}

function unknownPerson(userId: string): Person {
  return { id: userId, name: userId, timeZone: UTC, timeZoneKnown: false };
}
