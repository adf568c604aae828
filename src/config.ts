import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { type CostSettings, DEFAULT_ENGINEER_YEARLY_USD } from './domain/cost.js';
import { DEFAULT_PRICING, parsePricingOverride } from './domain/pricing.js';
import { parseRedisUrl, REDIS_URL_FORMS, redisUrlForMessage } from './store/redis-url.js';

/**
 * Every environment variable the app reads, parsed once. A problem is reported as one line that names the
 * variable and what was expected; secret values are never echoed back.
 */

export type Transport = 'http' | 'socket';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
/** `json`: one JSON object a line, for log collectors; `text`: readable lines for a terminal. */
export type LogFormat = 'json' | 'text';

export interface Config {
  transport: Transport;
  slack: {
    /** One workspace: its bot token. Absent in OAuth mode, where each workspace's token comes from its install. */
    botToken?: string;
    /** Set → OAuth mode: the app can be installed in many workspaces (HTTP /slack/install). */
    oauth?: { clientId: string; clientSecret: string; stateSecret: string };
    /** Required in HTTP mode, where every request is verified with it. */
    signingSecret?: string;
    /** Set → Socket Mode. */
    appToken?: string;
    /** Web API base, always ending in '/'. Unset → Slack's own. */
    apiUrl?: string;
  };
  port: number;
  /** Unset → the in-memory store. */
  redisUrl?: string;
  retentionDays: number;
  /** How often every instance sweeps for decision messages that lag behind the store; unset → 15 s. */
  sweepIntervalMs?: number;
  logLevel: LogLevel;
  /** Absent → text. */
  logFormat?: LogFormat;
  /** Serve `GET /metrics` (Prometheus); absent → on. */
  metrics?: boolean;
  /** Prices and the loaded yearly cost of an engineer for the cost estimate; absent → the built-in defaults. */
  costs?: CostSettings;
}

/** With no Slack credentials at all, the app runs under the offline sandbox, which makes up its own. */
export type SandboxConfig = Omit<Config, 'transport' | 'slack'>;

export type ConfigResult =
  | { ok: true; mode: 'slack'; config: Config }
  | { ok: true; mode: 'sandbox'; config: SandboxConfig }
  | { ok: false; problems: string[] };

export const MANIFEST_HINT =
  'create the app at https://api.slack.com/apps → "Create New App" → "From a manifest", paste manifest.json, ' +
  'install it, then copy the Bot User OAuth Token (SLACK_BOT_TOKEN), the Signing Secret (SLACK_SIGNING_SECRET) ' +
  'and, for Socket Mode, an app-level token with connections:write (SLACK_APP_TOKEN)';

export const DEFAULT_SWEEP_INTERVAL_MS = 15_000;

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const optionalText = z.preprocess(blankToUndefined, z.string().trim().optional());

function wholeNumber(name: string, min: number, max: number, fallback: number) {
  const expected = `${name} must be a whole number from ${min} to ${max}`;
  return z.preprocess(
    blankToUndefined,
    z
      .string({ error: expected })
      .trim()
      .regex(/^\d+$/, { error: expected })
      .transform(Number)
      .pipe(z.number().int().min(min, { error: expected }).max(max, { error: expected }))
      .default(fallback),
  );
}

function prefixedSecret(name: string, prefix: string, what: string) {
  return optionalText.refine((value) => value === undefined || value.startsWith(prefix), {
    error: `${name} must be ${what} starting with "${prefix}"`,
  });
}

