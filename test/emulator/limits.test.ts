import { describe, expect, it } from 'vitest';
import { checkMessageBlocks, checkMessageText, checkView } from '../../src/emulator/limits.js';

const plain = (text: string) => ({ type: 'plain_text', text });
const section = (text: string, blockId?: string) => ({
  type: 'section',
  ...(blockId ? { block_id: blockId } : {}),
  text: { type: 'mrkdwn', text },
});
const button = (actionId: string, text = 'Go', value = 'go') => ({
  type: 'button',
  action_id: actionId,
  text: plain(text),
  value,
});
const option = (text: string, value: string) => ({ text: plain(text), value });
const input = (blockId: string, element: object, extra: object = {}) => ({
  type: 'input',
  block_id: blockId,
  label: plain('How many events per second?'),
  element,
  ...extra,
});
const modal = (overrides: object = {}) => ({
  type: 'modal',
  callback_id: 'questionnaire',
  title: plain('Stream Verdict'),
  submit: plain('Next'),
  close: plain('Cancel'),
  blocks: [section('Tell us about your workload.')],
  ...overrides,
});
const times = <T>(count: number, make: (index: number) => T): T[] =>
  Array.from({ length: count }, (_, i) => make(i));

describe('message limits', () => {
  it('accepts a well-formed verdict message', () => {
    const blocks = [
      { type: 'header', text: plain('Verdict: Amazon MSK') },
      section('*Why:* managed Kafka, fits your team.'),
      { type: 'section', fields: [plain('Kafka: 41'), plain('MSK: 77')] },
      { type: 'context', elements: [{ type: 'mrkdwn', text: '3 answers' }] },
      { type: 'actions', elements: [button('discuss'), button('rerun')] },
    ];

    expect(checkMessageBlocks(blocks)).toEqual([]);
    expect(checkMessageText('Verdict: Amazon MSK')).toEqual([]);
  });

  it.each([
    [
      'more than 50 blocks',
      times(51, (i) => section(`row ${i}`)),
      'must contain at most 50 blocks, got 51 [json-pointer:/blocks]',
    ],
    [
      'section text over 3000 characters',
      [section('x'.repeat(3001))],
      'must be at most 3000 characters, got 3001 [json-pointer:/blocks/0/text/text]',
    ],
    [
      'a section field over 2000 characters',
      [{ type: 'section', fields: [plain('y'.repeat(2001))] }],
      'must be at most 2000 characters, got 2001 [json-pointer:/blocks/0/fields/0/text]',
    ],
    [
      'header text over 150 characters',
      [{ type: 'header', text: plain('h'.repeat(151)) }],
      'must be at most 150 characters, got 151 [json-pointer:/blocks/0/text/text]',
    ],
    [
      'more than 10 context elements',
      [{ type: 'context', elements: times(11, () => ({ type: 'mrkdwn', text: 'c' })) }],
      'must contain at most 10 elements, got 11 [json-pointer:/blocks/0/elements]',
    ],
    [
      'more than 25 actions elements',
      [{ type: 'actions', elements: times(26, (i) => button(`b${i}`)) }],
      'must contain at most 25 elements, got 26 [json-pointer:/blocks/0/elements]',
    ],
    [
      'a block_id over 255 characters',
      [section('a', 'b'.repeat(256))],
      'must be at most 255 characters, got 256 [json-pointer:/blocks/0/block_id]',
    ],
    [
      'duplicate block_ids',
      [section('a', 'same'), section('b', 'same')],
      "duplicate block_id 'same': block_ids must be unique [json-pointer:/blocks/1/block_id]",
    ],
    [
      'an action_id over 255 characters',
      [{ type: 'actions', elements: [button('a'.repeat(256))] }],
      'must be at most 255 characters, got 256 [json-pointer:/blocks/0/elements/0/action_id]',
    ],
    [
      'button text over 75 characters',
      [{ type: 'actions', elements: [button('go', 't'.repeat(76))] }],
      'must be at most 75 characters, got 76 [json-pointer:/blocks/0/elements/0/text/text]',
    ],
    [
      'a button value over 2000 characters',
      [{ type: 'actions', elements: [button('go', 'Go', 'v'.repeat(2001))] }],
      'must be at most 2000 characters, got 2001 [json-pointer:/blocks/0/elements/0/value]',
    ],
    [
      'a button accessibility_label over 75 characters',
      [{ type: 'actions', elements: [{ ...button('go'), accessibility_label: 'a'.repeat(76) }] }],
      'must be at most 75 characters, got 76 [json-pointer:/blocks/0/elements/0/accessibility_label]',
    ],
    [
      'option text over 75 characters',
      [input('q', { type: 'radio_buttons', action_id: 'a', options: [option('o'.repeat(76), 'kafka')] })],
      'must be at most 75 characters, got 76 [json-pointer:/blocks/0/element/options/0/text/text]',
    ],
    [
      'an option value over 150 characters',
      [input('q', { type: 'static_select', action_id: 'a', options: [option('Kafka', 'k'.repeat(151))] })],
      'must be at most 150 characters, got 151 [json-pointer:/blocks/0/element/options/0/value]',
    ],
    [
      'an input label over 2000 characters',
      [{ ...input('q', { type: 'plain_text_input', action_id: 'a' }), label: plain('l'.repeat(2001)) }],
      'must be at most 2000 characters, got 2001 [json-pointer:/blocks/0/label/text]',
    ],
    [
      'an input hint over 2000 characters',
      [input('q', { type: 'plain_text_input', action_id: 'a' }, { hint: plain('h'.repeat(2001)) })],
      'must be at most 2000 characters, got 2001 [json-pointer:/blocks/0/hint/text]',
    ],
    [
      'a plain_text_input outside an input block',
      [{ type: 'actions', elements: [{ type: 'plain_text_input', action_id: 'a' }] }],
      'plain_text_input can only be used as the element of an input block [json-pointer:/blocks/0/elements/0/type]',
    ],
    [
      'a button as the element of an input block',
      [input('q', button('go'))],
      'button cannot be used in an input block [json-pointer:/blocks/0/element/type]',
    ],
    [
      'more than 10 radio buttons',
      [
        input('q', {
          type: 'radio_buttons',
          action_id: 'a',
          options: times(11, (i) => option(`o${i}`, `v${i}`)),
        }),
      ],
      'must contain at most 10 options, got 11 [json-pointer:/blocks/0/element/options]',
    ],
  ])('rejects %s', (_case, blocks, problem) => {
    expect(checkMessageBlocks(blocks)).toEqual([problem]);
  });

  it('rejects a text fallback over 40000 characters', () => {
    expect(checkMessageText('t'.repeat(40_001))).toEqual([
      'must be at most 40000 characters, got 40001 [json-pointer:/text]',
    ]);
  });

  it('rejects blocks that are not an array', () => {
    expect(checkMessageBlocks('[]')).toEqual(['must be an array of blocks [json-pointer:/blocks]']);
  });
});

