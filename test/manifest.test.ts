import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { BOT_SCOPES } from '../src/slack/scopes.js';

const fixtures = join(import.meta.dirname, 'fixtures/slack/manifest');
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const manifest = readJson(join(import.meta.dirname, '../manifest.json'));

function manifestValidator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  // The top-level schema refers to the versioned schemas by their published URLs.
  for (const version of ['1.0.0', '2.0.0']) {
    ajv.addSchema(
      readJson(join(fixtures, `schemas__manifest.schema.${version}.json`)),
      `https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/manifest.schema.${version}.json`,
    );
  }
  return ajv.compile(readJson(join(fixtures, 'manifest.schema.json')));
}

describe('manifest.json', () => {
  it("is valid against Slack's app-manifest schema", () => {
    const validate = manifestValidator();
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema really rejects a broken manifest (so the check above can fail)', () => {
    const validate = manifestValidator();
    expect(validate({ ...manifest, display_information: { name: '' } })).toBe(false);
  });

  it('asks for the same bot scopes as an OAuth install does', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...BOT_SCOPES].sort());
  });

  it('asks for exactly the scopes the app uses, with interactivity and Socket Mode on', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      'chat:write',
      'chat:write.public',
      'commands',
      // users.info: may a workspace admin close someone else's decision; files.uploadV2: `export`.
      'files:write',
      'users:read',
    ]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it('can be installed org-wide and hears when it is uninstalled or its token revoked', () => {
    // README promises org-wide installs on Enterprise Grid (test/e2e/org-wide-install.test.ts).
    expect(manifest.settings.org_deploy_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining(['app_uninstalled', 'tokens_revoked']),
    );
  });
});
