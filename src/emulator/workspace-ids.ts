import { randomBytes } from 'node:crypto';
import type { AnyBlock } from '@slack/types';
import { isJsonObject } from './limits.js';

/**
 * Every id an emulated workspace hands out, from one sequence so that none repeats: message timestamps, view,
 * file, event and trigger ids, view hashes, and the block and action ids Slack fills in.
 */
export class WorkspaceIds {
  private lastTs = { seconds: 0, micros: 0 };
  private sequence = 0;

  constructor(
    private readonly now: () => number,
    private readonly teamId: string,
  ) {}

  /** Message timestamps are unique and strictly increasing even when the injected clock stands still. */
  ts(): string {
    const clockSeconds = Math.floor(this.now() / 1000);
    let { seconds, micros } = this.lastTs;
    if (clockSeconds > seconds) {
      seconds = clockSeconds;
      micros = 100;
    } else {
      micros += 100;
      if (micros > 999_999) {
        seconds += 1;
        micros = 100;
      }
    }
    this.lastTs = { seconds, micros };
    return `${seconds}.${String(micros).padStart(6, '0')}`;
  }

  viewId(): string {
    return `V${this.next().toString(36).toUpperCase().padStart(10, '0')}`;
  }

  fileId(): string {
    return `F${this.next().toString(36).toUpperCase().padStart(10, '0')}`;
  }

  /** A unique Events API event id, e.g. `Ev0000000001`. */
  eventId(): string {
    return `Ev${this.next().toString(36).toUpperCase().padStart(10, '0')}`;
  }

  triggerId(): string {
    const digits = this.teamId.replace(/\D/g, '');
    return `${1_000_000 + this.next()}.${digits === '' ? '1' : digits}.${randomBytes(16).toString('hex')}`;
  }

  viewHash(): string {
    return `${Math.floor(this.now() / 1000)}.${randomBytes(6).toString('base64url')}`;
  }

  /** Slack fills in a block_id / action_id wherever the app left one out; so does the emulator. */
  withGeneratedIds(blocks: readonly unknown[]): AnyBlock[] {
    const copy = structuredClone(blocks) as unknown[];
    for (const block of copy) {
      if (!isJsonObject(block)) continue;
      if (block.block_id === undefined) block.block_id = this.generatedId();
      const elements = [
        block.element,
        block.accessory,
        ...(Array.isArray(block.elements) ? block.elements : []),
      ];
      for (const element of elements) {
        if (isJsonObject(element) && element.action_id === undefined && block.type !== 'context') {
          element.action_id = this.generatedId();
        }
      }
    }
    return copy as AnyBlock[];
  }

  private generatedId(): string {
    return `g${this.next().toString(36).padStart(4, '0')}`;
  }

  private next(): number {
    this.sequence += 1;
    return this.sequence;
  }
}
