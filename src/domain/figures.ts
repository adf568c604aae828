/**
 * Workload figures people could not give exactly. Beside each number question a person may pick a rough range
 * (priced at the range's stated figure) or "Don't know", either leaving the figure unpriced or agreeing to the
 * question's stated typical figure. The choice is stored in place of the number, as a stable id.
 *
 * For a team, a typical figure is used only when nobody gave the figure (exactly or as a range): a number
 * somebody actually gave always beats a guess. A figure nobody gave and nobody agreed to guess leaves the
 * estimate unpriced, and the verdict says which figures were assumed, and by whom.
 */
import { numberFits } from './answer-fit.js';
import { formatAmount } from './format.js';
import { ALL_QUESTIONS } from './questions.js';
import type { Answers, AnswerValue, FigureNote, NumberQuestion, RoughRange } from './types.js';

/** "Don't know", not to be priced. */
export const FIGURE_UNKNOWN = 'dont_know';
/** "Don't know", priced at the question's typical figure. */
export const FIGURE_TYPICAL = 'dont_know_typical';

/** One choice of the rough answer beside a number question, as the form offers it. */
export interface RoughChoice {
  id: string;
  label: string;
}

export interface Figure {
  basis: 'given' | 'range' | 'typical' | 'unknown';
  /** What the estimate uses; absent when the figure is not to be priced. */
  value?: number;
  /** The rough range given, for basis 'range'. */
  range?: RoughRange;
  dontKnow: boolean;
}

/** The form field beside a number question that holds its rough answer (also the Slack block_id). */
export function roughFieldOf(questionId: string): string {
  return `${questionId}_rough`;
}

/** The rough choices offered for a number question: its ranges, then the two kinds of "Don't know". */
export function roughChoicesOf(question: NumberQuestion): RoughChoice[] {
  return [
    ...question.ranges.map((range) => ({
      id: range.id,
      // A range of one value ("one day") is priced at it, which needs no saying.
      label:
        range.low === range.high
          ? rangeWords(question, range)
          : `${rangeWords(question, range)} (priced at ${formatAmount(range.pricedAt, question)})`,
    })),
    {
      id: FIGURE_TYPICAL,
      label: `Don't know: use a typical ${formatAmount(question.typical, question)}`,
    },
    { id: FIGURE_UNKNOWN, label: "Don't know: leave it out of the price" },
  ];
}

export function roughIdsOf(question: NumberQuestion): string[] {
  return [...question.ranges.map((range) => range.id), FIGURE_TYPICAL, FIGURE_UNKNOWN];
}

/** What an answer to a number question stands for, or undefined when it does not fit the question. */
export function figureOf(question: NumberQuestion, value: AnswerValue | undefined): Figure | undefined {
  if (typeof value === 'number') {
    return numberFits(question, value) ? { basis: 'given', value, dontKnow: false } : undefined;
  }
  if (value === FIGURE_TYPICAL) return { basis: 'typical', value: question.typical, dontKnow: true };
  if (value === FIGURE_UNKNOWN) return { basis: 'unknown', dontKnow: true };
  const range = question.ranges.find((candidate) => candidate.id === value);
  return range && { basis: 'range', value: range.pricedAt, range, dontKnow: false };
}

/** A range with its unit: "10 to 100 MB/s", "one day". */
function rangeWords(question: NumberQuestion, range: RoughRange): string {
  return range.words ?? `${range.label} ${question.unit}`;
}

/** A rough answer in words: "10 to 100 MB/s", "don't know". */
export function roughWords(question: NumberQuestion, value: string): string {
  const range = question.ranges.find((candidate) => candidate.id === value);
  if (range) return rangeWords(question, range);
  if (value === FIGURE_TYPICAL) return `don't know (a typical ${formatAmount(question.typical, question)})`;
  return "don't know";
}

const NUMBER_QUESTIONS = ALL_QUESTIONS.filter(
  (question): question is NumberQuestion => question.kind === 'number',
);

export interface Respondent {
  userId: string;
  answers: Answers;
}

/**
 * Everyone's answers with a typical figure dropped (kept as an unpriced "Don't know") wherever someone else gave
 * that figure, so the team's estimate rests on what people know before what they agreed to guess.
 */
export function settleFigures<Person extends Respondent>(people: readonly Person[]): Person[] {
  const known = new Set(
    NUMBER_QUESTIONS.filter((question) =>
      people.some((person) => {
        const basis = figureOf(question, person.answers[question.id])?.basis;
        return basis === 'given' || basis === 'range';
      }),
    ).map((question) => question.id),
  );
  if (known.size === 0) return [...people];
  return people.map((person) => {
    const dropped = [...known].filter((id) => person.answers[id] === FIGURE_TYPICAL);
    if (dropped.length === 0) return person;
    const answers = { ...person.answers };
    for (const id of dropped) answers[id] = FIGURE_UNKNOWN;
    return { ...person, answers };
  });
}

/**
 * The figures the estimate does not have exactly, in question order: ranges given (with who gave them), typical
 * figures used (with who agreed), and figures nobody gave (with who said "Don't know"). `pricedAt` is the
 * figure the team's estimate uses: `priced` gives it (the team's median).
 */
