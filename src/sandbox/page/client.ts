/**
 * The page's script, served as-is to the browser (no bundler, no build step of its own). It holds no Slack
 * logic: it asks `/api/page` for what the current person sees, renders nothing itself beyond swapping the
 * server-rendered regions, reads what was typed into the modal, and posts the person's actions. The server
 * announces every workspace change over server-sent events; the page then asks again.
 */
export const PAGE_SCRIPT = `
'use strict';
const params = new URLSearchParams(location.search);
const state = {
  user: params.get('user') || '',
  channel: params.get('channel') || '',
  thread: 'auto',
  threadTs: null,
  home: params.get('home') === '1',
  homeHtml: null,
  modalKey: null,
  channelHtml: null,
  threadHtml: null,
};
const byId = (id) => document.getElementById(id);

let loading = null;
let reloadAfter = false;

function refresh() {
  if (loading) {
    reloadAfter = true;
    return loading;
  }
  loading = (async () => {
    do {
      reloadAfter = false;
      await load();
    } while (reloadAfter);
  })().finally(() => {
    loading = null;
  });
  return loading;
}

async function load() {
  const asked = { user: state.user, channel: state.channel, home: state.home };
  const query = new URLSearchParams({ user: state.user, channel: state.channel, thread: state.thread });
  if (state.home) query.set('home', '1');
  const response = await fetch('/api/page?' + query);
  const page = await response.json().catch(() => null);
  if (!response.ok || !page) {
    showToast((page && page.error) || 'The sandbox did not answer.');
    return;
  }
  // Someone else was picked, or another channel, while this page was on its way: rendering it would switch the
  // person back (and act as them). The refresh the change asked for follows.
  const moved =
    (asked.user && state.user !== asked.user) ||
    (asked.channel && state.channel !== asked.channel) ||
    state.home !== asked.home;
  if (moved) return;
  render(page);
}

function render(page) {
  const channelChanged = state.channel !== page.channel.id;
  state.user = page.me.id;
  state.channel = page.channel.id;
  const address = new URLSearchParams({ user: state.user, channel: state.channel });
  if (state.home) address.set('home', '1');
  history.replaceState(null, '', '?' + address);

  const switcher = byId('user-switcher');
  if (switcher.options.length !== page.users.length) {
    switcher.replaceChildren(...page.users.map((user) => new Option(user.name, user.id)));
  }
  switcher.value = state.user;

  byId('channel-list').replaceChildren(
    ...page.channels.map((channel) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.channelId = channel.id;
      button.textContent = '# ' + channel.name;
      if (channel.id === state.channel && !state.home) button.setAttribute('aria-current', 'true');
      item.append(button);
      return item;
    }),
  );
  const homeButton = byId('open-home');
  if (state.home) homeButton.setAttribute('aria-current', 'true');
  else homeButton.removeAttribute('aria-current');
  byId('channel-title').textContent = state.home ? 'Stream Verdict · Home' : '#' + page.channel.name;
  byId('channel-topic').textContent = state.home ? 'Decisions you started or answered' : page.channel.topic;
  byId('messages').hidden = state.home;
  byId('composer').hidden = state.home;
  byId('composer-hint').hidden = state.home;
  const home = byId('home');
  home.hidden = !state.home;
  const homeHtml = page.home ? page.home.html : '';
  if (homeHtml !== state.homeHtml) {
    home.innerHTML = homeHtml;
    state.homeHtml = homeHtml;
  }
  const composer = byId('composer-input');
  composer.setAttribute('aria-label', 'Message #' + page.channel.name);
  composer.placeholder = 'Message #' + page.channel.name;
  byId('composer-hint').textContent = 'Try ' + page.commandHint;

  const messages = byId('messages');
  if (page.channelHtml !== state.channelHtml) {
    const atBottom = messages.scrollHeight - messages.scrollTop - messages.clientHeight < 48;
    messages.innerHTML = page.channelHtml;
    state.channelHtml = page.channelHtml;
    if (atBottom || channelChanged) messages.scrollTop = messages.scrollHeight;
  }

  const pane = byId('thread-pane');
  byId('app').classList.toggle('with-thread', Boolean(page.thread));
  pane.hidden = !page.thread;
  state.threadTs = page.thread ? page.thread.ts : null;
  byId('thread-channel').textContent = '#' + page.channel.name;
  const threadHtml = page.thread ? page.thread.html : '';
  if (threadHtml !== state.threadHtml) {
    const body = byId('thread');
    body.innerHTML = threadHtml;
    body.scrollTop = body.scrollHeight;
    state.threadHtml = threadHtml;
  }

  const modalKey = page.modal ? page.modal.key : null;
  if (modalKey !== state.modalKey) {
    const root = byId('modal-root');
    root.innerHTML = page.modal ? page.modal.html : '';
    state.modalKey = modalKey;
    focusModal(root);
  }

  const errors = byId('api-errors');
  errors.hidden = page.apiErrors.length === 0;
  byId('api-error-list').replaceChildren(
    ...page.apiErrors.map((text) => {
      const item = document.createElement('li');
      item.textContent = text;
      return item;
    }),
  );
}

function focusModal(root) {
  const invalid = root.querySelector('[aria-invalid="true"]');
  const target = invalid
    ? invalid.matches('input, select, textarea') ? invalid : invalid.querySelector('input')
    : root.querySelector('.modal-body input, .modal-body select, .modal-body textarea');
  if (invalid) invalid.closest('.bk-input').scrollIntoView({ block: 'center' });
  if (target) target.focus({ preventScroll: Boolean(invalid) });
}

let toastTimer;
function showToast(text) {
  const toast = byId('toast');
  toast.textContent = text;
  toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    toast.hidden = true;
  }, 8000);
}

async function post(path, body) {
  let result;
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(Object.assign({ user: state.user }, body)),
    });
    result = await response.json();
  } catch {
    result = { ok: false, error: 'The sandbox did not answer; is it still running?' };
  }
  if (!result.ok) showToast(result.error);
  else if (result.problems && result.problems.length > 0) {
    showToast('Slack would show an error here: ' + result.problems.join(' · '));
  }
  await refresh();
  return result;
}

/** What the person entered in each input block, keyed by block_id, as the emulated Slack client reads it. */
function readValues(form) {
  const values = {};
  for (const block of form.querySelectorAll('[data-input-block]')) {
    const id = block.dataset.blockId;
    switch (block.dataset.kind) {
      case 'radio': {
        const checked = block.querySelector('input[type=radio]:checked');
        values[id] = checked ? checked.value : null;
        break;
      }
      case 'checkboxes':
        values[id] = [...block.querySelectorAll('input[type=checkbox]:checked')].map((input) => input.value);
        break;
      case 'select':
        values[id] = block.querySelector('select').value || null;
        break;
      case 'multiselect':
        values[id] = [...block.querySelector('select').selectedOptions].map((option) => option.value);
        break;
      case 'text': {
        const value = block.querySelector('input, textarea').value;
        values[id] = value === '' ? null : value;
        break;
      }
    }
  }
  return values;
}

async function withBusy(control, work) {
  if (control.disabled) return;
  control.disabled = true;
  try {
    await work();
  } finally {
    control.disabled = false;
  }
}

/** A click on a Block Kit button, as Slack sends it: where it was, and what a modal holds. */
function act(target) {
  const body = { actionId: target.dataset.actionId, blockId: target.dataset.blockId };
  const message = target.closest('article[data-ts]');
  const modal = target.closest('form.modal');
  const view = target.closest('[data-view-id]');
  if (message) body.message = { channel: message.dataset.channel, ts: message.dataset.ts };
  else if (modal) body.values = readValues(modal);
  else if (view) body.viewId = view.dataset.viewId;
  withBusy(target, () => post('/api/click', body));
}

/** A button's confirm object, asked first as Slack asks it: nothing is sent unless the person confirms. */
function askFirst(target, proceed) {
  const dialog = document.createElement('dialog');
  dialog.className = 'confirm';
  dialog.setAttribute('role', 'alertdialog');
  dialog.setAttribute('aria-labelledby', 'confirm-title');
  const title = document.createElement('h2');
  title.id = 'confirm-title';
  title.textContent = target.dataset.confirmTitle;
  const text = document.createElement('p');
  text.textContent = target.dataset.confirmText || '';
  const deny = document.createElement('button');
  deny.type = 'button';
  deny.className = 'bk-button';
  deny.textContent = target.dataset.confirmDeny || 'Cancel';
  const ok = document.createElement('button');
  ok.type = 'button';
  ok.className = 'bk-button bk-primary';
  ok.textContent = target.dataset.confirmOk || 'Confirm';
  const buttons = document.createElement('div');
  buttons.className = 'confirm-buttons';
  buttons.append(deny, ok);
  dialog.append(title, text, buttons);
  deny.addEventListener('click', () => dialog.close());
  ok.addEventListener('click', () => {
    dialog.close();
    proceed();
  });
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
}

document.addEventListener('click', (event) => {
  const target = event.target.closest('button');
  if (!target) return;
  if (target.dataset.actionId !== undefined && target.dataset.confirmTitle !== undefined) {
    askFirst(target, () => act(target));
  } else if (target.dataset.actionId !== undefined) {
    act(target);
  } else if (target.hasAttribute('data-close-view')) {
    withBusy(target, () => post('/api/close', {}));
  } else if (target.dataset.openThread) {
    state.thread = target.dataset.openThread;
    refresh();
  } else if (target.hasAttribute('data-open-home')) {
    state.home = true;
    withBusy(target, () => post('/api/home', {}));
  } else if (target.dataset.channelId) {
    state.channel = target.dataset.channelId;
    state.thread = 'auto';
    state.home = false;
    refresh();
  } else if (target.id === 'thread-close') {
    state.thread = 'none';
    refresh();
  }
});

// A link to a message (the Home tab's View buttons are Slack permalinks) opens it here, in its thread.
document.addEventListener('click', (event) => {
  const link = event.target.closest('a[href]');
  const match = link && /\\/archives\\/([A-Z0-9]+)\\/p(\\d{10})(\\d{6})/.exec(link.getAttribute('href'));
  if (!match) return;
  event.preventDefault();
  state.home = false;
  state.channel = match[1];
  state.thread = match[2] + '.' + match[3];
  refresh();
});

document.addEventListener('submit', (event) => {
  event.preventDefault();
  const form = event.target;
  const submit = form.querySelector('[type=submit]');
  if (form.matches('form.modal')) {
    withBusy(submit, () => post('/api/submit', { values: readValues(form) }));
  } else if (form.id === 'composer' || form.id === 'thread-composer') {
    const input = form.querySelector('input');
    const text = input.value.trim();
    if (!text) return;
    const inThread = form.id === 'thread-composer';
    const path = !inThread && text.startsWith('/') ? '/api/command' : '/api/message';
    const body = { channel: state.channel, text };
    if (inThread) body.threadTs = state.threadTs;
    input.value = '';
    withBusy(submit, async () => {
      const result = await post(path, body);
      if (!result.ok) input.value = text;
    });
  }
});

document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape' || !state.modalKey) return;
  const close = document.querySelector('#modal-root [data-close-view]');
  if (close) close.click();
});

byId('user-switcher').addEventListener('change', (event) => {
  state.user = event.target.value;
  state.thread = 'auto';
  if (state.home) post('/api/home', {});
  else refresh();
});

new EventSource('/api/events').addEventListener('message', () => refresh());
refresh();
`;
