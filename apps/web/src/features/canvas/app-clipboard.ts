import { clipboardText, parseClipboard, type ClipboardPayload } from '../../core/index.js';

// The last nodes copied in this page, shared by every open pipeline. The system clipboard gets
// the same text (so copies reach other tabs and windows) when the browser allows it.
let lastCopied: string | null = null;

export function rememberCopy(payload: ClipboardPayload): string {
  lastCopied = clipboardText(payload);
  navigator.clipboard?.writeText(lastCopied).catch(() => undefined);
  return lastCopied;
}

export function lastCopiedNodes(): ClipboardPayload | null {
  return lastCopied === null ? null : parseClipboard(lastCopied);
}
