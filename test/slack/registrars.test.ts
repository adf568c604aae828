import { describe, expect, it } from 'vitest';
import { ACTION_IDS, CALLBACK_IDS } from '../../src/slack/ids.js';
import { ACTION_LISTENERS } from '../../src/slack/listeners/actions/index.js';
import { VIEW_LISTENERS } from '../../src/slack/listeners/views/index.js';

/**
 * The guard in front of the listeners acknowledges, empty, any interaction the registrars do not claim. So an
 * id the views put on screen without a listener would be swallowed: a button that does nothing.
 */
describe('the registrars', () => {
  it('listen to every button id the views use (the questions’ own inputs send no actions)', () => {
    const buttons = Object.values(ACTION_IDS).filter((id) => id !== ACTION_IDS.answer);
    expect(Object.keys(ACTION_LISTENERS).sort()).toEqual([...buttons].sort());
  });

  it('listen to every modal that can be submitted (the Details modal only closes)', () => {
    const submitted = Object.values(CALLBACK_IDS).filter((id) => id !== CALLBACK_IDS.verdictDetails);
    expect(Object.keys(VIEW_LISTENERS).sort()).toEqual([...submitted].sort());
  });
});
