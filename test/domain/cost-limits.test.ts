import { describe, expect, it } from 'vitest';
import { COST_OPTIONS, shownCost } from '../../src/domain/cost.js';
import { DEFAULT_PRICING, estimateCosts, type Workload } from '../../src/domain/index.js';
import { answersFor } from './fixtures.js';

/** A small seeded generator, so a failure names a workload that can be run again. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function logUniform(next: () => number, min: number, max: number): number {
  return Math.round(Math.exp(Math.log(min) + next() * (Math.log(max) - Math.log(min))) * 100) / 100 || min;
}

function randomWorkload(next: () => number): Workload {
  const avgWriteMbps = logUniform(next, 0.01, 2000);
  return {
    avgWriteMbps,
    peakWriteMbps: Math.round(avgWriteMbps * (1 + next() * 4) * 100) / 100,
    recordKb: logUniform(next, 0.1, 102_400),
    consumerGroups: 1 + Math.floor(next() * 60),
    retentionDays: 1 + Math.floor(next() * 365),
    zones: (1 + Math.floor(next() * 3)) as 1 | 2 | 3,
    zonesAssumed: false,
    kafkaConnect: next() < 0.3,
  };
}

describe('every priced design, over 400 random workloads', () => {
  it('stays within every limit the price table knows, and shows parts that add up', () => {
    const next = random(20261201);
    let priced = 0;
    for (let run = 0; run < 400; run++) {
      const workload = randomWorkload(next);
      const where = JSON.stringify(workload);
      const cost = estimateCosts({
        workload,
        answers: answersFor(),
        settings: { pricing: DEFAULT_PRICING, engineerYearlyUsd: 200_000 },
      });
      expect(cost.options.map((option) => option.option)).toEqual([...COST_OPTIONS]);
      for (const option of cost.options) {
        if (!option.available) {
          expect(option.reason.length, `${option.option} ${where}`).toBeGreaterThan(10);
          continue;
        }
        priced++;
        for (const limit of option.limits) {
          expect(limit.used, `${option.option}: ${limit.what} in ${where}`).toBeLessThanOrEqual(
            limit.limit * (1 + 1e-9),
          );
        }
        expect(Number.isFinite(option.totalUsd), where).toBe(true);
        expect(option.units, where).toBeGreaterThanOrEqual(1);
        expect(option.design.length, where).toBeGreaterThan(0);
        const shown = shownCost(option);
        expect(shown.items.reduce((sum, item) => sum + item.usd, 0)).toBe(shown.machinesUsd);
        expect(shown.machinesUsd + shown.peopleUsd).toBe(shown.totalUsd);
      }
    }
    // Most designs are priceable; the property would be empty if everything were ruled out.
    expect(priced).toBeGreaterThan(400 * 3);
  });
});
