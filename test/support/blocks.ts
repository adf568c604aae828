/** Reading Block Kit as a person would: find a block by its id, or gather all the text it shows. */

export function blockById<T = { text?: { text: string } }>(blocks: unknown, blockId: string): T | undefined {
  return (blocks as { block_id?: string }[] | undefined)?.find((block) => block.block_id === blockId) as
    | T
    | undefined;
}

export function visibleText(blocks: unknown): string {
  return (
    JSON.stringify(blocks ?? [])
      .match(/"text":"((?:[^"\\]|\\.)*)"/g)
      ?.map((match) => JSON.parse(match.slice(7)) as string)
      .join('\n') ?? ''
  );
}
