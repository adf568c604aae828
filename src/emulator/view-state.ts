/**
 * What a person has entered into a surface, as Slack reports it in `state.values`.
 *
 * Shapes follow real payloads: every input block is present; an untouched radio/select is `selected_option: null`,
 * untouched checkboxes/multi-selects are `selected_options: []`, an empty text input is `value: null` (an empty
 * url_text_input has no `value` key at all) and number_input values are strings.
 */
import { isJsonObject } from './limits.js';
import type { ViewState, ViewStateValue } from './types.js';

/**
 * A person's answer for one block: an option value (radio_buttons, static_select), several option values
 * (checkboxes, multi_static_select), or typed text (plain_text_input, number_input, datepicker `YYYY-MM-DD`, ...).
 * `null` clears the field.
 */
export type Answer = string | readonly string[] | null;

/** Answers keyed by block_id. */
export type Answers = Readonly<Record<string, Answer>>;

type JsonObject = Record<string, unknown>;

interface StatefulElement {
  blockId: string;
  actionId: string;
  element: JsonObject;
  inInputBlock: boolean;
  optional: boolean;
}

/** Elements holding a single scalar: the state field it is reported in and the element field that presets it. */
const SCALAR_FIELDS: Record<string, { field: string; initial: string }> = {
  plain_text_input: { field: 'value', initial: 'initial_value' },
  email_text_input: { field: 'value', initial: 'initial_value' },
  url_text_input: { field: 'value', initial: 'initial_value' },
  number_input: { field: 'value', initial: 'initial_value' },
  datepicker: { field: 'selected_date', initial: 'initial_date' },
  timepicker: { field: 'selected_time', initial: 'initial_time' },
  users_select: { field: 'selected_user', initial: 'initial_user' },
  conversations_select: { field: 'selected_conversation', initial: 'initial_conversation' },
  channels_select: { field: 'selected_channel', initial: 'initial_channel' },
};

const LIST_FIELDS: Record<string, { field: string; initial: string }> = {
  multi_users_select: { field: 'selected_users', initial: 'initial_users' },
  multi_conversations_select: { field: 'selected_conversations', initial: 'initial_conversations' },
  multi_channels_select: { field: 'selected_channels', initial: 'initial_channels' },
};

const SINGLE_OPTION_ELEMENTS = new Set(['radio_buttons', 'static_select', 'external_select']);
const MULTI_OPTION_ELEMENTS = new Set(['checkboxes', 'multi_static_select', 'multi_external_select']);

/**
 * Builds `state.values` for `blocks`: an answer wins, then what the person had already entered (`current`),
 * then the element's initial value. Throws when an answer names a block that cannot take it, or an option
 * that the element does not offer, because a person could not have entered it either.
 */
export function buildViewState(
  blocks: readonly unknown[],
  answers: Answers = {},
  current?: ViewState,
): ViewState {
  const elements = statefulElements(blocks);
  assertAnswersFit(elements, answers);
  const values: ViewState['values'] = {};
  for (const stateful of elements) {
    const { blockId, actionId, element, inInputBlock } = stateful;
    const answer = answers[blockId];
    const previous = current?.values[blockId]?.[actionId];
    let value: ViewStateValue | undefined;
    if (answer !== undefined) value = stateFromAnswer(stateful, answer);
    else if (previous !== undefined && previous.type === element.type) value = previous;
    else value = initialState(element);
    if (value && (inInputBlock || hasValue(value))) {
      values[blockId] = { ...values[blockId], [actionId]: value };
    }
  }
  return { values };
}

/** Keeps what the person entered in elements that survive a view update (same block_id, action_id and type). */
export function retainViewState(blocks: readonly unknown[], previous: ViewState): ViewState {
  const values: ViewState['values'] = {};
  for (const { blockId, actionId, element } of statefulElements(blocks)) {
    const kept = previous.values[blockId]?.[actionId];
    if (kept && kept.type === element.type) values[blockId] = { ...values[blockId], [actionId]: kept };
  }
  return { values };
}

/**
 * The checks Slack's own client makes before it sends a view_submission: required inputs must be filled and
 * numbers must be numbers. Returns error messages keyed by block_id; empty when the submission would be sent.
 */
export function clientSideErrors(blocks: readonly unknown[], state: ViewState): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { blockId, actionId, element, inInputBlock, optional } of statefulElements(blocks)) {
    if (!inInputBlock) continue;
    const value = state.values[blockId]?.[actionId];
    if (!value || !hasValue(value)) {
      if (!optional) errors[blockId] = 'Please complete this required field.';
      continue;
    }
    const problem = typedValueProblem(element, value);
    if (problem) errors[blockId] = problem;
  }
  return errors;
}

/** Block ids of the input blocks in `blocks`: the only keys Slack accepts in `response_action: 'errors'`. */
export function inputBlockIds(blocks: readonly unknown[]): Set<string> {
  const ids = new Set<string>();
  for (const block of blocks) {
    if (isJsonObject(block) && block.type === 'input' && typeof block.block_id === 'string')
      ids.add(block.block_id);
  }
  return ids;
}

function statefulElements(blocks: readonly unknown[]): StatefulElement[] {
  const found: StatefulElement[] = [];
  for (const block of blocks) {
    if (!isJsonObject(block) || typeof block.block_id !== 'string') continue;
    const candidates =
      block.type === 'input'
        ? [block.element]
        : block.type === 'section'
          ? [block.accessory]
          : block.type === 'actions' && Array.isArray(block.elements)
            ? block.elements
            : [];
    for (const element of candidates) {
      if (!isJsonObject(element) || typeof element.action_id !== 'string' || !isStateful(element)) continue;
      found.push({
        blockId: block.block_id,
        actionId: element.action_id,
        element,
        inInputBlock: block.type === 'input',
        optional: block.optional === true,
      });
    }
  }
  return found;
}

