import { describe, expect, it } from 'vitest';
import { ALL_QUESTIONS, questionById, STEPS, stepIndexOf } from '../../src/domain/index.js';

const SNAKE_CASE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

/** Facts every respondent knows about their own company, so they offer no "Don't know". */
const ALWAYS_KNOWN = ['company_size', 'engineering_practice', 'where_you_run'];

describe('the questionnaire', () => {
  it('has the six steps in order', () => {
    expect(STEPS.map((step) => step.title)).toEqual([
      'Team profile',
      'Workload',
      'Setup',
      'Running it (people)',
      'Risk',
      'What matters most',
    ]);
  });

  it('fits in about five minutes: at most 6 questions a step, 25 to 30 in all', () => {
    for (const step of STEPS) expect(step.questions.length).toBeLessThanOrEqual(6);
    expect(ALL_QUESTIONS.length).toBeGreaterThanOrEqual(25);
    expect(ALL_QUESTIONS.length).toBeLessThanOrEqual(30);
  });

  it('has unique, stable-looking ids', () => {
    const ids = [...STEPS.map((step) => step.id), ...ALL_QUESTIONS.map((question) => question.id)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(SNAKE_CASE);
      expect(id.length).toBeLessThanOrEqual(50);
    }
    for (const question of ALL_QUESTIONS) {
      if (question.kind === 'number') continue;
      const optionIds = question.options.map((option) => option.id);
      expect(new Set(optionIds).size, question.id).toBe(optionIds.length);
      for (const id of optionIds) {
        expect(id, question.id).toMatch(SNAKE_CASE);
        expect(id.length).toBeLessThanOrEqual(50);
      }
    }
  });

  it('says why every question matters, in prompts and labels short enough for Slack', () => {
    for (const step of STEPS) expect(step.intro.length).toBeGreaterThan(0);
    for (const question of ALL_QUESTIONS) {
      expect(question.help.length, question.id).toBeGreaterThan(20);
      expect(question.prompt.length, question.id).toBeLessThan(150);
      if (question.kind === 'number') continue;
      for (const option of question.options) expect(option.label.length, option.id).toBeLessThanOrEqual(75);
    }
  });

  it('offers "Don\'t know" wherever someone could honestly not know', () => {
    for (const question of ALL_QUESTIONS) {
      if (question.kind === 'number' || ALWAYS_KNOWN.includes(question.id)) continue;
      expect(question.options, question.id).toContainEqual(
        expect.objectContaining({ id: 'dont_know', label: "Don't know", dontKnow: true }),
      );
    }
  });

  it('asks for numbers only about the workload, each with a unit and a sane range', () => {
    const numbers = ALL_QUESTIONS.filter((question) => question.kind === 'number');
    const workload = STEPS.find((step) => step.id === 'workload');
    expect(numbers.map((question) => question.id)).toEqual([
      'avg_write_mbps',
      'peak_write_mbps',
      'avg_record_kb',
      'consumer_groups',
      'retention_days',
    ]);
    for (const question of numbers) {
      expect(workload?.questions).toContain(question);
      expect(question.unit.length).toBeGreaterThan(0);
      expect(question.min).toBeGreaterThan(0);
      expect(question.max).toBeGreaterThan(question.min);
      expect(question.initial, 'nothing is pre-filled').toBeUndefined();
    }
  });

  it('asks in the workload step for everything the cost estimate needs', () => {
    const workload = STEPS.find((step) => step.id === 'workload');
    expect(workload?.questions.map((question) => question.id)).toEqual([
      'avg_write_mbps',
      'peak_write_mbps',
      'avg_record_kb',
      'consumer_groups',
      'retention_days',
      'availability_zones',
    ]);
    expect(questionById('availability_zones')).toMatchObject({ kind: 'single' });
  });

  it('gives every question and answer a few words the verdict can quote', () => {
    for (const question of ALL_QUESTIONS) {
      expect(question.short.length, question.id).toBeGreaterThan(2);
      expect(question.short.length, question.id).toBeLessThanOrEqual(40);
      if (question.kind === 'number') continue;
      for (const option of question.options) {
        expect((option.short ?? option.label).length, `${question.id}.${option.id}`).toBeLessThanOrEqual(40);
      }
    }
    const shorts = ALL_QUESTIONS.map((question) => question.short);
    expect(new Set(shorts).size).toBe(shorts.length);
  });

  it('finds questions and steps by id', () => {
    expect(questionById('retention_days')).toMatchObject({ kind: 'number', unit: 'days', min: 1, max: 3650 });
    expect(questionById('no_such_question')).toBeUndefined();
    expect(stepIndexOf('team_profile')).toBe(0);
    expect(stepIndexOf('priorities')).toBe(5);
    expect(stepIndexOf('retired_step')).toBe(-1);
  });
});
