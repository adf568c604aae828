import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { STEPS } from '../../src/domain/questions.js';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/index.js';
import { roughFieldLabel } from '../../src/slack/views/questionnaire-modal.js';
import { AWS_SHOP_WANTING_KAFKA, NEUTRAL_ANSWERS, WEB_APP_SHOP_ON_AWS } from '../domain/fixtures.js';
import { launchChromium } from './chromium.js';
import { answerQuestionnaire, fillStep, modal } from './questionnaire.js';

/**
 * The sandbox in a real browser: the page a newcomer opens after `npm start` with no Slack credentials, the
 * real app under it on real Redis. Everything is done and checked as a person would: by typing, clicking
 * labels and reading the page.
 */

// Refresh the committed screenshot with UPDATE_SCREENSHOTS=1 npm test; other runs keep it out of the work tree.
const SCREENSHOT = process.env.UPDATE_SCREENSHOTS
  ? join(import.meta.dirname, '../../docs/sandbox-verdict.png')
  : join(tmpdir(), 'stream-verdict-sandbox-verdict.png');

let browser: Browser;
let sandbox: RunningSandbox;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  sandbox = await startSandbox({
    config: { port: 0, redisUrl: inject('redisUrl'), retentionDays: 90, logLevel: 'error' },
    storeOptions: { keyPrefix: `sandbox-${randomBytes(6).toString('hex')}` },
  });
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  page.setDefaultTimeout(10_000);
  await page.goto(`http://127.0.0.1:${sandbox.port}/`);
});

afterEach(async () => {
  await page?.close();
  await sandbox?.stop();
});

