import { describe, expect, it } from 'vitest';
import { Workspace } from '../../src/emulator/workspace.js';

const ALICE = 'U0ALICE';

describe('Workspace', () => {
  it('gives messages unique, increasing timestamps even when the clock stands still', () => {
    const workspace = new Workspace({ now: () => 1_700_000_000_000 });

    const stamps = Array.from(
      { length: 3 },
      (_, i) => workspace.postMessage({ channel: 'C1', text: `m${i}` }).ts,
    );

    expect(stamps).toEqual(['1700000000.000100', '1700000000.000200', '1700000000.000300']);
  });

  it('fills in missing block_ids and action_ids, as Slack does', () => {
    const workspace = new Workspace();

    const message = workspace.postMessage({
      channel: 'C1',
      text: 'hi',
      blocks: [{ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Go' } }] }],
    });

    expect(message.blocks?.[0]).toMatchObject({
      block_id: expect.any(String),
      elements: [{ action_id: expect.any(String) }],
    });
  });

  it('accepts a trigger id once, within 3 seconds', () => {
    let now = 0;
    const workspace = new Workspace({ now: () => now });
    const fresh = workspace.issueTriggerId(ALICE);
    const stale = workspace.issueTriggerId(ALICE);

    expect(workspace.exchangeTriggerId(fresh)).toEqual({ ok: true, value: ALICE });
    expect(workspace.exchangeTriggerId(fresh)).toEqual({ ok: false, error: 'exchanged_trigger_id' });
    now = 3001;
    expect(workspace.exchangeTriggerId(stale)).toEqual({ ok: false, error: 'expired_trigger_id' });
    expect(workspace.exchangeTriggerId('1.2.3')).toEqual({ ok: false, error: 'invalid_trigger_id' });
  });

  it('keeps what a person entered in inputs that survive a view update', () => {
    const workspace = new Workspace();
    const input = (blockId: string) => ({
      type: 'input',
      block_id: blockId,
      label: { type: 'plain_text', text: blockId },
      element: { type: 'plain_text_input', action_id: 'value' },
    });
    const opened = workspace.openModal(ALICE, { type: 'modal', blocks: [input('kept'), input('dropped')] });
    if (!opened.ok) throw new Error(opened.error);
    workspace.setViewState(opened.value.view.id, {
      values: {
        kept: { value: { type: 'plain_text_input', value: 'stays' } },
        dropped: { value: { type: 'plain_text_input', value: 'goes' } },
      },
    });

    workspace.updateView(
      { viewId: opened.value.view.id },
      { type: 'modal', blocks: [input('kept'), input('new')] },
    );

    expect(workspace.openViewFor(ALICE)?.view.state).toEqual({
      values: { kept: { value: { type: 'plain_text_input', value: 'stays' } } },
    });
  });

  it('only accepts people and channels from fixed lists when given', () => {
    const workspace = new Workspace({
      users: [{ id: ALICE, name: 'alice' }],
      channels: [{ id: 'C1', name: 'general' }],
    });

    expect(workspace.resolveUser('U0BOB')).toBeUndefined();
    expect(workspace.resolveChannel('C2')).toBeUndefined();
    expect(workspace.resolveChannel('#general')?.id).toBe('C1');
    expect(workspace.resolveChannel(ALICE)).toMatchObject({ id: 'D0ALICE', isIm: true, user: ALICE });
  });

  it('times out waiting for something that never happens, saying what it waited for', async () => {
    const workspace = new Workspace();

    await expect(
      workspace.waitFor(() => workspace.openViewFor(ALICE), { timeoutMs: 20, what: 'a modal' }),
    ).rejects.toThrow('timed out after 20 ms waiting for a modal');
  });
});
