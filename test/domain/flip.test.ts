import { describe, expect, it } from 'vitest';
import { effortOf } from '../../src/domain/flip.js';
import {
  ALL_QUESTIONS,
  type Answers,
  aggregateTeam,
  scoreAnswers,
  type Verdict,
} from '../../src/domain/index.js';
import {
  AWS_SHOP_WANTING_KAFKA,
  answersFor,
  NEUTRAL_ANSWERS,
  respondents,
  STREAMING_IS_THE_PRODUCT,
  WEB_APP_SHOP_ON_AWS,
} from './fixtures.js';
import { randomAnswers, reordered, seededRandom } from './random-answers.js';

function applied(answers: Answers, verdict: Verdict): Answers {
  const changed = { ...answers };
  for (const change of verdict.flip?.changes ?? []) changed[change.questionId] = change.to;
  return changed;
}

/** Every other firm answer to every single-choice question a team could act on: the one-answer changes it could make. */
function singleChoiceChanges(answers: Answers): Answers[] {
  return ALL_QUESTIONS.flatMap((question) =>
    question.kind === 'single' && effortOf(question, answers[question.id]) !== undefined
      ? question.options
          .filter((option) => !option.dontKnow && option.id !== answers[question.id])
          .map((option) => ({ ...answers, [question.id]: option.id }))
      : [],
  );
}

/** A change that flips the verdict by other means than ruling the recommendation out. */
function flipsFairly(before: Verdict, answers: Answers): boolean {
  const after = scoreAnswers(answers);
  return (
    after.recommendation !== before.recommendation &&
    !after.excluded.some((exclusion) => exclusion.platform === before.recommendation)
  );
}

describe('what would flip it', () => {
  it('never offers a fact of identity the team answered as a flip', () => {
    // "If streaming were your product" is nothing a web shop can change: its verdict holds on what it could.
    const identity = ['company_size', 'company_stage', 'streaming_is_product', 'engineering_practice'];
    for (const answers of [WEB_APP_SHOP_ON_AWS, NEUTRAL_ANSWERS, answersFor({ company_size: 'eng_1_10' })]) {
      const changed = scoreAnswers(answers).flip?.changes.map((change) => change.questionId) ?? [];
      for (const id of identity) expect(changed).not.toContain(id);
    }
    expect(scoreAnswers(WEB_APP_SHOP_ON_AWS).flip).toBeNull();
  });

  it('does offer one where the answer was "Don\'t know": finding out is a thing a team can do', () => {
    const answers = answersFor({ streaming_is_product: 'dont_know' });
    const verdict = scoreAnswers(answers);
    expect(verdict.flip?.changes).toEqual([
      { questionId: 'streaming_is_product', from: 'dont_know', to: 'core' },
    ]);
  });

  it('finds a number’s threshold and rounds it to what people would type', () => {
    const answers = answersFor({ retention_days: 400 });
    const verdict = scoreAnswers(answers);
    expect(verdict.recommendation).toBe('msk');
    expect(verdict.flip?.sentence).toBe(
      'If records were kept for at most 365 days (now 400), the verdict would be Amazon Kinesis.',
    );
    expect(scoreAnswers(applied(answers, verdict)).recommendation).toBe('kinesis');
  });

  it('says a bound of one in the singular: “at most 1 reading service”, never “1 reading services”', () => {
    // A small web shop that already runs Kafka code: a near tie that one reader fewer tips to MSK.
    const verdict = scoreAnswers({
      ...WEB_APP_SHOP_ON_AWS,
      kafka_usage: ['clients', 'streams', 'connect'],
      kafka_api_need: 'nice',
    });
    expect(verdict.flip?.sentence).toContain('If there was at most 1 reading service (now 2)');
    for (const question of ALL_QUESTIONS) {
      if (question.kind === 'number' && question.unitOne) expect(question.thresholdOne).toContain('{bound}');
    }
  });

  it('has a split team settle on an answer one of them gave before one nobody gave', () => {
    const split = (questionId: string, most: string, other: string) =>
      aggregateTeam(
        respondents(
          answersFor({ [questionId]: most }),
          answersFor({ [questionId]: most }),
          answersFor({ [questionId]: other }),
        ),
      ).verdict.flip?.sentence;
    // Not “nice to have” or “mostly AWS”, which no one said, though they are nearer.
    expect(split('kafka_api_need', 'must', 'no')).toBe(
      'If the team agreed on need for the Kafka API = “any API will do” (most now say “must speak Kafka”), the verdict would be Amazon Kinesis.',
    );
    expect(split('where_you_run', 'not_aws', 'aws_only')).toBe(
      'If the team agreed on where you run = “all on AWS” (most now say “not on AWS”), the verdict would be Amazon Kinesis.',
    );
  });

  it('names the way back when a hard limit decided it', () => {
    const verdict = scoreAnswers(answersFor({ where_you_run: 'not_aws' }));
    expect(verdict.flip?.changes).toEqual([
      { questionId: 'where_you_run', from: 'not_aws', to: 'mostly_aws' },
    ]);
    expect(verdict.flip?.recommendation).toBe('kinesis');
  });

  it('never counts a change that only rules the recommendation out', () => {
    // Needing the Kafka API would rule Kinesis out: true, but nothing to argue about.
    const verdict = scoreAnswers(NEUTRAL_ANSWERS);
    expect(verdict.recommendation).toBe('kinesis');
    expect(verdict.flip?.changes.map((change) => change.questionId)).not.toContain('kafka_api_need');
    expect(flipsFairly(verdict, applied(NEUTRAL_ANSWERS, verdict))).toBe(true);
  });

  it('says nothing when no one or two changes a team could make would do it', () => {
    // Streaming is the product and customers choose where it runs: nothing the team could change moves it.
    expect(scoreAnswers(STREAMING_IS_THE_PRODUCT).flip).toBeNull();
  });

  it('always names a change that really flips the verdict, and the smallest by its own measure', () => {
    const random = seededRandom(4242);
    let found = 0;
    for (let run = 0; run < 60; run++) {
      const answers = { ...NEUTRAL_ANSWERS, ...randomAnswers(random) };
      const verdict = scoreAnswers(answers);
      if (!verdict.flip) continue;
      found++;
      const changed = applied(answers, verdict);
      expect(scoreAnswers(changed).recommendation, `set ${run}`).toBe(verdict.flip.recommendation);
      expect(flipsFairly(verdict, changed), `set ${run}`).toBe(true);
      if (verdict.flip.changes.length === 2) {
        for (const single of singleChoiceChanges(answers)) expect(flipsFairly(verdict, single)).toBe(false);
      }
    }
    // Identity answers are not offered, so fewer verdicts have a flip than answers to change.
    expect(found).toBeGreaterThan(20);
  });

  it('is the same whatever the order of the answers', () => {
    const random = seededRandom(17);
    for (const answers of [
      WEB_APP_SHOP_ON_AWS,
      AWS_SHOP_WANTING_KAFKA,
      answersFor({ retention_days: 400 }),
    ]) {
      expect(scoreAnswers(reordered(random, answers)).flip).toEqual(scoreAnswers(answers).flip);
    }
  });
});
