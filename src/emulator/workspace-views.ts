import { isJsonObject } from './limits.js';
import type { EmulatedView, ViewState } from './types.js';
import { retainViewState } from './view-state.js';
import type { WorkspaceIds } from './workspace-ids.js';
import type { OpenView, Outcome, ViewInput } from './workspace-types.js';

/** Slack stacks at most this many modals. */
export const MAX_MODAL_STACK = 3;

/**
 * The views of an emulated workspace: each person's modal stack (at most MAX_MODAL_STACK) and Home tab, with
 * Slack's rules for them (external ids unique among open views, a stale hash refused, entered values kept).
 */
export class WorkspaceViews {
  private readonly modalStacks = new Map<string, OpenView[]>();
  private readonly homeViews = new Map<string, OpenView>();

  constructor(
    private readonly ids: WorkspaceIds,
    private readonly app: { teamId: string; appId: string; botId: string },
    private readonly notifyChange: () => void,
  ) {}

  /** The modal this person currently sees: the top of their stack. */
  openViewFor(userId: string): OpenView | undefined {
    return this.modalStacks.get(userId)?.at(-1);
  }

  /** This person's modal stack, bottom first. */
  modalStackFor(userId: string): OpenView[] {
    return [...(this.modalStacks.get(userId) ?? [])];
  }

  homeViewFor(userId: string): OpenView | undefined {
    return this.homeViews.get(userId);
  }

  findView(viewId: string): OpenView | undefined {
    return this.allOpenViews().find((open) => open.view.id === viewId);
  }

  findViewByExternalId(externalId: string): OpenView | undefined {
    if (externalId === '') return undefined;
    return this.allOpenViews().find((open) => open.view.external_id === externalId);
  }

  /** Opens a modal as the person's only view, replacing whatever stack they had. */
  openModal(userId: string, input: ViewInput): Outcome<OpenView, 'duplicate_external_id'> {
    if (this.externalIdTaken(input.external_id)) return { ok: false, error: 'duplicate_external_id' };
    const id = this.ids.viewId();
    const open: OpenView = {
      userId,
      view: this.buildView(input, { id, rootViewId: id, previousViewId: null }),
      errors: {},
    };
    this.modalStacks.set(userId, [open]);
    this.notifyChange();
    return { ok: true, value: open };
  }

  /** Pushes a modal on top of the person's stack. */
  pushModal(
    userId: string,
    input: ViewInput,
  ): Outcome<OpenView, 'not_found' | 'push_limit_reached' | 'duplicate_external_id'> {
    const stack = this.modalStacks.get(userId);
    const top = stack?.at(-1);
    if (!stack || !top) return { ok: false, error: 'not_found' };
    if (stack.length >= MAX_MODAL_STACK) return { ok: false, error: 'push_limit_reached' };
    if (this.externalIdTaken(input.external_id)) return { ok: false, error: 'duplicate_external_id' };
    const view = this.buildView(input, {
      id: this.ids.viewId(),
      rootViewId: top.view.root_view_id,
      previousViewId: top.view.id,
    });
    const open: OpenView = { userId, view, errors: {} };
    stack.push(open);
    this.notifyChange();
    return { ok: true, value: open };
  }

  /**
   * Replaces an open view's content, keeping its id and what the person entered in elements that survive.
   * A `hash` that is not the current one means someone else updated it first.
   */
  updateView(
    target: { viewId?: string; externalId?: string },
    input: ViewInput,
    hash?: string,
  ): Outcome<OpenView, 'not_found' | 'hash_conflict' | 'duplicate_external_id'> {
    const open =
      target.viewId !== undefined
        ? this.findView(target.viewId)
        : this.findViewByExternalId(target.externalId ?? '');
    if (!open) return { ok: false, error: 'not_found' };
    if (hash !== undefined && hash !== open.view.hash) return { ok: false, error: 'hash_conflict' };
    if (this.externalIdTaken(input.external_id, open.view.id))
      return { ok: false, error: 'duplicate_external_id' };
    const blocks = this.ids.withGeneratedIds(Array.isArray(input.blocks) ? input.blocks : []);
    // A view sent without an external_id keeps the one it had, so it can still be addressed by it.
    const externalId = input.external_id ?? open.view.external_id;
    open.view = this.buildView(
      { ...input, blocks, external_id: externalId },
      {
        id: open.view.id,
        rootViewId: open.view.root_view_id,
        previousViewId: open.view.previous_view_id,
        state: retainViewState(blocks, open.view.state),
      },
    );
    open.errors = {};
    this.notifyChange();
    return { ok: true, value: open };
  }

