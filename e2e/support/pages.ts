import type { Page } from 'playwright-core';

export const DEMO_PASSWORD = 'kairos-demo';

/** Signs in through the login form (in either UI language; Enter submits) and waits for the signed-in header. */
export async function loginAs(page: Page, baseUrl: string, username: string) {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  const form = page.getByTestId('login-form');
  await form.locator('input#login').fill(username);
  await form.locator('input#password').fill(DEMO_PASSWORD);
  await form.locator('input#password').press('Enter');
  await page.getByTestId('user-menu').waitFor();
}

/** The labels of the menu entries the signed-in user sees. */
export async function menuLabels(page: Page): Promise<string[]> {
  const menu = page.getByTestId('main-menu');
  await menu.getByRole('menuitem').first().waitFor();
  return (await menu.getByRole('menuitem').allInnerTexts()).map((s) => s.trim());
}
