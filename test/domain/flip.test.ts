import { describe, expect, it } from 'vitest';
import { ALL_QUESTIONS, type Answers, scoreAnswers, type Verdict } from '../../src/domain/index.js';
import {
  AWS_SHOP_WANTING_KAFKA,
  answersFor,
  NEUTRAL_ANSWERS,
  STREAMING_IS_THE_PRODUCT,
  WEB_APP_SHOP_ON_AWS,
} from './fixtures.js';
import { randomAnswers, reordered, seededRandom } from './random-answers.js';

function applied(answers: Answers, verdict: Verdict): Answers {
  const changed = { ...answers };
  for (const change of verdict.flip?.changes ?? []) changed[change.questionId] = change.to;
  return changed;
}

/** Every other firm answer to every single-choice question: the one-answer changes a person could make. */
function singleChoiceChanges(answers: Answers): Answers[] {
  return ALL_QUESTIONS.flatMap((question) =>
    question.kind === 'single'
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
  it('names the smallest change for the web shop, in words', () => {
    const verdict = scoreAnswers(WEB_APP_SHOP_ON_AWS);
    expect(verdict.flip).toEqual({
      changes: [{ questionId: 'streaming_is_product', from: 'internal', to: 'core' }],
      recommendation: 'kafka',
      sentence:
        'If streaming is the product were “yes” instead of “no, internal plumbing”, the verdict would be Self-managed Kafka.',
    });
    expect(scoreAnswers(applied(WEB_APP_SHOP_ON_AWS, verdict)).recommendation).toBe('kafka');
  });

  it('finds a number’s threshold and rounds it to what people would type', () => {
    const answers = answersFor({ retention_days: 400 });
    const verdict = scoreAnswers(answers);
    expect(verdict.recommendation).toBe('msk');
    expect(verdict.flip?.sentence).toBe(
      'If days kept were 365 days instead of 400 days, the verdict would be Amazon Kinesis.',
    );
    expect(scoreAnswers(applied(answers, verdict)).recommendation).toBe('kinesis');
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

  it('looks at pairs only when no single change flips it', () => {
    const answers = answersFor({ streaming_is_product: 'core', deploy_anywhere: 'yes' });
    const verdict = scoreAnswers(answers);
    expect(verdict.recommendation).toBe('kafka');
    expect(verdict.flip?.sentence).toBe(
      'If streaming is the product were “partly” instead of “yes” and deploy anywhere were “some customers ask” instead of “yes”, the verdict would be Amazon Kinesis.',
    );
    for (const single of singleChoiceChanges(answers)) expect(flipsFairly(verdict, single)).toBe(false);
    expect(flipsFairly(verdict, applied(answers, verdict))).toBe(true);
  });

  it('says nothing when no one or two changes would do it', () => {
    // Streaming is the product and customers choose where it runs: three answers hold Kafka up.
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
    expect(found).toBeGreaterThan(30);
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
