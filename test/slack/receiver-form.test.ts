import querystring from 'node:querystring';
import { describe, expect, it } from 'vitest';
import { parseForm } from '../../src/slack/receiver.js';

/** The fields and their values, and whether the object inherits anything, as Bolt and the guard read them. */
const shape = (fields: object) => ({
  entries: Object.entries(fields),
  prototype: Object.getPrototypeOf(fields),
});

describe('the guard’s reading of a form body', () => {
  const view = JSON.stringify({
    type: 'view_submission',
    view: {
      private_metadata: '{"d":"a=b&c"}',
      state: { values: { q: { a: { value: '50% + 10 ü 🚀 ~*()!' } } } },
    },
  });

  it('reads exactly what querystring reads, interactive payloads and everything else', () => {
    const bodies = [
      new URLSearchParams({ payload: view }).toString(),
      `payload=${encodeURIComponent(view)}`,
      'payload=',
      'payload=a+b%2Bc%20d',
      'payload=%E2%9C%93=%3D',
      'payload=%ZZbroken%',
      'payload=%E2%9C',
      'payload=x&ssl_check=1',
      'ssl_check=1',
      'token=x&team_id=T0001&command=%2Fstream-verdict&text=Kafka+or+Kinesis%3F&trigger_id=1.2.3',
      'payload',
      '',
    ];
    for (const body of bodies) expect(shape(parseForm(body)), body).toEqual(shape(querystring.parse(body)));
  });

  it('matches querystring on random bodies of the characters that matter', () => {
    const alphabet = [
      'payload=',
      'a',
      'Z',
      '+',
      '%',
      '%2',
      '%25',
      '%2B',
      '%E2%9C%93',
      '%C3',
      '=',
      '&',
      'ü',
      '🚀',
      ' ',
    ];
    let seed = 16;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let run = 0; run < 2000; run++) {
      const parts = Array.from(
        { length: 1 + Math.floor(next() * 12) },
        () => alphabet[Math.floor(next() * alphabet.length)],
      );
      const body = (next() < 0.7 ? 'payload=' : '') + parts.join('');
      expect(shape(parseForm(body)), body).toEqual(shape(querystring.parse(body)));
    }
  });
});