  /** Publishes (or replaces) a person's Home tab. */
  publishHome(userId: string, input: ViewInput, hash?: string): Outcome<OpenView, 'hash_conflict'> {
    const existing = this.homeViews.get(userId);
    if (existing && hash !== undefined && hash !== existing.view.hash)
      return { ok: false, error: 'hash_conflict' };
    const id = existing?.view.id ?? this.ids.viewId();
    const open: OpenView = {
      userId,
      view: this.buildView(input, { id, rootViewId: id, previousViewId: null }),
      errors: {},
    };
    this.homeViews.set(userId, open);
    this.notifyChange();
    return { ok: true, value: open };
  }

  /** Records what the person has entered in a view. */
  setViewState(viewId: string, state: ViewState): void {
    const open = this.findView(viewId);
    if (!open) return;
    open.view.state = state;
    this.notifyChange();
  }

  setViewErrors(viewId: string, errors: Record<string, string>): void {
    const open = this.findView(viewId);
    if (!open) return;
    open.errors = { ...errors };
    this.notifyChange();
  }

  /** Closes the person's top modal, or their whole stack; returns the views that closed, top first. */
  closeModals(userId: string, { all }: { all: boolean }): OpenView[] {
    const stack = this.modalStacks.get(userId) ?? [];
    const closed = all ? stack.splice(0).reverse() : stack.splice(-1);
    if (stack.length === 0) this.modalStacks.delete(userId);
    if (closed.length > 0) this.notifyChange();
    return closed;
  }

  private allOpenViews(): OpenView[] {
    return [...[...this.modalStacks.values()].flat(), ...this.homeViews.values()];
  }

  private externalIdTaken(externalId: unknown, exceptViewId?: string): boolean {
    if (typeof externalId !== 'string' || externalId === '') return false;
    return this.allOpenViews().some(
      (open) => open.view.external_id === externalId && open.view.id !== exceptViewId,
    );
  }

  private buildView(
    input: ViewInput,
    identity: { id: string; rootViewId: string; previousViewId: string | null; state?: ViewState },
  ): EmulatedView {
    const fields = input as Record<string, unknown>;
    const text = (value: unknown) => (typeof value === 'string' ? value : '');
    const plainText = (value: unknown) =>
      isJsonObject(value) ? (structuredClone(value) as unknown as EmulatedView['title']) : null;
    return {
      id: identity.id,
      team_id: this.app.teamId,
      type: fields.type === 'home' ? 'home' : 'modal',
      blocks: this.ids.withGeneratedIds(Array.isArray(fields.blocks) ? fields.blocks : []),
      private_metadata: text(fields.private_metadata),
      callback_id: text(fields.callback_id),
      state: identity.state ?? { values: {} },
      hash: this.ids.viewHash(),
      title: plainText(fields.title),
      clear_on_close: fields.clear_on_close === true,
      notify_on_close: fields.notify_on_close === true,
      close: plainText(fields.close),
      submit: plainText(fields.submit),
      previous_view_id: identity.previousViewId,
      root_view_id: identity.rootViewId,
      app_id: this.app.appId,
      external_id: text(fields.external_id),
      app_installed_team_id: this.app.teamId,
      bot_id: this.app.botId,
    };
  }
}