const envSchema = z.object({
  SLACK_BOT_TOKEN: prefixedSecret('SLACK_BOT_TOKEN', 'xoxb-', 'a bot token'),
  SLACK_SIGNING_SECRET: optionalText.refine((value) => value === undefined || /^[0-9a-f]{32}$/i.test(value), {
    error:
      'SLACK_SIGNING_SECRET must be the 32 hex characters shown under Basic Information → App Credentials',
  }),
  SLACK_APP_TOKEN: prefixedSecret('SLACK_APP_TOKEN', 'xapp-', 'an app-level token'),
  SLACK_CLIENT_ID: optionalText.refine((value) => value === undefined || /^\d+\.\d+$/.test(value), {
    error:
      'SLACK_CLIENT_ID must be the Client ID shown under Basic Information → App Credentials (digits.digits)',
  }),
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: optionalText.refine((value) => value === undefined || value.length >= 16, {
    error: 'SLACK_STATE_SECRET must be a random string of at least 16 characters (it signs OAuth state)',
  }),
  SLACK_API_URL: optionalText
    .refine((value) => value === undefined || isHttpUrl(value), {
      error: 'SLACK_API_URL must be an http(s) URL such as https://slack.com/api/',
    })
    .transform((value) => (value === undefined || value.endsWith('/') ? value : `${value}/`)),
  PORT: wholeNumber('PORT', 1, 65535, 3000),
  REDIS_URL: optionalText.superRefine((value, ctx) => {
    const parsed = value === undefined ? undefined : parseRedisUrl(value);
    if (parsed && !parsed.ok) {
      ctx.addIssue({
        code: 'custom',
        message: `REDIS_URL must be ${REDIS_URL_FORMS}, not "${redisUrlForMessage(value ?? '')}": ${parsed.problem}`,
      });
    }
  }),
  RETENTION_DAYS: wholeNumber('RETENTION_DAYS', 1, 3650, 90),
  SWEEP_INTERVAL_MS: wholeNumber('SWEEP_INTERVAL_MS', 100, 3_600_000, DEFAULT_SWEEP_INTERVAL_MS),
  PRICING_FILE: optionalText,
  ENGINEER_YEARLY_COST_USD: wholeNumber(
    'ENGINEER_YEARLY_COST_USD',
    10_000,
    10_000_000,
    DEFAULT_ENGINEER_YEARLY_USD,
  ),
  LOG_LEVEL: z.preprocess(
    (value) => (typeof value === 'string' ? blankToUndefined(value.trim().toLowerCase()) : value),
    z
      .enum(['debug', 'info', 'warn', 'error'], {
        error: 'LOG_LEVEL must be one of debug, info, warn, error',
      })
      .default('info'),
  ),
  LOG_FORMAT: z.preprocess(
    (value) => (typeof value === 'string' ? blankToUndefined(value.trim().toLowerCase()) : value),
    z.enum(['json', 'text'], { error: 'LOG_FORMAT must be json or text' }).default('text'),
  ),
  METRICS: z.preprocess(
    (value) => (typeof value === 'string' ? blankToUndefined(value.trim().toLowerCase()) : value),
    z
      .enum(['on', 'off'], { error: 'METRICS must be on or off' })
      .default('on')
      .transform((value) => value === 'on'),
  ),
});

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** How the app reports on itself: logs and metrics. */
function operations(
  vars: z.infer<typeof envSchema>,
): Pick<Config, 'sweepIntervalMs' | 'logLevel' | 'logFormat' | 'metrics'> {
  return {
    sweepIntervalMs: vars.SWEEP_INTERVAL_MS,
    logLevel: vars.LOG_LEVEL,
    logFormat: vars.LOG_FORMAT,
    metrics: vars.METRICS,
  };
}

/** Reads the operator's price file, if PRICING_FILE names one, and lays it over the built-in price table. */
function loadCosts(
  pricingFile: string | undefined,
  engineerYearlyUsd: number,
  readFile: (path: string) => string,
): { ok: true; costs: CostSettings } | { ok: false; problem: string } {
  if (pricingFile === undefined) return { ok: true, costs: { pricing: DEFAULT_PRICING, engineerYearlyUsd } };
  let text: string;
  try {
    text = readFile(pricingFile);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    return { ok: false, problem: `PRICING_FILE ${pricingFile} could not be read (${code})` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: `PRICING_FILE ${pricingFile} is not valid JSON` };
  }
  const parsed = parsePricingOverride(json);
  return parsed.ok
    ? { ok: true, costs: { pricing: parsed.pricing, engineerYearlyUsd } }
    : { ok: false, problem: `PRICING_FILE ${pricingFile}: ${parsed.problem}` };
}

