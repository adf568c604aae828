/**
 * Block Kit, rendered from the exact JSON the app sent: the blocks of messages and of modals, with the inputs
 * a person fills in. Inputs show what the person entered (the view's `state`) before their initial values,
 * and errors under their fields, as Slack's client does. Anything the sandbox cannot show is named in place
 * rather than silently dropped.
 */
import type { ViewState } from '../../emulator/index.js';
import { type HtmlValue, html, type SafeHtml } from './html.js';
import { type Directory, renderMrkdwn, renderPlainText } from './mrkdwn.js';

type Json = Record<string, unknown>;

export interface BlockRenderOptions {
  directory: Directory;
  /** What the person entered so far (a modal's `view.state`). */
  state?: ViewState;
  /** Errors shown under input blocks, keyed by block_id. */
  errors?: Readonly<Record<string, string>>;
}

function asObject(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A text object: `mrkdwn` or `plain_text`. */
export function renderText(value: unknown, directory: Directory): SafeHtml {
  const text = asObject(value);
  const content = asString(text?.text) ?? '';
  return text?.type === 'mrkdwn'
    ? renderMrkdwn(content, directory)
    : renderPlainText(content, { emoji: text?.emoji !== false });
}

/** The plain words of a text object, for attributes such as aria-label. */
function textOf(value: unknown): string {
  return asString(asObject(value)?.text) ?? '';
}

export function renderBlocks(blocks: readonly unknown[], options: BlockRenderOptions): SafeHtml {
  return html`${blocks.map((block, index) => renderBlock(asObject(block) ?? {}, index, options))}`;
}

function renderBlock(block: Json, index: number, options: BlockRenderOptions): SafeHtml {
  const { directory } = options;
  switch (block.type) {
    case 'header':
      return html`<h3 class="bk-header">${renderText(block.text, directory)}</h3>`;
    case 'section': {
      const fields = asArray(block.fields);
      return html`<div class="bk-section">
        <div class="bk-section-main">
          ${block.text === undefined ? '' : html`<div class="bk-text">${renderText(block.text, directory)}</div>`}
          ${
            fields.length === 0
              ? ''
              : html`<div class="bk-fields">${fields.map((field) => html`<div class="bk-field">${renderText(field, directory)}</div>`)}</div>`
          }
        </div>
        ${block.accessory === undefined ? '' : html`<div class="bk-accessory">${renderElement(asObject(block.accessory) ?? {}, block, directory)}</div>`}
      </div>`;
    }
    case 'context':
      return html`<div class="bk-context">${asArray(block.elements).map((element) => {
        const item = asObject(element) ?? {};
        return item.type === 'image'
          ? html`<img class="bk-context-image" src="${asString(item.image_url) ?? ''}" alt="${asString(item.alt_text) ?? ''}">`
          : html`<span>${renderText(item, directory)}</span>`;
      })}</div>`;
    case 'divider':
      return html`<hr class="bk-divider">`;
    case 'actions':
      return html`<div class="bk-actions">${asArray(block.elements).map((element) =>
        renderElement(asObject(element) ?? {}, block, directory),
      )}</div>`;
    case 'image':
      return html`<figure class="bk-image">
        ${block.title === undefined ? '' : html`<figcaption>${renderText(block.title, directory)}</figcaption>`}
        <img src="${asString(block.image_url) ?? ''}" alt="${asString(block.alt_text) ?? ''}">
      </figure>`;
    case 'input':
      return renderInputBlock(block, index, options);
    case 'rich_text':
      return html`<div class="bk-text">${renderPlainText(richTextOf(block))}</div>`;
    default:
      return unsupported(`block type "${String(block.type)}"`);
  }
}

function unsupported(what: string): SafeHtml {
  return html`<div class="bk-unsupported">The sandbox does not show ${what} yet.</div>`;
}

/**
 * A button's confirmation dialog, which Slack shows before it sends the click: its words travel as data attributes
 * and the page asks them before posting. Plain text only, as Slack's confirm objects take.
 */
function confirmOf(confirm: unknown): SafeHtml {
  if (!isObject(confirm)) return html``;
  const words = (value: unknown) => (isObject(value) ? (asString(value.text) ?? '') : '');
  return html` data-confirm-title="${words(confirm.title)}" data-confirm-text="${words(confirm.text)}" data-confirm-ok="${words(confirm.confirm)}" data-confirm-deny="${words(confirm.deny)}"`;
}

/** Interactive elements outside input blocks (actions, section accessories). */
function renderElement(element: Json, block: Json, directory: Directory): SafeHtml {
  switch (element.type) {
    case 'button': {
      const style = element.style === 'primary' || element.style === 'danger' ? ` bk-${element.style}` : '';
      const url = asString(element.url);
      // Slack reads a button's accessibility_label out instead of its text, as a screen reader does here.
      const spoken = asString(element.accessibility_label);
      const label = spoken ? html` aria-label="${spoken}"` : '';
      if (url && /^https?:\/\//i.test(url)) {
        return html`<a class="bk-button${style}" href="${url}" target="_blank" rel="noopener noreferrer"${label}>${renderText(element.text, directory)}</a>`;
      }
      return html`<button type="button" class="bk-button${style}" data-action-id="${asString(element.action_id) ?? ''}" data-block-id="${asString(block.block_id) ?? ''}"${label}${confirmOf(element.confirm)}>${renderText(element.text, directory)}</button>`;
    }
    case 'image':
      return html`<img class="bk-accessory-image" src="${asString(element.image_url) ?? ''}" alt="${asString(element.alt_text) ?? ''}">`;
    default:
      return unsupported(`"${String(element.type)}" elements outside an input block`);
  }
}

function richTextOf(block: Json): string {
  const parts: string[] = [];
  const walk = (node: unknown) => {
    const item = asObject(node);
    if (!item) return;
    if (typeof item.text === 'string') parts.push(item.text);
    else if (item.type === 'link') parts.push(asString(item.url) ?? '');
    else if (item.type === 'emoji') parts.push(`:${asString(item.name) ?? ''}:`);
    for (const child of asArray(item.elements)) walk(child);
    if (item.type === 'rich_text_section' || item.type === 'rich_text_preformatted') parts.push('\n');
  };
  walk(block);
  return parts.join('').trimEnd();
}

interface Field {
  /** Unique in the page: the index of the block in its view. */
  id: string;
  blockId: string;
  actionId: string;
  element: Json;
  current: Json | undefined;
  describedBy: string;
  invalid: boolean;
}

function renderInputBlock(block: Json, index: number, options: BlockRenderOptions): SafeHtml {
  const { directory } = options;
  const element = asObject(block.element) ?? {};
  const blockId = asString(block.block_id) ?? '';
  const actionId = asString(element.action_id) ?? '';
  const error = options.errors?.[blockId];
  const id = `field-${index}`;
  const hint = block.hint === undefined ? undefined : renderText(block.hint, directory);
  const field: Field = {
    id,
    blockId,
    actionId,
    element,
    current: asObject(options.state?.values[blockId]?.[actionId]),
    describedBy: [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' '),
    invalid: error !== undefined,
  };
  const grouped = element.type === 'radio_buttons' || element.type === 'checkboxes';
  const label = renderText(block.label, directory);
  const kind = inputKind(String(element.type));
  return html`<div class="bk-input${error ? ' bk-has-error' : ''}" data-input-block data-block-id="${blockId}" data-kind="${kind ?? 'unsupported'}">
    <div class="bk-label-row">
      ${grouped ? html`<span class="bk-label" id="${id}-label">${label}</span>` : html`<label class="bk-label" id="${id}-label" for="${id}">${label}</label>`}
      ${block.optional === true ? html`<span class="bk-optional">(optional)</span>` : ''}
    </div>
    ${kind ? renderInputElement(field, directory) : unsupported(`"${String(element.type)}" inputs`)}
    ${hint ? html`<p class="bk-hint" id="${id}-hint">${hint}</p>` : ''}
    ${error ? html`<p class="bk-error" id="${id}-error">${renderPlainText(error)}</p>` : ''}
  </div>`;
}

/** How the page reads a field back: one option, several options, or typed text. */
function inputKind(type: string): 'radio' | 'checkboxes' | 'select' | 'multiselect' | 'text' | undefined {
  switch (type) {
    case 'radio_buttons':
      return 'radio';
    case 'checkboxes':
      return 'checkboxes';
    case 'static_select':
      return 'select';
    case 'multi_static_select':
      return 'multiselect';
    case 'plain_text_input':
    case 'number_input':
    case 'email_text_input':
    case 'url_text_input':
    case 'datepicker':
    case 'timepicker':
      return 'text';
    default:
      return undefined;
  }
}

interface OptionJson {
  value: string;
  text: unknown;
  description?: unknown;
}

function optionsOf(element: Json): OptionJson[] {
  const direct = asArray(element.options);
  const grouped = asArray(element.option_groups).flatMap((group) => asArray(asObject(group)?.options));
  return [...direct, ...grouped].flatMap((option) => {
    const item = asObject(option);
    const value = asString(item?.value);
    return item && value !== undefined ? [{ value, text: item.text, description: item.description }] : [];
  });
}

/** Option values chosen: what the person entered, else the element's initial options. */
function chosenValues(field: Field): Set<string> {
  const optionValue = (option: unknown) => asString(asObject(option)?.value);
  const { current, element } = field;
  const chosen = current
    ? [current.selected_option, ...asArray(current.selected_options)]
    : [element.initial_option, ...asArray(element.initial_options)];
  return new Set(chosen.map(optionValue).filter((value): value is string => value !== undefined));
}

function renderInputElement(field: Field, directory: Directory): SafeHtml {
  const { id, element } = field;
  const described = field.describedBy ? html` aria-describedby="${field.describedBy}"` : '';
  const invalid = field.invalid ? html` aria-invalid="true"` : '';
  const options = optionsOf(element);
  const chosen = chosenValues(field);
  const placeholder = element.placeholder === undefined ? undefined : textOf(element.placeholder);

  switch (element.type) {
    case 'radio_buttons':
    case 'checkboxes': {
      const isRadio = element.type === 'radio_buttons';
      return html`<div class="bk-choices" role="${isRadio ? 'radiogroup' : 'group'}" aria-labelledby="${id}-label"${described}${invalid}>
        ${options.map(
          (option, n) => html`<label class="bk-choice" for="${id}-${n}">
            <input type="${isRadio ? 'radio' : 'checkbox'}" id="${id}-${n}" name="${id}" value="${option.value}"${chosen.has(option.value) ? html` checked` : ''}>
            <span class="bk-choice-text">${renderText(option.text, directory)}${
              option.description === undefined
                ? ''
                : html`<span class="bk-choice-description">${renderText(option.description, directory)}</span>`
            }</span>
          </label>`,
        )}
      </div>`;
    }
    case 'static_select':
    case 'multi_static_select': {
      const multiple = element.type === 'multi_static_select';
      return html`<select class="bk-select" id="${id}" name="${id}"${multiple ? html` multiple` : ''}${described}${invalid}>
        ${multiple ? '' : html`<option value=""${chosen.size === 0 ? html` selected` : ''}>${placeholder ?? 'Select an item'}</option>`}
        ${options.map(
          (option) =>
            html`<option value="${option.value}"${chosen.has(option.value) ? html` selected` : ''}>${textOf(option.text)}</option>`,
        )}
      </select>`;
    }
    default:
      return renderTextInput(field, html`${described}${invalid}`, placeholder);
  }
}

function renderTextInput(field: Field, aria: SafeHtml, placeholder: string | undefined): SafeHtml {
  const { id, element, current } = field;
  const stateField =
    element.type === 'datepicker'
      ? 'selected_date'
      : element.type === 'timepicker'
        ? 'selected_time'
        : 'value';
  const initialField =
    element.type === 'datepicker'
      ? 'initial_date'
      : element.type === 'timepicker'
        ? 'initial_time'
        : 'initial_value';
  const value = current ? asString(current[stateField]) : asString(element[initialField]);
  const common: HtmlValue = html`id="${id}" name="${id}"${aria}${placeholder ? html` placeholder="${placeholder}"` : ''}`;
  if (element.type === 'plain_text_input' && element.multiline === true) {
    return html`<textarea class="bk-text-input" rows="4" ${common}>${value ?? ''}</textarea>`;
  }
  // Numbers are typed as text, as in Slack: the emulated client, not the browser, says what is wrong with them.
  const type =
    element.type === 'datepicker'
      ? 'date'
      : element.type === 'timepicker'
        ? 'time'
        : element.type === 'email_text_input'
          ? 'email'
          : element.type === 'url_text_input'
            ? 'url'
            : 'text';
  const inputMode = element.type === 'number_input' ? html` inputmode="decimal"` : '';
  return html`<input class="bk-text-input" type="${type}"${inputMode} ${common} value="${value ?? ''}">`;
}
