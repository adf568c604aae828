import type { SharedFile } from './types.js';
import type { WorkspaceIds } from './workspace-ids.js';
import type { PostedMessage, UploadedFile } from './workspace-types.js';

/** Files uploaded to an emulated workspace (files.getUploadURLExternal, the upload URL, completeUploadExternal). */
export class WorkspaceFiles {
  private readonly uploads = new Map<string, UploadedFile>();

  constructor(
    private readonly ids: WorkspaceIds,
    private readonly post: (input: { channel: string; text: string; threadTs?: string }) => PostedMessage,
    private readonly notifyChange: () => void,
  ) {}

  /** files.getUploadURLExternal: a new file id waiting for its content. */
  reserveUpload(filename: string, length: number): UploadedFile {
    const file: UploadedFile = {
      id: this.ids.fileId(),
      filename,
      length,
    };
    this.uploads.set(file.id, file);
    return file;
  }

  /** The upload URL received the file's content; false for an id that was never reserved. */
  receiveUpload(fileId: string, content: string): boolean {
    const file = this.uploads.get(fileId);
    if (!file) return false;
    file.content = content;
    return true;
  }

  /** An uploaded file, by id. */
  file(fileId: string): UploadedFile | undefined {
    return this.uploads.get(fileId);
  }

  /** Shares uploaded files in a channel (or thread) as one message, as files.completeUploadExternal does. */
  shareFiles(input: {
    channel: string;
    files: { id: string; title?: string }[];
    comment?: string;
    threadTs?: string;
  }): PostedMessage {
    const shared: SharedFile[] = input.files.map(({ id, title }) => {
      const file = this.uploads.get(id) as UploadedFile;
      file.title = title ?? file.filename;
      return {
        id,
        name: file.filename,
        title: file.title,
        mimetype: file.filename.endsWith('.md') ? 'text/markdown' : 'text/plain',
        size: Buffer.byteLength(file.content ?? ''),
      };
    });
    const message = this.post({
      channel: input.channel,
      text: input.comment ?? '',
      ...(input.threadTs ? { threadTs: input.threadTs } : {}),
    });
    message.files = shared;
    this.notifyChange();
    return message;
  }
}
