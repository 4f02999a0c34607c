import type { Page } from 'playwright-core';
import { launchBrowser, type LaunchedBrowser } from './browser';
import { ensureWebBuilt, startServer, type RunningServer } from './server';

export interface BrowserSession { server: RunningServer; browser: LaunchedBrowser; page: Page }

/** A fresh demo server (web UI built if stale) and a chromium page, for one test file. */
export async function openBrowserSession(): Promise<BrowserSession> {
  ensureWebBuilt();
  const server = await startServer();
  const browser = await launchBrowser();
  return { server, browser, page: await browser.context.newPage() };
}

export async function closeBrowserSession(session: Partial<BrowserSession>) {
  await session.browser?.close();
  await session.server?.stop();
}
