import { describe, expect, it } from 'vitest';
import { readBallot } from '../../src/domain/answer-parts.js';
import { whatWouldFlip } from '../../src/domain/flip.js';
import { DEFAULT_COST_SETTINGS } from '../../src/domain/index.js';
import { buildPanel } from '../../src/domain/panel.js';
import { panelEvidence } from '../../src/domain/panel-evidence.js';
import { weigh } from '../../src/domain/weighing.js';
import { randomAnswers, seededRandom } from './random-answers.js';

describe('the bounded flip search', () => {
  it('gives the flip of the exhaustive search on random people and teams', () => {
    const random = seededRandom(100);
    const seen = { flips: 0, none: 0, pairs: 0 };
    // At least 160 runs, and on until two-change flips have come up too (rare: a seed's first 160 may hold none).
    const covered = () => seen.flips > 40 && seen.none > 5 && seen.pairs > 0;
    for (let run = 0; run < 160 || (run < 800 && !covered()); run++) {
      // Teams from one person to sixty, some of them clones of a few answer sets so that people agree.
      const size = run < 80 ? 1 : 2 + Math.floor(random() * 59);
      const kinds = Array.from({ length: 1 + Math.floor(random() * 4) }, () => randomAnswers(random));
      const people = Array.from({ length: size }, () =>
        run % 2 === 0 ? randomAnswers(random) : (kinds[Math.floor(random() * kinds.length)] ?? {}),
      );
      const panel = buildPanel(people.map(readBallot), DEFAULT_COST_SETTINGS);
      const current = weigh(panelEvidence(panel)).recommendation;
      const bounded = whatWouldFlip(panel, current);
      expect(bounded, `run ${run}, ${size} people`).toEqual(
        whatWouldFlip(panel, current, { exhaustive: true }),
      );
      if (!bounded) seen.none++;
      else if (bounded.changes.length === 2) seen.pairs++;
      else seen.flips++;
    }
    // The property covers verdicts with a flip, without one, and flips that take two changes.
    expect(seen.flips).toBeGreaterThan(40);
    expect(seen.none).toBeGreaterThan(5);
    expect(seen.pairs).toBeGreaterThan(0);
  });
});
