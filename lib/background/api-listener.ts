import { browser } from 'wxt/browser';
import type { TableName } from '../db/db';
import { getDb } from '../db/db';
import { MSG } from '../api/messages';
import { classifySender, handleApiMessage, type SenderInfo } from '../api/server';

export function extensionOrigin(): string {
  return browser.runtime.getURL('/').replace(/\/$/, '');
}

export function senderKind(sender: SenderInfo) {
  return classifySender(sender, browser.runtime.id, extensionOrigin());
}

/** Tells every open panel (LinkedIn tabs) and extension page (side panel) that data changed. */
export async function broadcastChanged(tables: TableName[]): Promise<void> {
  const message = { type: MSG.BG_DATA_CHANGED, tables };
  browser.runtime.sendMessage(message).catch(() => {}); // no extension page open: fine
  const tabs = await browser.tabs.query({ url: 'https://www.linkedin.com/*' }).catch(() => []);
  for (const tab of tabs) {
    if (tab.id != null) browser.tabs.sendMessage(tab.id, message).catch(() => {});
  }
}

export function listenForApiCalls(onChanged: (tables: TableName[]) => void = broadcastChanged): void {
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    if ((message as { type?: unknown } | null)?.type !== MSG.UI_API_CALL) return undefined;
    handleApiMessage(message, senderKind(sender), { db: getDb(), notify: onChanged }).then(sendResponse);
    return true; // answer asynchronously
  });
}