async function runCommand(text: string) {
  await page.getByRole('textbox', { name: /^Message #/ }).fill(text);
  await page.keyboard.press('Enter');
  await modal(page).waitFor();
}

describe('the sandbox in a browser', () => {
  it('takes three teammates from the slash command to a team verdict on one screen, its details and the thread', {
    timeout: 60_000,
  }, async () => {
    const channel = page.getByRole('main');
    await expect(page.getByLabel('Acting as').inputValue()).resolves.toBe('U0ALICE');

    await runCommand('/stream-verdict Event bus for the billing rewrite');
    await expect(modal(page).getByRole('heading').textContent()).resolves.toBe('Stream Verdict');
    await channel.getByRole('heading', { name: 'Event bus for the billing rewrite' }).waitFor();
    await channel.getByText('Started by @Alice').waitFor();

    await answerQuestionnaire(page, WEB_APP_SHOP_ON_AWS);
    await modal(page).getByText('Your answers point to Amazon Kinesis').waitFor();
    await modal(page).getByRole('button', { name: 'Done', exact: true }).click();
    await modal(page).waitFor({ state: 'detached' });
    await channel.getByText('Verdict: Amazon Kinesis').waitFor();

    await page.getByLabel('Acting as').selectOption({ label: 'Bob' });
    await channel.getByRole('button', { name: 'Answer or edit my answers' }).click();
    await answerQuestionnaire(page, AWS_SHOP_WANTING_KAFKA);
    await modal(page).getByRole('button', { name: 'Done', exact: true }).click();
    await modal(page).waitFor({ state: 'detached' });

    await page.getByLabel('Acting as').selectOption({ label: 'Carol' });
    await channel.getByRole('button', { name: 'Answer or edit my answers' }).click();
    await answerQuestionnaire(page, NEUTRAL_ANSWERS);
    await modal(page).getByRole('button', { name: 'Done', exact: true }).click();

    await channel.getByText('From 3 finished answer sets').waitFor();
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a person reads.
    const verdict = (await channel.getByRole('article').first().innerText()).replace(/\s+/g, ' ');
    expect(verdict).toMatch(/Verdict: (Self-managed Kafka|Amazon Kinesis|Amazon MSK)/);
    expect(verdict).toMatch(/Who picks what: .*@Alice/);
    expect(verdict).toContain('A month, machines and people');
    expect(verdict).toContain('(edited)');
    // The breakdown is one click away, not on the channel's screen.
    expect(verdict).not.toContain('From:');

    await page.mouse.move(0, 0);
    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    writeFileSync(SCREENSHOT, await page.screenshot());

    await channel.getByRole('button', { name: 'Details', exact: true }).first().click();
    await modal(page).getByText('Verdict details').waitFor();
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a person reads.
    const details = (await modal(page).innerText()).replace(/\s+/g, ' ');
    expect(details).toContain('Setup (people)');
    expect(details).toMatch(/Person by person: (Kafka|Kinesis|MSK|Even) \d/);
    expect(details).toContain('Monthly cost estimate');
    await modal(page).getByRole('button', { name: 'Close', exact: true }).click();
    await modal(page).waitFor({ state: 'detached' });

    const thread = page.getByRole('complementary', { name: 'Thread' });
    await thread.getByText('@Bob finished the questionnaire').waitFor();
    await expect(thread.getByText('@Alice finished the questionnaire').count()).resolves.toBe(1);
    await channel.getByRole('button', { name: /^3 replies/ }).waitFor();

    await thread
      .getByRole('textbox', { name: 'Reply in thread' })
      .fill('Kinesis, unless we need Connect <soon>');
    await page.keyboard.press('Enter');
    await thread.getByText('Kinesis, unless we need Connect <soon>').waitFor();
  });

  it('shows an invalid field’s error under it, keeps the answers, and goes Back and on', {
    timeout: 30_000,
  }, async () => {
    await page.getByLabel('Acting as').selectOption({ label: 'Carol' });
    await page.getByRole('navigation').getByRole('button', { name: '# platform-team' }).click();
    await page.getByRole('heading', { name: '#platform-team' }).waitFor();
    await runCommand('/stream-verdict Clickstream pipeline');
    const dialog = modal(page);

    await dialog.getByRole('button', { name: 'Next' }).click();
    await expect
      .poll(() => dialog.getByText('Please complete this required field.').count())
      .toBe(STEPS[0]?.questions.filter((question) => !question.optional).length);

    await fillStep(page, 0, NEUTRAL_ANSWERS);
    await dialog.getByRole('button', { name: 'Next' }).click();
    await dialog.getByText(`Step 2 of ${STEPS.length}`).waitFor();
    await fillStep(page, 1, { ...NEUTRAL_ANSWERS, avg_write_mbps: 50, peak_write_mbps: 10 });
    await dialog.getByRole('button', { name: 'Next' }).click();

    const peak = dialog.getByLabel('At the busiest minute, how much data is written? (MB/s)', {
      exact: true,
    });
    const error = dialog.getByText('The peak cannot be lower than the average (50 MB/s)');
    await error.waitFor();
    await expect(peak.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(peak.evaluate((input) => input.getAttribute('aria-describedby'))).resolves.toContain(
      await error.evaluate((node) => node.id),
    );
    await expect(peak.inputValue()).resolves.toBe('10');
    await expect(dialog.getByText(`Step 2 of ${STEPS.length}`).count()).resolves.toBe(1);

    await peak.fill('80');
    // Out of the field's range: our message, with the unit, not Slack's bare "greater than or equal to 0.01".
    const average = dialog.getByLabel('On average, how much data will be written to the stream? (MB/s)', {
      exact: true,
    });
    await average.fill('-5');
    await dialog.getByRole('button', { name: 'Next' }).click();
    await dialog.getByText('Enter a number from 0.01 to 100,000 MB/s').waitFor();
    await average.fill('50');
    await dialog.getByRole('button', { name: 'Next' }).click();
    await dialog.getByText(`Step 3 of ${STEPS.length}`).waitFor();
    await dialog.getByRole('button', { name: '← Back' }).click();
    await dialog.getByText(`Step 2 of ${STEPS.length}`).waitFor();
    await expect(peak.inputValue()).resolves.toBe('80');
    await expect(error.count()).resolves.toBe(0);
  });

  it('edits one step from the summary a finished person ends on, and the team verdict changes only on save', {
    timeout: 40_000,
  }, async () => {
    const channel = page.getByRole('main');
    await runCommand('/stream-verdict Edit one step');
    await answerQuestionnaire(page, WEB_APP_SHOP_ON_AWS);
    const dialog = modal(page);
    await dialog.getByRole('heading', { name: 'Edit my answers' }).waitFor();
    await channel.getByText('Verdict: Amazon Kinesis').waitFor();

    await dialog.getByRole('button', { name: 'Edit step 2, Workload', exact: true }).click();
    await dialog.getByText(`Editing step 2 of ${STEPS.length}: Workload`).waitFor();
    await expect(dialog.getByText('Step 1 of').count()).resolves.toBe(0);
    const days = dialog.getByLabel('How many days must records stay readable? (days)', { exact: true });
    await days.fill('');
    await dialog
      .getByLabel(roughFieldLabel({ short: 'days kept' }), { exact: true })
      .selectOption({ label: 'more than 365 days (priced at 1,150 days)' });
    // Typed, not saved: the channel still shows the verdict as it was.
    await expect(channel.getByText('Verdict: Amazon Kinesis').count()).resolves.toBe(1);

    await dialog.getByRole('button', { name: 'Save this step', exact: true }).click();
    await dialog.getByRole('heading', { name: 'Edit my answers' }).waitFor();
    await dialog.getByText('days kept = more than 365 days').waitFor();
    await channel.getByText(/Verdict: (Amazon MSK|Self-managed Kafka)/).waitFor();
    await dialog.getByRole('button', { name: 'Done', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const thread = page.getByRole('complementary', { name: 'Thread' });
    await thread.getByText('@Alice changed their answers').waitFor();
  });

  it('opens the Home tab from Apps → Stream Verdict, and a decision there in its channel; an export is a downloadable file card', {
    timeout: 30_000,
  }, async () => {
    await runCommand('/stream-verdict Home and files');
    await page.keyboard.press('Escape');
    await expect.poll(() => modal(page).count()).toBe(0);
    await page.getByRole('main').getByRole('heading', { name: 'Home and files' }).waitFor();

    await page.getByRole('navigation').getByRole('button', { name: 'Stream Verdict' }).click();
    const home = page.getByRole('region', { name: 'Stream Verdict Home' });
    await home.getByRole('heading', { name: 'Your decisions' }).waitFor();
    await home.getByText('Home and files').waitFor();
    await home.getByRole('link', { name: 'Open' }).click();
    await page.getByRole('heading', { name: '#general' }).waitFor();

    await page.getByRole('textbox', { name: /^Message #/ }).fill('/stream-verdict export');
    await page.keyboard.press('Enter');
    const card = page.locator('.file-card').first();
    await card.waitFor();
    const download = page.waitForEvent('download');
    await card.getByRole('link', { name: 'Download' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.md$/);
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString('utf8')).toContain('Home and files');
  });

  it('keeps the person picked when a page for the one before arrives late, and acts as them', {
    timeout: 30_000,
  }, async () => {
    const picker = page.getByLabel('Acting as');
    await expect(picker.inputValue()).resolves.toBe('U0ALICE');
    // Alice's next page is held back until Carol has been picked.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let heldOnce = false;
    await page.route(/\/api\/page\?.*user=U0ALICE/, async (route) => {
      if (!heldOnce) {
        heldOnce = true;
        await held;
      }
      await route.continue();
    });
    const late = page.waitForResponse(/\/api\/page\?.*user=U0ALICE/);
    // Opening the channel again asks for Alice's page.
    await page.getByRole('button', { name: '# general' }).click();
    await picker.selectOption({ label: 'Carol' });
    release();
    await late;
    await page.waitForResponse(/\/api\/page\?.*user=U0CAROL/);
    await page.waitForTimeout(200);
    expect(await picker.inputValue()).toBe('U0CAROL');
    expect(new URL(page.url()).searchParams.get('user')).toBe('U0CAROL');
    // What Carol does is Carol's: the questionnaire opens for her, not for Alice.
    await runCommand('/stream-verdict Which backbone?');
    await expect(modal(page).getByText('Step 1 of 6').isVisible()).resolves.toBe(true);
  });

  it('asks before closing a decision, as Slack asks a button’s confirm, and closes only on yes', {
    timeout: 30_000,
  }, async () => {
    const channel = page.getByRole('main');
    await runCommand('/stream-verdict Which backbone?');
    await page.getByRole('dialog').getByRole('button', { name: 'Finish later' }).click();
    const close = channel.getByRole('button', { name: 'Close the decision' });
    await close.click();
    const ask = page.getByRole('alertdialog', { name: 'Close the decision?' });
    await ask.getByText('Answers stop here').waitFor();
    await ask.getByRole('button', { name: 'Not yet' }).click();
    await ask.waitFor({ state: 'detached' });
    // Nothing was sent: the decision is still open.
    await expect(channel.getByRole('button', { name: 'Reopen' }).count()).resolves.toBe(0);
    await expect(close.isVisible()).resolves.toBe(true);
    await close.click();
    await ask.getByRole('button', { name: 'Close it' }).click();
    await channel.getByRole('button', { name: 'Reopen' }).waitFor();
  });
});
