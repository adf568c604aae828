import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../../deps.js';
import { inRequestContext } from '../../observe.js';
import { appHomeOpened } from './app-home-opened.js';
import { appUninstalled } from './app-uninstalled.js';
import { tokensRevoked } from './tokens-revoked.js';

export function registerEvents(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', inRequestContext(appHomeOpened(deps)));
  app.event('app_uninstalled', inRequestContext(appUninstalled(deps)));
  app.event('tokens_revoked', inRequestContext(tokensRevoked(deps)));
}
