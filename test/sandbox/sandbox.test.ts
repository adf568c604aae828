import { Script } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/index.js';
import { IN_MEMORY_WARNING } from '../../src/server.js';

/** The sandbox's boot path and the JSON API its page uses, without a browser. */

let sandbox: RunningSandbox;
const warnings: string[] = [];

afterEach(async () => {
  await sandbox?.stop();
  warnings.length = 0;
});

async function start() {
  sandbox = await startSandbox({
    config: { port: 0, retentionDays: 90, logLevel: 'error' },
    storeOptions: { warn: (line) => warnings.push(line) },
  });
  return `http://127.0.0.1:${sandbox.port}`;
}

async function post(base: string, path: string, body: unknown) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function getJson(base: string, path: string) {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const homeHtml = (page: Record<string, unknown>) => (page.home as { html?: string } | null)?.html ?? '';

describe('startSandbox', () => {
  it('runs the real app under the emulated Slack on the in-memory store, with its warning and a health check', async () => {
    const base = await start();

    expect(warnings).toEqual([IN_MEMORY_WARNING]);
    expect(sandbox.url).toBe(`http://localhost:${sandbox.port}`);
    expect(sandbox.app.port).not.toBe(sandbox.port);
    const health = await getJson(base, '/healthz');
    expect(health).toMatchObject({
      status: 200,
      body: { status: 'ok', store: { kind: 'memory', durable: false } },
    });
  });

  it('turns a slash command typed on the page into the modal the app opened, and the decision message', async () => {
    const base = await start();

    const typed = await post(base, '/api/command', {
      user: 'U0ALICE',
      channel: 'C0GENERAL',
      text: '/stream-verdict Event bus for the billing rewrite',
    });
    expect(typed).toEqual({ status: 200, body: { ok: true, problems: [] } });

    await expect.poll(async () => (await getJson(base, '/api/modal?user=U0ALICE')).status).toBe(200);
    const { body } = await getJson(base, '/api/modal?user=U0ALICE');
    expect(body).toMatchObject({
      view: {
        type: 'modal',
        callback_id: 'questionnaire',
        title: { text: 'Stream Verdict' },
        submit: { text: 'Next' },
      },
      errors: {},
    });
    expect(JSON.stringify(body.view)).toContain('Event bus for the billing rewrite');
    expect((await getJson(base, '/api/modal?user=U0BOB')).status).toBe(404);

    await expect
      .poll(async () => JSON.stringify((await getJson(base, '/api/messages?channel=C0GENERAL')).body))
      .toContain('Answer or edit my answers');
    const page = await getJson(base, '/api/page?user=U0ALICE&channel=C0GENERAL&thread=auto');
    expect(page.body.channelHtml).toContain('Event bus for the billing rewrite');
    expect((page.body.modal as { html: string }).html).toContain('Step 1 of 6');
  });

  it('answers as Slack does for a command the app did not declare, and refuses what a person could not do', async () => {
    const base = await start();

    const unknown = await post(base, '/api/command', {
      user: 'U0ALICE',
      channel: 'C0GENERAL',
      text: '/nope',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toContain('/nope is not a valid command');
    const stranger = await post(base, '/api/command', {
      user: 'U0MALLORY',
      channel: 'C0GENERAL',
      text: '/stream-verdict',
    });
    expect(stranger.body.error).toContain('not one of the sandbox');
    const nowhere = await post(base, '/api/message', { user: 'U0BOB', channel: 'C0NOPE', text: 'hello' });
    expect(nowhere).toMatchObject({
      status: 400,
      body: { error: 'there is no channel C0NOPE in the sandbox' },
    });
    const noModal = await post(base, '/api/submit', { user: 'U0BOB', values: {} });
    expect(noModal).toMatchObject({ status: 400, body: { ok: false, error: 'U0BOB has no modal open' } });
    const form = await fetch(`${base}/api/command`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ user: 'U0ALICE', channel: 'C0GENERAL', text: '/stream-verdict' }),
    });
    expect(form.status).toBe(400);
  });

  it('shows the app’s Home tab when a teammate opens it, listing the decisions they started', async () => {
    const base = await start();
    await post(base, '/api/command', {
      user: 'U0ALICE',
      channel: 'C0GENERAL',
      text: '/stream-verdict Home decision',
    });
    await expect.poll(async () => (await getJson(base, '/api/modal?user=U0ALICE')).status).toBe(200);

    expect(await post(base, '/api/home', { user: 'U0ALICE' })).toEqual({
      status: 200,
      body: { ok: true, problems: [] },
    });
    await expect
      .poll(async () => String(homeHtml((await getJson(base, '/api/page?user=U0ALICE&home=1')).body)))
      .toContain('Home decision');
    const page = await getJson(base, '/api/page?user=U0ALICE&home=1');
    expect(String((page.body.home as { html: string }).html)).toContain('data-view-id="V');
    expect((await getJson(base, '/api/page?user=U0ALICE')).body.home).toBeNull();
    // Bob has started nothing: his tab says so.
    await post(base, '/api/home', { user: 'U0BOB' });
    await expect
      .poll(async () => String(homeHtml((await getJson(base, '/api/page?user=U0BOB&home=1')).body)))
      .not.toContain('Home decision');
  });

  it('shows an exported record as a file card whose Download link serves the file', async () => {
    const base = await start();
    await post(base, '/api/command', {
      user: 'U0ALICE',
      channel: 'C0GENERAL',
      text: '/stream-verdict Exported decision',
    });
    await expect
      .poll(async () => JSON.stringify((await getJson(base, '/api/messages?channel=C0GENERAL')).body))
      .toContain('Answer or edit my answers');
    await post(base, '/api/command', {
      user: 'U0ALICE',
      channel: 'C0GENERAL',
      text: '/stream-verdict export',
    });
    await expect
      .poll(async () =>
        String((await getJson(base, '/api/page?user=U0ALICE&channel=C0GENERAL')).body.channelHtml),
      )
      .toContain('file-card');
    const html = String((await getJson(base, '/api/page?user=U0ALICE&channel=C0GENERAL')).body.channelHtml);
    const href = /class="bk-button file-download" href="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(href).toMatch(/^\/api\/files\/F/);
    const file = await fetch(`${base}${href}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.md"$/);
    expect(await file.text()).toContain('Exported decision');
    expect((await fetch(`${base}/api/files/F0NOSUCH`)).status).toBe(404);
  });

  it('serves the page, its style and a script that parses', async () => {
    const base = await start();

    const html = await (await fetch(base)).text();
    expect(html).toContain('<script type="module" src="/assets/sandbox.js">');
    const script = await fetch(`${base}/assets/sandbox.js`);
    expect(script.headers.get('content-type')).toContain('text/javascript');
    const source = await script.text();
    expect(() => new Script(source)).not.toThrow();
    const style = await fetch(`${base}/assets/sandbox.css`);
    expect(style.headers.get('content-type')).toContain('text/css');
  });
});
