import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../deps.js';
import { exactly } from '../../ids.js';
import { inRequestContext } from '../../observe.js';
import { appHomeOpened } from './app-home-opened.js';
import { appUninstalled } from './app-uninstalled.js';
import { tokensRevoked } from './tokens-revoked.js';

type EventListener = (args: AllMiddlewareArgs & SlackEventMiddlewareArgs) => Promise<void>;

/**
 * One Bolt listener for the three events, which hands each to its own: Bolt runs every registered listener's
 * matchers on every request, so three listeners were three middleware chains per request (as for the buttons).
 */
export function registerEvents(app: App, deps: ListenerDeps): void {
  const listeners = new Map<string, EventListener>([
    ['app_home_opened', inRequestContext(appHomeOpened(deps)) as EventListener],
    ['app_uninstalled', inRequestContext(appUninstalled(deps)) as EventListener],
    ['tokens_revoked', inRequestContext(tokensRevoked(deps)) as EventListener],
  ]);
  app.event(exactly(listeners.keys()), async (args) => listeners.get(args.event.type)?.(args));
}
