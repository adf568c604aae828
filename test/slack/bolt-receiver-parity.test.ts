import { createHash } from 'node:crypto';
import { HTTPReceiver } from '@slack/bolt';
import { describe, expect, it } from 'vitest';

/**
 * The HTTP guard hands signed payloads to the app itself, as Bolt's HTTPReceiver.handleIncomingEvent does
 * (deliverToApp in src/slack/receiver.ts). A Bolt release that changes that method (a fix in how it answers,
 * acknowledges or reports errors) would not reach us: this fails then, so whoever upgrades Bolt reads the new
 * method, brings deliverToApp level with it, and records the new fingerprint here.
 */
const HANDLE_INCOMING_EVENT_SHA256 = '69daa92b51607a4b4d41f4a1d1ca5ab98b17c54486531db77826588c4f5bf485';

describe('the guard’s delivery to the app', () => {
  it('follows the handleIncomingEvent of the Bolt installed (5.1.0 when it was written)', () => {
    const source = String((HTTPReceiver.prototype as unknown as Record<string, unknown>).handleIncomingEvent);
    expect(createHash('sha256').update(source).digest('hex')).toBe(HANDLE_INCOMING_EVENT_SHA256);
  });
});
