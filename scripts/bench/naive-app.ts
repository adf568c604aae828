/**
 * The benchmark's second baseline: Stream Verdict's work written the straightforward way. The same Web API
 * calls with the same payloads (our pure view builders and domain make them) and the same data written to
 * Redis, one plain ioredis command each, awaited in turn: no scripts, no pipelines, no outbox, no lease, no
 * coalescing of updates; payloads go to WebClient as objects. What a naive implementation of the same
 * product costs, so the report can say whether ours beats it.
 *
 * Run by scripts/bench/run.ts as a child process: PORT, SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN, SLACK_API_URL,
 * REDIS_URL. Decisions of the step scenarios are started through ours; the bench writes them here too.
 */
import { createHash, randomBytes } from 'node:crypto';
import { App, LogLevel } from '@slack/bolt';
import { Redis } from 'ioredis';
import {
  firstMissingStep,
  mergeSteps,
  respondentsOf,
  type SteppedAnswers,
} from '../../src/domain/answer-set.js';
import { argumentsFor } from '../../src/domain/deliberation.js';
import { isUnsure } from '../../src/domain/person.js';
import { STEPS } from '../../src/domain/questions.js';
import { aggregateTeam, scoreAnswers } from '../../src/domain/team.js';
import type { Answers } from '../../src/domain/types.js';
import { parseStepAnswers } from '../../src/domain/validation.js';
import { ACTION_IDS, CALLBACK_IDS } from '../../src/slack/ids.js';
import { buildDecisionMessage } from '../../src/slack/views/decision-message.js';
import { buildFinishedNote, buildOwnVerdictText } from '../../src/slack/views/own-verdict.js';
import { buildNoticeModal, buildQuestionnaireModal } from '../../src/slack/views/questionnaire-modal.js';
import { NAIVE_KEYS, type NaiveDecision } from './naive-keys.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`naive-app: ${name} is not set`);
  return value;
};

const TTL_SECONDS = 90 * 24 * 3600;
const DELIVERY_TTL_SECONDS = 24 * 3600;
const redis = new Redis(env('REDIS_URL'));
const app = new App({
  signingSecret: env('SLACK_SIGNING_SECRET'),
  token: env('SLACK_BOT_TOKEN'),
  clientOptions: { slackApiUrl: env('SLACK_API_URL') },
  logLevel: LogLevel.ERROR,
});

app.command(/.*/, async ({ ack, command, client }) => {
  const teamId = command.team_id;
  const requestId = createHash('sha256').update(command.trigger_id).digest('base64url');
  if (
    (await redis.set(NAIVE_KEYS.request(teamId, requestId), '1', 'EX', DELIVERY_TTL_SECONDS, 'NX')) !== 'OK'
  ) {
    await ack();
    return;
  }
  await ack();
  const decision: NaiveDecision = {
    teamId,
    decisionId: randomBytes(9).toString('base64url'),
    channelId: command.channel_id,
    createdBy: command.user_id,
    title: command.text.trim() || 'Kafka, Kinesis or MSK?',
    createdAt: new Date().toISOString(),
  };
  const key = NAIVE_KEYS.decision(teamId, decision.decisionId);
  await client.views.open({
    trigger_id: command.trigger_id,
    view: buildQuestionnaireModal({
      decisionId: decision.decisionId,
      decisionTitle: decision.title,
      step: 0,
    }),
  });
  await redis.hset(key, 'meta', JSON.stringify(decision));
  await redis.expire(key, TTL_SECONDS);
  await redis.set(NAIVE_KEYS.latest(teamId, decision.channelId), decision.decisionId, 'EX', TTL_SECONDS);
  await redis.zadd(NAIVE_KEYS.home(teamId, decision.createdBy), Date.now(), decision.decisionId);
  await redis.expire(NAIVE_KEYS.home(teamId, decision.createdBy), TTL_SECONDS);
  const message = buildDecisionMessage({ decision, inProgress: 0 });
  const posted = await client.chat.postMessage({
    channel: decision.channelId,
    text: message.text,
    blocks: message.blocks,
  });
  await redis.hset(key, 'message', JSON.stringify({ channel: posted.channel, ts: posted.ts }));
  await redis.expire(key, TTL_SECONDS);
});

