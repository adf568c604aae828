import { describe, expect, it } from 'vitest';
import { aggregateTeam, PLATFORMS, scoreAnswers } from '../../src/domain/index.js';
import { randomAnswers, reordered, seededRandom, shuffled } from './random-answers.js';

describe('determinism', () => {
  it('gives the same verdict, cost table and flip whatever the order of the answers', () => {
    const random = seededRandom(20240611);
    let priced = 0;
    let flipped = 0;
    for (let run = 0; run < 200; run++) {
      const answers = randomAnswers(random);
      const verdict = scoreAnswers(answers);
      expect(scoreAnswers(reordered(random, answers)), `answer set ${run}`).toEqual(verdict);
      if (verdict.cost) priced++;
      if (verdict.flip) flipped++;
    }
    // The property covers the estimate and the flip, not just verdicts without them.
    expect(priced).toBeGreaterThan(50);
    expect(flipped).toBeGreaterThan(50);
  });

  it('gives the same team verdict whatever order people answered in', () => {
    const random = seededRandom(7);
    for (let run = 0; run < 20; run++) {
      const people = Array.from({ length: 1 + Math.floor(random() * 12) }, (_, index) => ({
        userId: `U${index}${Math.floor(random() * 1000)}`,
        answers: randomAnswers(random),
      }));
      const expected = aggregateTeam(people);
      const rearranged = shuffled(random, people).map(({ userId, answers }) => ({
        userId,
        answers: reordered(random, answers),
      }));
      expect(aggregateTeam(rearranged), `team ${run}`).toEqual(expected);
    }
  });

  it('never recommends a platform that is out, and always gives each row a reason', () => {
    const random = seededRandom(99);
    for (let run = 0; run < 200; run++) {
      const verdict = scoreAnswers(randomAnswers(random));
      const out = verdict.excluded.map((exclusion) => exclusion.platform);
      expect(PLATFORMS.filter((platform) => !out.includes(platform))).toContain(verdict.recommendation);
      expect(verdict.rows).toHaveLength(5);
      for (const row of [...verdict.rows, ...verdict.decidingFactors]) {
        expect(row.reason.length, row.target).toBeGreaterThan(0);
        if (row.advantage !== 'even') expect(out).not.toContain(row.advantage);
      }
      if (verdict.override) expect(verdict.recommendation).toBe('kafka');
      if (verdict.flip) expect(verdict.flip.recommendation).not.toBe(verdict.recommendation);
      for (const option of verdict.cost?.options ?? []) {
        if (option.available) expect(Number.isFinite(option.totalUsd), option.option).toBe(true);
        else expect(option.reason.length, option.option).toBeGreaterThan(0);
      }
    }
  });
});
