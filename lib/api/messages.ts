/**
 * Every message Rapport's contexts exchange. Names say who talks to whom (as in Dark Reader):
 * `ui` = an extension page or the panel, `cs` = the always-on content script, `bg` = the background.
 * Zod-free on purpose: the always-on content script imports this file.
 */
export const MSG = {
  /** ui → bg: one call of the typed data API (see protocol.ts). */
  UI_API_CALL: 'rapport:ui-api-call',
  /** cs → bg: the page this tab shows now (after it rendered); bg injects the panel when wanted. */
  CS_PAGE_VIEW: 'rapport:cs-page-view',
  /** ui (side panel) → bg: what does the active tab show? */
  UI_GET_TAB_PAGE: 'rapport:ui-get-tab-page',
  /** bg → ui and panels: these tables changed; re-read what you show. */
  BG_DATA_CHANGED: 'rapport:bg-data-changed',
  /** bg → side panel: the active tab's page changed. */
  BG_TAB_PAGE: 'rapport:bg-tab-page',
  /** bg → cs: toggle the in-page panel (keyboard command). */
  BG_TOGGLE_PANEL: 'rapport:bg-toggle-panel',
  /** bg → cs: placement setting changed (page ↔ side panel). */
  BG_PLACEMENT: 'rapport:bg-placement',
} as const;

export type ApiErrorCode =
  | 'invalid-input'   // the request failed its zod schema
  | 'forbidden'       // this sender may not call this operation
  | 'unknown-op'
  | 'not-found'
  | 'conflict'
  | 'quota'           // the browser refused to store more
  | 'internal';

export interface ApiErrorBody { code: ApiErrorCode; message: string }
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody };

export interface ApiCallMessage { type: typeof MSG.UI_API_CALL; op: string; input: unknown }
export interface DataChangedMessage { type: typeof MSG.BG_DATA_CHANGED; tables: string[] }

export class ApiError extends Error {
  constructor(readonly code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
  }
}
