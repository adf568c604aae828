/**
 * Block Kit limits as Slack enforces them on the server side.
 *
 * Every check takes untrusted JSON (what arrived on the wire) and returns a list of problems, each one a string
 * in Slack's own style: `<what is wrong> [json-pointer:<path>]`. An empty list means Slack would accept it.
 * The Web API emulator turns problems into `invalid_blocks` / `invalid_arguments` errors with
 * `response_metadata.messages: ['[ERROR] <problem>']`, as Slack does.
 */

export const BLOCK_KIT_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  messageText: 40_000,
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  viewTitle: 24,
  viewSubmit: 24,
  viewClose: 24,
  privateMetadata: 3000,
  callbackId: 255,
  externalId: 255,
  blockId: 255,
  actionId: 255,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  buttonAccessibilityLabel: 75,
  optionText: 75,
  optionValue: 150,
  inputLabel: 2000,
  inputHint: 2000,
  radioButtonsOptions: 10,
  checkboxesOptions: 10,
  selectOptions: 100,
  overflowOptions: 5,
} as const;

export type Problem = string;

type JsonObject = Record<string, unknown>;
type Report = (pointer: string, message: string) => void;
type ElementHost = 'section' | 'actions' | 'input';

/** Elements that collect typed input: Slack only accepts them as the `element` of an input block. */
const INPUT_ONLY_ELEMENTS = new Set([
  'plain_text_input',
  'number_input',
  'email_text_input',
  'url_text_input',
  'file_input',
  'rich_text_input',
]);

const INPUT_BLOCK_ELEMENTS = new Set([
  ...INPUT_ONLY_ELEMENTS,
  'checkboxes',
  'radio_buttons',
  'datepicker',
  'timepicker',
  'datetimepicker',
  'static_select',
  'external_select',
  'users_select',
  'conversations_select',
  'channels_select',
  'multi_static_select',
  'multi_external_select',
  'multi_users_select',
  'multi_conversations_select',
  'multi_channels_select',
]);

const MAX_OPTIONS_BY_ELEMENT: Record<string, number> = {
  radio_buttons: BLOCK_KIT_LIMITS.radioButtonsOptions,
  checkboxes: BLOCK_KIT_LIMITS.checkboxesOptions,
  static_select: BLOCK_KIT_LIMITS.selectOptions,
  multi_static_select: BLOCK_KIT_LIMITS.selectOptions,
  overflow: BLOCK_KIT_LIMITS.overflowOptions,
};

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Problems with the `blocks` of a message (chat.postMessage, chat.update, chat.postEphemeral, response_url). */
export function checkMessageBlocks(blocks: unknown): Problem[] {
  const { problems, report } = collector();
  checkBlockList(blocks, '/blocks', BLOCK_KIT_LIMITS.messageBlocks, report);
  return problems;
}

/** Problems with the `text` of a message; Slack answers these with `msg_too_long`. */
export function checkMessageText(text: unknown): Problem[] {
  const { problems, report } = collector();
  if (typeof text === 'string') checkLength(text, '/text', BLOCK_KIT_LIMITS.messageText, report);
  return problems;
}

/**
 * Problems with a view (views.open/push/update/publish, or a view_submission `response_action`).
 * `expectedType` is the surface the view is meant for: a modal cannot be published as a Home tab.
 */
export function checkView(view: unknown, expectedType: 'modal' | 'home'): Problem[] {
  const { problems, report } = collector();
  if (!isJsonObject(view)) {
    report('/view', 'must be an object');
    return problems;
  }
  if (view.type !== expectedType) {
    report('/view/type', `must be '${expectedType}'`);
    return problems;
  }
  if (expectedType === 'modal') {
    checkPlainText(view.title, '/view/title', BLOCK_KIT_LIMITS.viewTitle, report, { required: true });
    checkPlainText(view.submit, '/view/submit', BLOCK_KIT_LIMITS.viewSubmit, report);
    checkPlainText(view.close, '/view/close', BLOCK_KIT_LIMITS.viewClose, report);
    const hasInputBlock =
      Array.isArray(view.blocks) && view.blocks.some((block) => blockType(block) === 'input');
    if (hasInputBlock && view.submit == null) {
      report('/view/submit', 'is required when the view contains input blocks');
    }
  }
  checkOptionalString(
    view.private_metadata,
    '/view/private_metadata',
    BLOCK_KIT_LIMITS.privateMetadata,
    report,
  );
  checkOptionalString(view.callback_id, '/view/callback_id', BLOCK_KIT_LIMITS.callbackId, report);
  checkOptionalString(view.external_id, '/view/external_id', BLOCK_KIT_LIMITS.externalId, report);
  checkBlockList(view.blocks, '/view/blocks', BLOCK_KIT_LIMITS.viewBlocks, report);
  return problems;
}