app.view(CALLBACK_IDS.questionnaire, async ({ ack, view, body, client }) => {
  const { d: decisionId, s: stepIndex } = JSON.parse(view.private_metadata) as { d: string; s: number };
  const step = STEPS[stepIndex];
  const teamId = body.team?.id ?? '';
  const userId = body.user.id;
  if (!step) return ack();
  const raw: Record<string, string | string[] | null> = {};
  for (const question of step.questions) {
    const element = view.state.values[question.id]?.[ACTION_IDS.answer];
    raw[question.id] =
      element?.selected_options?.map((option) => option.value) ??
      element?.selected_option?.value ??
      element?.value ??
      null;
  }
  const parsed = parseStepAnswers(step, raw);
  if (!parsed.ok) return ack({ response_action: 'errors', errors: parsed.errors });

  const decisionKey = NAIVE_KEYS.decision(teamId, decisionId);
  const answersKey = NAIVE_KEYS.answers(teamId, decisionId, userId);
  const respondentsKey = NAIVE_KEYS.respondents(teamId, decisionId);
  const fields = await redis.hgetall(decisionKey);
  if (!fields.meta) return ack({ response_action: 'update', view: buildNotice('This decision is gone.') });
  const decision = JSON.parse(fields.meta) as NaiveDecision;
  const isLast = stepIndex === STEPS.length - 1;
  const now = new Date().toISOString();
  const deliveryId = createHash('sha256').update(`${view.id}:${view.hash}`).digest('base64url');
  const first = await redis.set(
    NAIVE_KEYS.delivery(teamId, decisionId, deliveryId),
    '1',
    'EX',
    DELIVERY_TTL_SECONDS,
    'NX',
  );
  if (first === 'OK') {
    await redis.hset(answersKey, `step:${step.id}`, JSON.stringify(parsed.answers));
    await redis.hset(
      answersKey,
      'progress',
      JSON.stringify({ currentStep: isLast ? stepIndex : stepIndex + 1, updatedAt: now }),
    );
    if (isLast) await redis.hset(answersKey, 'finished_at', now);
    await redis.sadd(respondentsKey, userId);
    await redis.expire(answersKey, TTL_SECONDS);
    await redis.expire(respondentsKey, TTL_SECONDS);
    await redis.expire(decisionKey, TTL_SECONDS);
  }
  const answerSet = answerSetOf(userId, await redis.hgetall(answersKey));
  const nextStep = isLast ? firstMissingStep(answerSet) : stepIndex + 1;
  if (nextStep !== undefined) {
    await ack({
      response_action: 'update',
      view: buildQuestionnaireModal({
        decisionId,
        decisionTitle: decision.title,
        step: nextStep,
        answers: answerSet.steps[STEPS[nextStep]?.id ?? ''],
        editing: answerSet.progress.finishedAt !== undefined,
      }),
    });
  } else {
    const answers = mergeSteps(answerSet);
    const own = scoreAnswers(answers);
    const text = buildOwnVerdictText(own, decision.channelId, { unsure: isUnsure(answers) });
    await ack({ response_action: 'update', view: buildNoticeModal({ title: 'Your verdict', text }) });
  }
  await redis.zadd(NAIVE_KEYS.home(teamId, userId), Date.now(), decisionId);
  await redis.expire(NAIVE_KEYS.home(teamId, userId), TTL_SECONDS);
  if (nextStep !== undefined || first !== 'OK') return;

  // Publish: read everything back, score the team, update the message, note the finish in the thread.
  const sets: SteppedAnswers[] = [];
  for (const respondent of (await redis.smembers(respondentsKey)).sort()) {
    sets.push(
      answerSetOf(respondent, await redis.hgetall(NAIVE_KEYS.answers(teamId, decisionId, respondent))),
    );
  }
  const respondents = respondentsOf(sets);
  const team = aggregateTeam(respondents);
  const where = JSON.parse((await redis.hget(decisionKey, 'message')) ?? 'null') as {
    channel: string;
    ts: string;
  } | null;
  if (!where) return;
  const message = buildDecisionMessage({
    decision,
    team,
    inProgress: sets.length - respondents.length,
    answered: respondents.length,
    arguments: team.respondents > 1 ? argumentsFor(respondents, team) : [],
  });
  await client.chat.update({
    channel: where.channel,
    ts: where.ts,
    text: message.text,
    blocks: message.blocks,
  });
  const note = buildFinishedNote({ userId, again: false, team });
  await client.chat.postMessage({
    channel: where.channel,
    thread_ts: where.ts,
    text: note.text,
    blocks: note.blocks,
  });
});

function buildNotice(text: string) {
  return buildNoticeModal({ title: 'Stream Verdict', text });
}

function answerSetOf(
  userId: string,
  fields: Record<string, string>,
): SteppedAnswers & {
  progress: { finishedAt?: string };
} {
  const steps: Record<string, Answers> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (field.startsWith('step:')) steps[field.slice('step:'.length)] = JSON.parse(value) as Answers;
  }
  return { userId, steps, progress: fields.finished_at ? { finishedAt: fields.finished_at } : {} };
}

await app.start(Number(env('PORT')));
console.log(`naive-app: listening on port ${env('PORT')}`);
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  // Exit through process.exit so --cpu-prof writes its profile.
  process.on(signal, () => void app.stop().finally(() => process.exit(0)));
}
