import type { TestProject } from 'vitest/node';
import { startRedisServer } from './support/redis-server.js';

/** One redis-server for the whole run unless REDIS_URL names one; each test then uses its own key prefix. */
export default async function setup(project: TestProject) {
  const given = process.env.REDIS_URL;
  if (given) {
    project.provide('redisUrl', given);
    return;
  }
  const server = await startRedisServer();
  project.provide('redisUrl', server.url);
  return async () => {
    await server.destroy();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}