function collector(): { problems: Problem[]; report: Report } {
  const problems: Problem[] = [];
  return { problems, report: (pointer, message) => problems.push(`${message} [json-pointer:${pointer}]`) };
}

function blockType(block: unknown): unknown {
  return isJsonObject(block) ? block.type : undefined;
}

function checkBlockList(blocks: unknown, pointer: string, maxBlocks: number, report: Report): void {
  if (!Array.isArray(blocks)) {
    report(pointer, 'must be an array of blocks');
    return;
  }
  if (blocks.length > maxBlocks) {
    report(pointer, `must contain at most ${maxBlocks} blocks, got ${blocks.length}`);
  }
  const seenBlockIds = new Set<string>();
  blocks.forEach((block, index) => {
    const blockPointer = `${pointer}/${index}`;
    checkBlock(block, blockPointer, report);
    if (isJsonObject(block) && typeof block.block_id === 'string') {
      if (seenBlockIds.has(block.block_id)) {
        report(
          `${blockPointer}/block_id`,
          `duplicate block_id '${block.block_id}': block_ids must be unique`,
        );
      }
      seenBlockIds.add(block.block_id);
    }
  });
}

function checkBlock(block: unknown, pointer: string, report: Report): void {
  if (!isJsonObject(block) || typeof block.type !== 'string') {
    report(pointer, 'must be a block object with a type');
    return;
  }
  checkOptionalString(block.block_id, `${pointer}/block_id`, BLOCK_KIT_LIMITS.blockId, report);
  switch (block.type) {
    case 'section':
      checkSection(block, pointer, report);
      break;
    case 'header':
      checkPlainText(block.text, `${pointer}/text`, BLOCK_KIT_LIMITS.headerText, report, { required: true });
      break;
    case 'context':
      checkArray(block.elements, `${pointer}/elements`, BLOCK_KIT_LIMITS.contextElements, 'elements', report);
      break;
    case 'actions':
      checkActions(block, pointer, report);
      break;
    case 'input':
      checkInput(block, pointer, report);
      break;
  }
}

function checkSection(block: JsonObject, pointer: string, report: Report): void {
  if (block.text == null && block.fields == null) {
    report(pointer, 'a section must have text or fields');
  }
  if (block.text != null) checkText(block.text, `${pointer}/text`, BLOCK_KIT_LIMITS.sectionText, report);
  if (block.fields != null) {
    const fieldsPointer = `${pointer}/fields`;
    if (checkArray(block.fields, fieldsPointer, BLOCK_KIT_LIMITS.sectionFields, 'fields', report)) {
      block.fields.forEach((field, index) => {
        checkText(field, `${fieldsPointer}/${index}`, BLOCK_KIT_LIMITS.sectionFieldText, report);
      });
    }
  }
  if (block.accessory != null) checkElement(block.accessory, `${pointer}/accessory`, 'section', report);
}

function checkActions(block: JsonObject, pointer: string, report: Report): void {
  const elementsPointer = `${pointer}/elements`;
  if (!checkArray(block.elements, elementsPointer, BLOCK_KIT_LIMITS.actionsElements, 'elements', report))
    return;
  const seenActionIds = new Set<string>();
  block.elements.forEach((element, index) => {
    checkElement(element, `${elementsPointer}/${index}`, 'actions', report);
    if (isJsonObject(element) && typeof element.action_id === 'string') {
      if (seenActionIds.has(element.action_id)) {
        report(
          `${elementsPointer}/${index}/action_id`,
          `duplicate action_id '${element.action_id}': action_ids must be unique within a block`,
        );
      }
      seenActionIds.add(element.action_id);
    }
  });
}

function checkInput(block: JsonObject, pointer: string, report: Report): void {
  checkPlainText(block.label, `${pointer}/label`, BLOCK_KIT_LIMITS.inputLabel, report, { required: true });
  checkPlainText(block.hint, `${pointer}/hint`, BLOCK_KIT_LIMITS.inputHint, report);
  if (block.element == null) {
    report(`${pointer}/element`, 'is required in an input block');
    return;
  }
  checkElement(block.element, `${pointer}/element`, 'input', report);
}