export function figureNotes(
  people: readonly Respondent[],
  priced: (questionId: string) => number | undefined,
): FigureNote[] {
  return NUMBER_QUESTIONS.flatMap((question): FigureNote[] => {
    const by = {
      given: [] as string[],
      range: [] as string[],
      typical: [] as string[],
      unknown: [] as string[],
    };
    const said = new Set<string>();
    for (const person of people) {
      const value = person.answers[question.id];
      const figure = figureOf(question, value);
      if (!figure) continue;
      by[figure.basis].push(person.userId);
      if (figure.basis === 'range' && typeof value === 'string') said.add(roughWords(question, value));
    }
    const pricedAt = priced(question.id);
    if (by.given.length === 0 && by.range.length > 0 && pricedAt !== undefined) {
      return [
        { questionId: question.id, basis: 'range', pricedAt, said: [...said].join(', '), userIds: by.range },
      ];
    }
    if (by.given.length > 0 || by.range.length > 0) return [];
    if (by.typical.length > 0 && pricedAt !== undefined) {
      return [{ questionId: question.id, basis: 'typical', pricedAt, userIds: by.typical }];
    }
    return by.unknown.length > 0 ? [{ questionId: question.id, basis: 'unknown', userIds: by.unknown }] : [];
  });
}

/** Figures the estimate had to guess or could not price at all: they make the verdict's cost fragile. */
export function guessedFigures(notes: readonly FigureNote[]): string[] {
  return notes.filter((note) => note.basis !== 'range').map((note) => shortOf(note.questionId));
}

function shortOf(questionId: string): string {
  return ALL_QUESTIONS.find((question) => question.id === questionId)?.short ?? questionId;
}

/**
 * One line per note, for the verdict: "average writes: nobody knew, so it is priced at a typical 1 MB/s (agreed by
 * <@U1>)". `name` renders a person (a mention in Slack); without it the line speaks to the one person whose
 * own verdict it is.
 */
export function figureLines(notes: readonly FigureNote[], name?: (userId: string) => string): string[] {
  return notes.map((note) => {
    const question = NUMBER_QUESTIONS.find((candidate) => candidate.id === note.questionId);
    if (!question) return note.questionId;
    const people = name && note.userIds.length > 0 ? named(note.userIds, name) : undefined;
    const figure = (value: number) => formatAmount(value, question);
    switch (note.basis) {
      case 'range':
        return (
          `${question.short}: a range (${note.said}${people ? `, from ${people}` : ''}), ` +
          `priced at ${figure(note.pricedAt ?? 0)}`
        );
      case 'typical':
        return people
          ? `${question.short}: nobody knew, so it is priced at a typical ${figure(note.pricedAt ?? 0)} (agreed by ${people})`
          : `${question.short}: “Don't know”, so it is priced at a typical ${figure(note.pricedAt ?? 0)}, as you agreed`;
      default:
        return people
          ? `${question.short}: nobody knew (${people} said “Don't know”), so the cost cannot be priced until someone gives it`
          : `${question.short}: “Don't know”, so the cost cannot be priced until you or a teammate gives it`;
    }
  });
}

/**
 * The same notes in at most three lines, one per kind, for the channel message that must fit one screen:
 * "priced at typical figures: average writes 1 MB/s, days kept 7 days (agreed by <@U1>, <@U2>)".
 */
export function figureSummary(notes: readonly FigureNote[], name: (userId: string) => string): string[] {
  const lines: string[] = [];
  const group = (basis: FigureNote['basis']) => notes.filter((note) => note.basis === basis);
  const people = (of: readonly FigureNote[]) =>
    named([...new Set(of.flatMap((note) => note.userIds))].sort(), name);
  const priced = (note: FigureNote) => {
    const question = NUMBER_QUESTIONS.find((candidate) => candidate.id === note.questionId);
    return question ? `${question.short} ${formatAmount(note.pricedAt ?? 0, question)}` : note.questionId;
  };
  const ranges = group('range');
  if (ranges.length > 0) lines.push(`priced inside ranges given: ${ranges.map(priced).join(', ')}`);
  const typical = group('typical');
  if (typical.length > 0) {
    lines.push(`priced at typical figures: ${typical.map(priced).join(', ')} (agreed by ${people(typical)})`);
  }
  const unknown = group('unknown');
  if (unknown.length > 0) {
    lines.push(
      `not priced, nobody knew: ${unknown.map((note) => shortOf(note.questionId)).join(', ')} ` +
        `(${people(unknown)} said “Don't know”)`,
    );
  }
  return lines;
}

/** A few people by name and the rest counted, so a large team's line stays one line. */
const NAMED_PEOPLE = 3;
/** The first few people by name, then how many more: "Alice, Bob, Carol and 4 more". */
export function named(
  userIds: readonly string[],
  name: (userId: string) => string,
  shown = NAMED_PEOPLE,
): string {
  const names = userIds.slice(0, shown).map(name).join(', ');
  const more = userIds.length - shown;
  return more > 0 ? `${names} and ${more} more` : names;
}