function isStateful(element: JsonObject): boolean {
  const type = String(element.type);
  return (
    type in SCALAR_FIELDS ||
    type in LIST_FIELDS ||
    type === 'datetimepicker' ||
    SINGLE_OPTION_ELEMENTS.has(type) ||
    MULTI_OPTION_ELEMENTS.has(type)
  );
}

function assertAnswersFit(elements: StatefulElement[], answers: Answers): void {
  for (const blockId of Object.keys(answers)) {
    const inBlock = elements.filter((stateful) => stateful.blockId === blockId);
    if (inBlock.length === 0) {
      throw new Error(`no block with block_id '${blockId}' takes an answer in this view`);
    }
    if (inBlock.length > 1) {
      throw new Error(
        `block '${blockId}' has several elements; answers can only target single-element blocks`,
      );
    }
  }
}

function initialState(element: JsonObject): ViewStateValue {
  const type = String(element.type);
  const scalar = SCALAR_FIELDS[type];
  if (scalar) return scalarState(element, element[scalar.initial] ?? null);
  const list = LIST_FIELDS[type];
  if (list) return { type, [list.field]: element[list.initial] ?? [] };
  if (type === 'datetimepicker') return { type, selected_date_time: element.initial_date_time ?? null };
  if (SINGLE_OPTION_ELEMENTS.has(type)) return { type, selected_option: element.initial_option ?? null };
  return { type, selected_options: element.initial_options ?? [] };
}

function stateFromAnswer({ blockId, element }: StatefulElement, answer: Answer): ViewStateValue {
  const type = String(element.type);
  const where = `block '${blockId}' (${type})`;
  if (SINGLE_OPTION_ELEMENTS.has(type)) {
    if (Array.isArray(answer)) throw new Error(`${where} takes one option value, got a list`);
    return { type, selected_option: answer === null ? null : findOption(element, answer as string, where) };
  }
  if (MULTI_OPTION_ELEMENTS.has(type) || type in LIST_FIELDS) {
    const chosen = answer === null ? [] : typeof answer === 'string' ? [answer] : answer;
    const list = LIST_FIELDS[type];
    if (list) return { type, [list.field]: [...chosen] };
    return { type, selected_options: chosen.map((value) => findOption(element, value, where)) };
  }
  if (Array.isArray(answer)) throw new Error(`${where} takes a single value, got a list`);
  const text = answer as string | null;
  if (type === 'datetimepicker') return { type, selected_date_time: text === null ? null : Number(text) };
  return scalarState(element, text);
}

function scalarState(element: JsonObject, value: unknown): ViewStateValue {
  const type = String(element.type);
  const field = SCALAR_FIELDS[type]?.field ?? 'value';
  // An empty url_text_input is reported without a value key at all.
  if (type === 'url_text_input' && (value === null || value === '')) return { type };
  const state: ViewStateValue = { type, [field]: value === '' ? null : value };
  if (type === 'timepicker' && typeof element.timezone === 'string') state.timezone = element.timezone;
  return state;
}

function findOption(element: JsonObject, value: string, where: string): unknown {
  const groups = Array.isArray(element.option_groups) ? element.option_groups : [];
  const options = [
    ...(Array.isArray(element.options) ? element.options : []),
    ...groups.flatMap((group) => (isJsonObject(group) && Array.isArray(group.options) ? group.options : [])),
  ];
  const option = options.find((candidate) => isJsonObject(candidate) && candidate.value === value);
  if (option === undefined) {
    const offered = options.map((candidate) => (isJsonObject(candidate) ? candidate.value : '?')).join(', ');
    throw new Error(`${where} has no option with value '${value}' (offered: ${offered || 'none'})`);
  }
  return option;
}

function hasValue(value: ViewStateValue): boolean {
  return Object.entries(value).some(
    ([field, content]) =>
      field !== 'type' && field !== 'timezone' && content !== null && content !== '' && !isEmptyList(content),
  );
}

function isEmptyList(content: unknown): boolean {
  return Array.isArray(content) && content.length === 0;
}

function typedValueProblem(element: JsonObject, value: ViewStateValue): string | undefined {
  const text = typeof value.value === 'string' ? value.value : undefined;
  if (text === undefined) return undefined;
  if (element.type === 'number_input') {
    const number = Number(text);
    if (text.trim() === '' || !Number.isFinite(number)) return 'Please enter a number.';
    if (element.is_decimal_allowed !== true && !Number.isInteger(number))
      return 'Please enter a whole number.';
    if (element.min_value !== undefined && number < Number(element.min_value)) {
      return `Please enter a number greater than or equal to ${element.min_value}.`;
    }
    if (element.max_value !== undefined && number > Number(element.max_value)) {
      return `Please enter a number less than or equal to ${element.max_value}.`;
    }
  }
  if (element.type === 'plain_text_input') {
    if (typeof element.min_length === 'number' && text.length < element.min_length) {
      return `Please enter at least ${element.min_length} characters.`;
    }
    if (typeof element.max_length === 'number' && text.length > element.max_length) {
      return `Please enter at most ${element.max_length} characters.`;
    }
  }
  return undefined;
}