function checkElement(element: unknown, pointer: string, host: ElementHost, report: Report): void {
  if (!isJsonObject(element) || typeof element.type !== 'string') {
    report(pointer, 'must be an element object with a type');
    return;
  }
  const { type } = element;
  if (host !== 'input' && INPUT_ONLY_ELEMENTS.has(type)) {
    report(`${pointer}/type`, `${type} can only be used as the element of an input block`);
  }
  if (host === 'input' && !INPUT_BLOCK_ELEMENTS.has(type)) {
    report(`${pointer}/type`, `${type} cannot be used in an input block`);
  }
  checkOptionalString(element.action_id, `${pointer}/action_id`, BLOCK_KIT_LIMITS.actionId, report);
  if (type === 'button') {
    checkPlainText(element.text, `${pointer}/text`, BLOCK_KIT_LIMITS.buttonText, report, { required: true });
    checkOptionalString(element.value, `${pointer}/value`, BLOCK_KIT_LIMITS.buttonValue, report);
    checkOptionalString(element.url, `${pointer}/url`, BLOCK_KIT_LIMITS.buttonUrl, report);
    checkOptionalString(
      element.accessibility_label,
      `${pointer}/accessibility_label`,
      BLOCK_KIT_LIMITS.buttonAccessibilityLabel,
      report,
    );
  }
  if (type === 'number_input' && typeof element.is_decimal_allowed !== 'boolean') {
    report(`${pointer}/is_decimal_allowed`, 'is required in a number_input and must be a boolean');
  }
  checkElementOptions(element, pointer, report);
}

function checkElementOptions(element: JsonObject, pointer: string, report: Report): void {
  const maxOptions = MAX_OPTIONS_BY_ELEMENT[String(element.type)];
  if (element.options != null) {
    const limit = maxOptions ?? BLOCK_KIT_LIMITS.selectOptions;
    if (checkArray(element.options, `${pointer}/options`, limit, 'options', report)) {
      element.options.forEach((option, index) => {
        checkOption(option, `${pointer}/options/${index}`, report);
      });
    }
  }
  if (Array.isArray(element.option_groups)) {
    element.option_groups.forEach((group, groupIndex) => {
      const groupPointer = `${pointer}/option_groups/${groupIndex}/options`;
      const options = isJsonObject(group) ? group.options : undefined;
      if (checkArray(options, groupPointer, BLOCK_KIT_LIMITS.selectOptions, 'options', report)) {
        options.forEach((option, index) => {
          checkOption(option, `${groupPointer}/${index}`, report);
        });
      }
    });
  }
  if (element.initial_option != null)
    checkOption(element.initial_option, `${pointer}/initial_option`, report);
  if (Array.isArray(element.initial_options)) {
    element.initial_options.forEach((option, index) => {
      checkOption(option, `${pointer}/initial_options/${index}`, report);
    });
  }
}

function checkOption(option: unknown, pointer: string, report: Report): void {
  if (!isJsonObject(option)) {
    report(pointer, 'must be an option object');
    return;
  }
  checkText(option.text, `${pointer}/text`, BLOCK_KIT_LIMITS.optionText, report);
  if (typeof option.value !== 'string') {
    report(`${pointer}/value`, 'is required in an option and must be a string');
  } else {
    checkLength(option.value, `${pointer}/value`, BLOCK_KIT_LIMITS.optionValue, report);
  }
}

function checkArray(
  value: unknown,
  pointer: string,
  max: number,
  noun: string,
  report: Report,
): value is unknown[] {
  if (!Array.isArray(value)) {
    report(pointer, `must be an array of ${noun}`);
    return false;
  }
  if (value.length > max) report(pointer, `must contain at most ${max} ${noun}, got ${value.length}`);
  return true;
}

function checkText(text: unknown, pointer: string, max: number, report: Report): void {
  if (!isJsonObject(text) || (text.type !== 'plain_text' && text.type !== 'mrkdwn')) {
    report(pointer, 'must be a text object of type plain_text or mrkdwn');
    return;
  }
  if (typeof text.text !== 'string') {
    report(`${pointer}/text`, 'is required and must be a string');
    return;
  }
  checkLength(text.text, `${pointer}/text`, max, report);
}

function checkPlainText(
  text: unknown,
  pointer: string,
  max: number,
  report: Report,
  { required = false } = {},
): void {
  if (text == null) {
    if (required) report(pointer, 'is required');
    return;
  }
  if (!isJsonObject(text) || text.type !== 'plain_text') {
    report(pointer, 'must be a text object of type plain_text');
    return;
  }
  if (typeof text.text !== 'string') {
    report(`${pointer}/text`, 'is required and must be a string');
    return;
  }
  checkLength(text.text, `${pointer}/text`, max, report);
}

function checkOptionalString(value: unknown, pointer: string, max: number, report: Report): void {
  if (value == null) return;
  if (typeof value !== 'string') {
    report(pointer, 'must be a string');
    return;
  }
  checkLength(value, pointer, max, report);
}

function checkLength(value: string, pointer: string, max: number, report: Report): void {
  if (value.length > max) report(pointer, `must be at most ${max} characters, got ${value.length}`);
}
