/**
 * The team verdict for 300 respondents (measures.ts, timeTeamVerdict), timed in a process of its own, as the
 * publisher runs in the app's process: the bench's own process holds the emulated Slack workspace with every
 * message and view of the HTTP scenarios, and its heap made each garbage collection, and so the timing, longer.
 * Prints the timings as one line of JSON. Run by run.ts.
 */
import { randomRespondent, seededRandom } from './answers.js';
import { TEAM_VERDICT_RESPONDENTS, timeTeamVerdict } from './measures.js';

const RUNS = 100;

const random = seededRandom(300);
const crowd = Array.from({ length: TEAM_VERDICT_RESPONDENTS }, () => randomRespondent(random));
process.stdout.write(`${JSON.stringify(timeTeamVerdict(crowd, RUNS))}\n`);
