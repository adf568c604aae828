import { randomBytes } from 'node:crypto';
import { failure, type SlackApiResponse } from './web-api-methods.js';
import type { Workspace } from './workspace.js';

export interface InstallOptions {
  /** Token rotation on: installs and refreshes hand out bot tokens that expire this long after issue. */
  tokenLifetimeSeconds?: number;
  /** An org-wide install on Enterprise Grid: the install is the org's, not one workspace's. */
  orgWide?: { id: string; name: string };
}

/** What the server knows of a bot token it issued or was given. */
interface TokenState {
  /** Workspace clock (ms); absent for tokens that never expire. */
  expiresAt?: number;
  revoked: boolean;
}

/**
 * The emulated Web API's tokens: the bot tokens it was given or issued (installs, refreshes with token rotation),
 * the app-level token of Socket Mode, and which method takes which, with Slack's error for each wrong one.
 */
export class WebApiTokens {
  /** Bot tokens: those given at start, and those issued by installs and refreshes. */
  private readonly tokens = new Map<string, TokenState>();
  private readonly refreshTokens = new Set<string>();
  /** With no tokens given at start, any token is accepted (tests of the methods alone). */
  private readonly acceptsAnyToken: boolean;

  constructor(
    private readonly workspace: Workspace,
    tokens: readonly string[] | undefined,
    /** Socket Mode's app-level token (xapp-…), if it is on. */
    private readonly appToken: string | undefined,
    private readonly install: InstallOptions,
  ) {
    this.acceptsAnyToken = tokens === undefined;
    for (const token of tokens ?? []) this.tokens.set(token, { revoked: false });
  }

  /** Every bot token stops working, as when an admin revokes them or removes the app. */
  revokeAll(): void {
    for (const state of this.tokens.values()) state.revoked = true;
    this.refreshTokens.clear();
  }

  /** The bot tokens that still work now (neither revoked nor expired), oldest first. */
  live(): string[] {
    return [...this.tokens].filter(([token]) => this.state(token) === 'live').map(([token]) => token);
  }

  /** `apps.connections.open` takes only the app-level token; every other method takes a bot token. */
  problem(method: string, token: string | undefined): string | undefined {
    if (!token) return 'not_authed';
    const isAppToken = token === this.appToken;
    if (method === 'apps.connections.open') {
      if (isAppToken) return undefined;
      return this.tokens.has(token) ? 'not_allowed_token_type' : 'invalid_auth';
    }
    if (isAppToken) return 'not_allowed_token_type';
    if (this.acceptsAnyToken) return undefined;
    const state = this.state(token);
    return state === 'live' ? undefined : state;
  }

  private state(token: string): 'live' | 'invalid_auth' | 'token_revoked' | 'token_expired' {
    const state = this.tokens.get(token);
    if (!state) return 'invalid_auth';
    if (state.revoked) return 'token_revoked';
    if (state.expiresAt !== undefined && this.workspace.now() >= state.expiresAt) return 'token_expired';
    return 'live';
  }

  /**
   * oauth.v2.access: a code from the install redirect becomes the install's bot token; with token rotation on,
   * a refresh token becomes a fresh expiring token (the refresh token stays usable, as Slack's does).
   */
  exchangeOAuthCode(args: Record<string, unknown>): SlackApiResponse {
    if (typeof args.client_id !== 'string' || typeof args.client_secret !== 'string')
      return failure('invalid_client_id');
    if (args.grant_type === 'refresh_token') {
      const refreshToken = typeof args.refresh_token === 'string' ? args.refresh_token : '';
      if (!this.refreshTokens.has(refreshToken)) return failure('invalid_refresh_token');
      return this.grant(this.issueExpiringToken(), refreshToken);
    }
    const code = typeof args.code === 'string' ? args.code : '';
    if (!code) return failure('invalid_code');
    if (this.install.tokenLifetimeSeconds === undefined) {
      // An install after the tokens were revoked (a reinstall) gets a new one.
      const [botToken = this.issueToken(undefined)] = this.live();
      return this.grant(botToken);
    }
    const refreshToken = `xoxe-1-${randomBytes(16).toString('hex')}`;
    this.refreshTokens.add(refreshToken);
    return this.grant(this.issueExpiringToken(), refreshToken);
  }

  private issueExpiringToken(): string {
    return this.issueToken((this.install.tokenLifetimeSeconds ?? 0) * 1000);
  }

  /** A new bot token, expiring `lifetimeMs` from now or never. */
  private issueToken(lifetimeMs: number | undefined): string {
    const secret = randomBytes(16).toString('hex');
    if (lifetimeMs === undefined) {
      const token = `xoxb-1-${secret}`;
      this.tokens.set(token, { revoked: false });
      return token;
    }
    const token = `xoxe.xoxb-1-${secret}`;
    this.tokens.set(token, { expiresAt: this.workspace.now() + lifetimeMs, revoked: false });
    return token;
  }

  /** The answer to an install or a refresh, for a workspace install or an org-wide one. */
  private grant(botToken: string, refreshToken?: string): SlackApiResponse {
    const { workspace } = this;
    const { orgWide, tokenLifetimeSeconds } = this.install;
    return {
      ok: true,
      app_id: workspace.appId,
      authed_user: { id: 'U0INSTALLER' },
      scope: 'commands,chat:write,chat:write.public',
      token_type: 'bot',
      access_token: botToken,
      bot_user_id: workspace.botUserId,
      ...(refreshToken ? { refresh_token: refreshToken, expires_in: tokenLifetimeSeconds } : {}),
      team: orgWide ? null : { id: workspace.teamId, name: workspace.teamName },
      enterprise: orgWide ?? null,
      is_enterprise_install: orgWide !== undefined,
    };
  }
}
