/**
 * The slash commands the emulated Slack knows, read from the app's manifest.json as Slack reads them when the
 * app is installed. The sandbox answers any other command as Slack does, without bothering the app.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

export interface SlashCommand {
  command: string;
  description: string;
  usageHint?: string;
}

const ManifestSchema = z.object({
  features: z.object({
    slash_commands: z
      .array(
        z.object({
          command: z.string().regex(/^\/\S+$/),
          description: z.string(),
          usage_hint: z.string().optional(),
        }),
      )
      .min(1),
  }),
});

/** manifest.json at the repository (or image) root: two levels up from src/sandbox/ and dist/sandbox/. */
export const MANIFEST_URL = new URL('../../manifest.json', import.meta.url);

export async function readSlashCommands(url: URL = MANIFEST_URL): Promise<SlashCommand[]> {
  let text: string;
  try {
    text = await readFile(url, 'utf8');
  } catch (error) {
    throw new Error(`the sandbox needs manifest.json next to dist/ (${url.pathname}): ${String(error)}`);
  }
  const parsed = ManifestSchema.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new Error(`manifest.json declares no usable slash command: ${parsed.error.message}`);
  return parsed.data.features.slash_commands.map((command) => ({
    command: command.command,
    description: command.description,
    ...(command.usage_hint ? { usageHint: command.usage_hint } : {}),
  }));
}
