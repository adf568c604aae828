import { describe, expect, it } from 'vitest';
import { type Ballot, type Exclusion, readAnswer, readBallot } from '../../src/domain/answer-parts.js';
import {
  ALL_QUESTIONS,
  type Answers,
  type AnswerValue,
  DECIDING_FACTORS,
  DEFAULT_COST_SETTINGS,
  OVERRIDE_MARGIN,
  PLATFORMS,
} from '../../src/domain/index.js';
import { buildPanel, keyOf, type Move } from '../../src/domain/panel.js';
import { panelEvidence } from '../../src/domain/panel-evidence.js';
import { randomAnswers, seededRandom } from './random-answers.js';

/*
 * The panel counts answers per shared part and works out a move's exclusions and deciding factors from tallies of
 * distinct answers. These are the straightforward forms it replaced, person by person: both must agree exactly.
 */

function averagedOneByOne(ballots: Ballot[]) {
  return ALL_QUESTIONS.map((_, index) => {
    const totals = new Map<object, { questionId: string; signal: { points: number } & object }>();
    const sums = new Map<object, number>();
    for (const ballot of ballots) {
      for (const contribution of ballot.parts[index]?.contributions ?? []) {
        sums.set(contribution, (sums.get(contribution) ?? 0) + contribution.signal.points);
        totals.set(contribution, contribution);
      }
    }
    return [...totals].map(([key, { questionId, signal }]) => ({
      questionId,
      signal: { ...signal, points: (sums.get(key) ?? 0) / ballots.length },
    }));
  });
}

function typicalOneByOne(ballots: Ballot[]) {
  return ALL_QUESTIONS.map((question) => {
    const given = ballots.flatMap((ballot) => {
      const value = ballot.answers[question.id];
      return value === undefined ? [] : [value];
    });
    if (given.length === 0) return { answering: 0, agreeing: 0 };
    let typical: AnswerValue | undefined;
    if (question.kind === 'number') {
      const sorted = given.map(Number).sort((a, b) => a - b);
      typical = sorted[Math.floor(sorted.length / 2)];
    } else {
      const order = (value: AnswerValue) =>
        (Array.isArray(value) ? value : [value]).map((id) =>
          question.options.findIndex((option) => option.id === id),
        );
      const tally = new Map<string, { value: AnswerValue; times: number }>();
      for (const value of given) {
        const known = tally.get(keyOf(value));
        if (known) known.times++;
        else tally.set(keyOf(value), { value: Array.isArray(value) ? [...value].sort() : value, times: 1 });
      }
      let best: { value: AnswerValue; times: number } | undefined;
      for (const entry of tally.values()) {
        const [a, b] = [order(entry.value), best ? order(best.value) : []];
        const first = a.findIndex((item, i) => item !== b[i]);
        const comesFirst = first === -1 ? a.length < b.length : (a[first] ?? 0) < (b[first] ?? 0);
        if (!best || entry.times > best.times || (entry.times === best.times && comesFirst)) best = entry;
      }
      typical = best?.value;
    }
    const agreeing = given.filter((value) => typical !== undefined && keyOf(value) === keyOf(typical));
    return { typical, answering: given.length, agreeing: agreeing.length };
  });
}

function exclusionsOf(ballot: Ballot): Exclusion[] {
  return [false, true].flatMap((fromNumbers) =>
    ballot.parts.flatMap((part, index) =>
      part && (ALL_QUESTIONS[index]?.kind === 'number') === fromNumbers ? [...part.excludes] : [],
    ),
  );
}

function excludedOneByOne(ballots: Ballot[], move: Move) {
  const movedId = ALL_QUESTIONS[move.questionIndex]?.id;
  return PLATFORMS.flatMap((platform) => {
    const tally = new Map<string, { exclusion: Exclusion; times: number }>();
    for (const ballot of ballots) {
      const reason =
        exclusionsOf(ballot).find((e) => e.platform === platform && e.questionId !== movedId) ??
        move.part.excludes.find((e) => e.platform === platform);
      if (!reason) continue;
      const known = tally.get(reason.reason);
      if (known) known.times++;
      else tally.set(reason.reason, { exclusion: reason, times: 1 });
    }
    let best: { exclusion: Exclusion; times: number } | undefined;
    for (const entry of tally.values()) if (!best || entry.times > best.times) best = entry;
    return best ? [best.exclusion] : [];
  });
}

function strongOneByOne(ballots: Ballot[], move: Move) {
  return DECIDING_FACTORS.filter((factor) => {
    const strong = ballots.filter((ballot) => {
      const row = { kafka: 0, kinesis: 0, msk: 0 };
      for (const part of ballot.parts)
        for (const { signal } of part?.contributions ?? [])
          if (signal.target === factor) row[signal.toward] += signal.points;
      for (const { signal } of ballot.parts[move.questionIndex]?.contributions ?? [])
        if (signal.target === factor) row[signal.toward] -= signal.points;
      for (const { signal } of move.part.contributions)
        if (signal.target === factor) row[signal.toward] += signal.points;
      return row.kafka - Math.max(row.kinesis, row.msk) >= OVERRIDE_MARGIN;
    });
    return strong.length > ballots.length / 2;
  });
}

describe('the panel', () => {
  it('merges answers, and weighs one changed answer, exactly as a person-by-person count does', () => {
    const random = seededRandom(1616);
    let moves = 0;
    for (let run = 0; run < 40; run++) {
      // Clones of a few answer sets among random ones, so that answers and reasons repeat.
      const kinds = Array.from({ length: 3 }, () => randomAnswers(random));
      const people: Answers[] = Array.from({ length: 1 + Math.floor(random() * 80) }, () =>
        random() < 0.5 ? randomAnswers(random) : (kinds[Math.floor(random() * kinds.length)] ?? {}),
      );
      const ballots = people.map(readBallot);
      const panel = buildPanel(ballots, DEFAULT_COST_SETTINGS);
      expect(panel.averaged, `run ${run}`).toEqual(averagedOneByOne(ballots));
      const typical = typicalOneByOne(ballots);
      expect(panel.answering).toEqual(typical.map((entry) => entry.answering));
      expect(panel.agreeing).toEqual(typical.map((entry) => entry.agreeing));
      ALL_QUESTIONS.forEach((question, index) => {
        expect(panel.consensus[question.id], question.id).toEqual(typical[index]?.typical);
      });
      // Everyone giving someone's answer to a random question, as the flip search and the disputes ask.
      for (let attempt = 0; attempt < 12; attempt++) {
        const questionIndex = Math.floor(random() * ALL_QUESTIONS.length);
        const question = ALL_QUESTIONS[questionIndex];
        const value = randomAnswers(random)[question?.id ?? ''];
        const part = question && value !== undefined ? readAnswer(question, value) : undefined;
        if (!part || value === undefined) continue;
        const move = { questionIndex, value, part };
        const evidence = panelEvidence(panel, [move]);
        expect(evidence.excluded, `run ${run}, ${question?.id}`).toEqual(excludedOneByOne(ballots, move));
        expect(evidence.strongFactors, `run ${run}, ${question?.id}`).toEqual(strongOneByOne(ballots, move));
        moves++;
      }
    }
    expect(moves).toBeGreaterThan(300);
  });
});