export function loadConfig(
  env: NodeJS.ProcessEnv,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): ConfigResult {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => issue.message) };
  }
  const vars = parsed.data;
  const costs = loadCosts(vars.PRICING_FILE, vars.ENGINEER_YEARLY_COST_USD, readFile);
  if (!costs.ok) return { ok: false, problems: [costs.problem] };

  const oauthVars = [vars.SLACK_CLIENT_ID, vars.SLACK_CLIENT_SECRET, vars.SLACK_STATE_SECRET];
  if (oauthVars.some((value) => value !== undefined)) return oauthConfig(vars, costs.costs);

  if (!vars.SLACK_BOT_TOKEN && !vars.SLACK_SIGNING_SECRET && !vars.SLACK_APP_TOKEN) {
    return {
      ok: true,
      mode: 'sandbox',
      config: {
        port: vars.PORT,
        redisUrl: vars.REDIS_URL,
        retentionDays: vars.RETENTION_DAYS,
        ...operations(vars),
        costs: costs.costs,
      },
    };
  }
  if (!vars.SLACK_BOT_TOKEN) {
    return {
      ok: false,
      problems: ['SLACK_BOT_TOKEN is missing: the Bot User OAuth Token (xoxb-…) of the app'],
    };
  }
  const transport: Transport = vars.SLACK_APP_TOKEN ? 'socket' : 'http';
  if (transport === 'http' && !vars.SLACK_SIGNING_SECRET) {
    return {
      ok: false,
      problems: [
        'SLACK_SIGNING_SECRET is missing: HTTP mode needs it to verify requests (or set SLACK_APP_TOKEN for Socket Mode)',
      ],
    };
  }

  return {
    ok: true,
    mode: 'slack',
    config: {
      transport,
      slack: {
        botToken: vars.SLACK_BOT_TOKEN,
        signingSecret: vars.SLACK_SIGNING_SECRET,
        appToken: vars.SLACK_APP_TOKEN,
        apiUrl: vars.SLACK_API_URL,
      },
      port: vars.PORT,
      redisUrl: vars.REDIS_URL,
      retentionDays: vars.RETENTION_DAYS,
      ...operations(vars),
      costs: costs.costs,
    },
  };
}

/** Many workspaces: each install's token is kept (encrypted) in the store, so no SLACK_BOT_TOKEN. */
function oauthConfig(vars: z.infer<typeof envSchema>, costs: CostSettings | undefined): ConfigResult {
  const {
    SLACK_CLIENT_ID: clientId,
    SLACK_CLIENT_SECRET: clientSecret,
    SLACK_STATE_SECRET: stateSecret,
  } = vars;
  if (!clientId || !clientSecret || !stateSecret) {
    const missing = [
      ['SLACK_CLIENT_ID', clientId],
      ['SLACK_CLIENT_SECRET', clientSecret],
      ['SLACK_STATE_SECRET', stateSecret],
    ]
      .filter(([, value]) => !value)
      .map(([name]) => name);
    return {
      ok: false,
      problems: [`OAuth mode needs ${missing.join(' and ')} as well (or unset all three for one workspace)`],
    };
  }
  if (vars.SLACK_BOT_TOKEN) {
    return {
      ok: false,
      problems: [
        'SLACK_BOT_TOKEN must be unset in OAuth mode: each workspace’s token comes from its install',
      ],
    };
  }
  if (!vars.SLACK_SIGNING_SECRET) {
    return {
      ok: false,
      problems: [
        'SLACK_SIGNING_SECRET is missing: OAuth mode serves HTTP and verifies every request with it',
      ],
    };
  }
  return {
    ok: true,
    mode: 'slack',
    config: {
      transport: 'http',
      slack: {
        signingSecret: vars.SLACK_SIGNING_SECRET,
        apiUrl: vars.SLACK_API_URL,
        oauth: { clientId, clientSecret, stateSecret },
      },
      port: vars.PORT,
      redisUrl: vars.REDIS_URL,
      retentionDays: vars.RETENTION_DAYS,
      ...operations(vars),
      costs,
    },
  };
}
