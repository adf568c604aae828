import { describe, expect, it } from 'vitest';
import type { RespondentAnswers } from '../../src/domain/answer-set.js';
import { argumentsFor, argumentsFrom } from '../../src/domain/deliberation.js';
import { FIGURE_TYPICAL, FIGURE_UNKNOWN } from '../../src/domain/figures.js';
import { ALL_QUESTIONS, DEFAULT_COST_SETTINGS, DEFAULT_PRICING } from '../../src/domain/index.js';
import { PersonEvidenceCache, scorePerson } from '../../src/domain/person.js';
import { aggregateTeam, teamVerdictOf } from '../../src/domain/team.js';
import { answersFor } from './fixtures.js';
import { randomAnswers, reordered, seededRandom } from './random-answers.js';

function randomTeam(random: () => number, size: number): RespondentAnswers[] {
  return Array.from({ length: size }, (_, index) => ({
    userId: `U${String(index).padStart(4, '0')}`,
    answers: randomAnswers(random),
  }));
}

describe('people scored once and reused', () => {
  it('gives the verdict and the argument of a full rescore, publish after publish, as people change answers', () => {
    const random = seededRandom(16);
    const cache = new PersonEvidenceCache();
    let sets = randomTeam(random, 30);
    for (let publish = 0; publish < 12; publish++) {
      const people = cache.scoreAll('T1:D1', sets, DEFAULT_COST_SETTINGS);
      const team = teamVerdictOf(people, DEFAULT_COST_SETTINGS);
      expect(team, `publish ${publish}`).toEqual(aggregateTeam(sets));
      expect(argumentsFrom(people, team)).toEqual(argumentsFor(sets, team));
      // One person answers again, in place, as a re-opened questionnaire does.
      const changed = Math.floor(random() * sets.length);
      sets = sets.map((set, index) =>
        index === changed ? { userId: set.userId, answers: randomAnswers(random) } : set,
      );
    }
  });

  it('scores someone who agreed to a typical figure as not knowing it once a teammate gave the figure', () => {
    const random = seededRandom(21);
    const numbers = ALL_QUESTIONS.filter((question) => question.kind === 'number');
    for (let run = 0; run < 40; run++) {
      const [giver, guesser] = randomTeam(random, 2);
      if (!giver || !guesser) continue;
      const given = Object.fromEntries(numbers.map((question) => [question.id, question.min]));
      const guessed = Object.fromEntries(numbers.map((question) => [question.id, FIGURE_TYPICAL]));
      const unknown = Object.fromEntries(numbers.map((question) => [question.id, FIGURE_UNKNOWN]));
      const team = (answers: typeof unknown) => [
        { userId: giver.userId, answers: { ...giver.answers, ...given } },
        { userId: guesser.userId, answers: { ...guesser.answers, ...answers } },
      ];
      const settled = aggregateTeam(team(unknown));
      expect(aggregateTeam(team(guessed)), `run ${run}`).toEqual(settled);
    }
  });

  it('gives a person’s row the reason that tells the options still in the running apart', () => {
    // Their own answers rule Kinesis out; their Kafka Streams apps run on MSK and on Kafka alike.
    const answers = answersFor({ kafka_api_need: 'must', kafka_usage: ['streams'] });
    const { rows } = scorePerson({ userId: 'U1', answers }, DEFAULT_COST_SETTINGS);
    expect(rows.setup.side).toBe('msk');
    expect(rows.setup.reason).not.toMatch(/Kinesis/);
    expect(rows.incident_risk.reason).not.toMatch(/rewrit/);
    // Kinesis in the running, the apps are the reason again.
    const kept = scorePerson(
      { userId: 'U1', answers: { ...answers, kafka_api_need: 'nice' } },
      DEFAULT_COST_SETTINGS,
    );
    expect(kept.rows.setup.reason).toBe('your Kafka Streams apps have no Kinesis equivalent');
  });

  it('re-scores only the person whose answers changed', () => {
    const random = seededRandom(3);
    const cache = new PersonEvidenceCache();
    const sets = randomTeam(random, 5);
    const first = cache.scoreAll('T1:D1', sets, DEFAULT_COST_SETTINGS);
    const changed = sets.map((set, index) =>
      index === 2 ? { userId: set.userId, answers: { ...set.answers, avg_write_mbps: 123 } } : set,
    );
    const second = cache.scoreAll('T1:D1', changed, DEFAULT_COST_SETTINGS);
    expect(second.map((person, index) => person === first[index])).toEqual([true, true, false, true, true]);
    expect(second[2]?.ballot.answers.avg_write_mbps).toBe(123);
  });

  it('recognises a person by the version of their answers where the store gives one', () => {
    const random = seededRandom(5);
    const cache = new PersonEvidenceCache();
    const sets = randomTeam(random, 3).map((set, index) => ({ ...set, version: `v${index}` }));
    const first = cache.scoreAll('T1:D1', sets, DEFAULT_COST_SETTINGS);
    // Answers read back afresh (new objects), same versions: reused without a walk through the answers.
    const reread = sets.map((set) => ({ ...set, answers: { ...set.answers } }));
    const second = cache.scoreAll('T1:D1', reread, DEFAULT_COST_SETTINGS);
    expect(second.map((person, index) => person === first[index])).toEqual([true, true, true]);
    // A changed step gives a new version: that person is scored from the new answers.
    const changed = reread.map((set, index) =>
      index === 1 ? { ...set, answers: { ...set.answers, avg_write_mbps: 321 }, version: 'v1-b' } : set,
    );
    const third = cache.scoreAll('T1:D1', changed, DEFAULT_COST_SETTINGS);
    expect(third.map((person, index) => person === second[index])).toEqual([true, false, true]);
    expect(third[1]?.ballot.answers.avg_write_mbps).toBe(321);
  });

  it('re-scores someone who answered one more question', () => {
    const random = seededRandom(8);
    const cache = new PersonEvidenceCache();
    const [set] = randomTeam(random, 1);
    if (!set) throw new Error('no person');
    const question = ALL_QUESTIONS.find((candidate) => candidate.kind === 'number');
    if (!question) throw new Error('no number question');
    const { [question.id]: _left, ...fewer } = set.answers;
    cache.scoreAll('T1:D1', [{ userId: set.userId, answers: fewer }], DEFAULT_COST_SETTINGS);
    const [more] = cache.scoreAll(
      'T1:D1',
      [{ userId: set.userId, answers: { ...fewer, [question.id]: 777 } }],
      DEFAULT_COST_SETTINGS,
    );
    expect(more?.ballot.answers[question.id]).toBe(777);
  });

  it('scores afresh for other settings, another decision, or answers that differ only in order', () => {
    const random = seededRandom(5);
    const cache = new PersonEvidenceCache();
    const sets = randomTeam(random, 3);
    const first = cache.scoreAll('T1:D1', sets, DEFAULT_COST_SETTINGS);
    const dearer = { ...DEFAULT_COST_SETTINGS, pricing: DEFAULT_PRICING, engineerYearlyUsd: 400_000 };
    const repriced = cache.scoreAll('T1:D1', sets, dearer);
    expect(repriced.some((person, index) => person === first[index])).toBe(false);
    expect(teamVerdictOf(repriced, dearer)).toEqual(aggregateTeam(sets, dearer));
    const elsewhere = cache.scoreAll('T1:D2', sets, DEFAULT_COST_SETTINGS);
    expect(elsewhere.some((person, index) => person === first[index])).toBe(false);
    const shuffled = sets.map(({ userId, answers }) => ({ userId, answers: reordered(random, answers) }));
    expect(teamVerdictOf(cache.scoreAll('T1:D1', shuffled, DEFAULT_COST_SETTINGS))).toEqual(
      aggregateTeam(sets),
    );
  });

  it('holds at most its limit of people, dropping the decisions least recently published', () => {
    const random = seededRandom(8);
    const cache = new PersonEvidenceCache(4);
    const sets = randomTeam(random, 3);
    const kept = cache.scoreAll('T1:D1', sets, DEFAULT_COST_SETTINGS);
    cache.scoreAll('T1:D2', sets.slice(0, 1), DEFAULT_COST_SETTINGS);
    expect(cache.size).toBe(4);
    // D1 again: reused, and now the most recently published.
    const again = cache.scoreAll('T1:D1', sets, DEFAULT_COST_SETTINGS);
    expect(again.every((person, index) => person === kept[index])).toBe(true);
    // Two more people: D2, then D1, have to go.
    cache.scoreAll('T1:D3', sets.slice(0, 2), DEFAULT_COST_SETTINGS);
    expect(cache.size).toBe(2);
    expect(cache.scoreAll('T1:D1', sets, DEFAULT_COST_SETTINGS)[0]).not.toBe(kept[0]);
    expect(cache.size).toBe(3);
  });
});
