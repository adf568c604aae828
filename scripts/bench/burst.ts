import { STEPS } from '../../src/domain/questions.js';
import type { SlackEmulator } from '../../src/emulator/index.js';
import { ACTION_IDS } from '../../src/slack/ids.js';
import type { Respondent } from './answers.js';
import { percentile } from './load.js';
import type { ChildApp } from './processes.js';
import { signed, stepSubmissionBody } from './requests.js';

/** What a burst on one decision did: the modals it opened, and the decision message's updates. */
export interface BurstResult {
  people: number;
  /** How long each wave of presses (and of finishes) was spread over. */
  spreadMs: number;
  /** From pressing Answer to the questionnaire being open (views.open taken by Slack). */
  modalP50Ms: number;
  modalP99Ms: number;
  /** Presses whose modal never opened; their latency counts as missing from the percentiles. */
  modalsMissing: number;
  finishAckP99Ms: number;
  /** chat.update calls on the decision message from the first finish on, their span and shortest gap. */
  updates: number;
  updatesSpanMs: number;
  shortestUpdateGapMs: number;
  /** How many finished answer sets the message counts in the end, and when it first counted all of them. */
  finalCount: number;
  finalAfterMs: number | undefined;
}

const LAST_STEP = STEPS.length - 1;

/**
 * `people` press Answer on the decision message within `spreadMs` (block_actions → views.open with a trigger
 * id that lives 3 s); then, every earlier step saved, they all press the last step's button within
 * `spreadMs`. Slack takes one chat.update a second per message, and the message must count all in the end.
 */
export async function runBurst(input: {
  slack: SlackEmulator;
  app: ChildApp;
  signingSecret: string;
  decision: { id: string; title: string; channel: string; ts: string };
  respondents: readonly Respondent[];
  userIdFor: (index: number) => string;
  spreadMs: number;
  /** Sends bodies, a few at a time, insisting on 2xx acknowledgements. */
  sendEach: (app: ChildApp, bodies: readonly string[]) => Promise<void>;
}): Promise<BurstResult> {
  const { slack, decision } = input;
  const { workspace } = slack;
  const people = input.respondents.map((respondent, index) => ({
    userId: input.userIdFor(index),
    respondent,
  }));
  const appEventsUrl = `http://127.0.0.1:${input.app.port}/slack/events`;

  const pressedAt = new Map<string, number>();
  const openedAfter: number[] = [];
  const stopWatching = workspace.onChange(() => {
    for (const [userId, at] of pressedAt) {
      if (workspace.openViewFor(userId)) {
        openedAfter.push(performance.now() - at);
        pressedAt.delete(userId);
      }
    }
  });
  await Promise.all(
    people.map(async ({ userId }, index) => {
      await pause((index * input.spreadMs) / people.length);
      pressedAt.set(userId, performance.now());
      await slack.actorFor(userId, { appEventsUrl }).clickButton({
        actionId: ACTION_IDS.answerQuestionnaire,
        message: { channel: decision.channel, ts: decision.ts },
      });
    }),
  );
  // Past the trigger id's life, a modal that has not opened never will.
  await pause(3_500);
  stopWatching();
  const modalsMissing = pressedAt.size;

  const template = (userId: string, respondent: Respondent, step: number) =>
    stepSubmissionBody({
      slack,
      userId,
      decisionId: decision.id,
      decisionTitle: decision.title,
      step,
      values: respondent.raw[step] ?? {},
    }).body;
  await input.sendEach(
    input.app,
    people.flatMap(({ userId, respondent }) =>
      Array.from({ length: LAST_STEP }, (_, step) => template(userId, respondent, step)),
    ),
  );
  const finishes = people.map(({ userId, respondent }) => template(userId, respondent, LAST_STEP));
  const message = () => workspace.message(decision.channel, decision.ts);
  const counted = () =>
    Number(/From (\d+) finished answer sets?/.exec(JSON.stringify(message()?.blocks))?.[1] ?? 0);
  const editsBefore = message()?.editTimes.length ?? 0;
  const firstFinish = Date.now();
  const ackMs: number[] = [];
  await Promise.all(
    finishes.map(async (body, index) => {
      await pause((index * input.spreadMs) / finishes.length);
      const request = signed(input.signingSecret, body);
      const started = performance.now();
      const response = await fetch(appEventsUrl, {
        method: 'POST',
        headers: request.headers,
        body: request.body,
      });
      await response.text();
      if (response.ok) ackMs.push(performance.now() - started);
    }),
  );
  let finalAfterMs: number | undefined;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (counted() >= people.length) {
      finalAfterMs = Date.now() - firstFinish;
      break;
    }
    await pause(100);
  }
  // Let a publisher still holding the message finish before its updates are counted.
  await pause(2_000);
  const times = message()?.editTimes.slice(editsBefore) ?? [];
  const gaps = times.slice(1).map((at, index) => at - (times[index] as number));
  return {
    people: people.length,
    spreadMs: input.spreadMs,
    modalP50Ms: percentile(openedAfter, 0.5),
    modalP99Ms: percentile(openedAfter, 0.99),
    modalsMissing,
    finishAckP99Ms: percentile(ackMs, 0.99),
    updates: times.length,
    updatesSpanMs: times.length > 1 ? (times.at(-1) as number) - (times[0] as number) : 0,
    shortestUpdateGapMs: gaps.length > 0 ? Math.min(...gaps) : Number.POSITIVE_INFINITY,
    finalCount: counted(),
    finalAfterMs,
  };
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