describe('view limits', () => {
  it('accepts a questionnaire modal', () => {
    const view = modal({
      private_metadata: JSON.stringify({ step: 1 }),
      blocks: [
        section('Step 1 of 3'),
        input('throughput', { type: 'number_input', action_id: 'value', is_decimal_allowed: false }),
        input('ops_team', {
          type: 'radio_buttons',
          action_id: 'value',
          options: [option('Yes', 'yes'), option('No', 'no')],
        }),
        input('concerns', {
          type: 'checkboxes',
          action_id: 'value',
          options: [option('Cost', 'cost'), option('Latency', 'latency')],
        }),
        input('notes', { type: 'plain_text_input', action_id: 'value', multiline: true }, { optional: true }),
      ],
    });

    expect(checkView(view, 'modal')).toEqual([]);
  });

  it.each([
    [
      'more than 100 blocks',
      modal({ blocks: times(101, (i) => section(`row ${i}`)) }),
      'must contain at most 100 blocks, got 101 [json-pointer:/view/blocks]',
    ],
    ['a missing type', { ...modal(), type: undefined }, "must be 'modal' [json-pointer:/view/type]"],
    ['a missing title', modal({ title: undefined }), 'is required [json-pointer:/view/title]'],
    [
      'a title over 24 characters',
      modal({ title: plain('t'.repeat(25)) }),
      'must be at most 24 characters, got 25 [json-pointer:/view/title/text]',
    ],
    [
      'a submit label over 24 characters',
      modal({ submit: plain('s'.repeat(25)) }),
      'must be at most 24 characters, got 25 [json-pointer:/view/submit/text]',
    ],
    [
      'a close label over 24 characters',
      modal({ close: plain('c'.repeat(25)) }),
      'must be at most 24 characters, got 25 [json-pointer:/view/close/text]',
    ],
    [
      'a mrkdwn title',
      modal({ title: { type: 'mrkdwn', text: 'Hi' } }),
      'must be a text object of type plain_text [json-pointer:/view/title]',
    ],
    [
      'private_metadata over 3000 characters',
      modal({ private_metadata: 'p'.repeat(3001) }),
      'must be at most 3000 characters, got 3001 [json-pointer:/view/private_metadata]',
    ],
    [
      'a callback_id over 255 characters',
      modal({ callback_id: 'c'.repeat(256) }),
      'must be at most 255 characters, got 256 [json-pointer:/view/callback_id]',
    ],
    [
      'input blocks without a submit button',
      modal({ submit: undefined, blocks: [input('q', { type: 'plain_text_input', action_id: 'a' })] }),
      'is required when the view contains input blocks [json-pointer:/view/submit]',
    ],
    [
      'a number_input without is_decimal_allowed',
      modal({ blocks: [input('q', { type: 'number_input', action_id: 'a' })] }),
      'is required in a number_input and must be a boolean [json-pointer:/view/blocks/0/element/is_decimal_allowed]',
    ],
    [
      'duplicate block_ids',
      modal({ blocks: [section('a', 'step'), section('b', 'step')] }),
      "duplicate block_id 'step': block_ids must be unique [json-pointer:/view/blocks/1/block_id]",
    ],
  ])('rejects %s', (_case, view, problem) => {
    expect(checkView(view, 'modal')).toEqual([problem]);
  });

  it('rejects a modal published as a Home tab', () => {
    expect(checkView(modal(), 'home')).toEqual(["must be 'home' [json-pointer:/view/type]"]);
  });

  it('accepts a Home tab without a title', () => {
    expect(checkView({ type: 'home', blocks: [section('Welcome')] }, 'home')).toEqual([]);
  });
});
