import { expect, Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo2026';

/** Waits until the WASM has hydrated the page, so client-side handlers are live. */
export async function hydrated(page: Page) {
  await expect(page.locator('body[data-hydrated="true"]')).toBeAttached();
}

/** Logs in through the login form as a person would. */
export async function login(page: Page, user: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await hydrated(page);
  await page.getByLabel('Логин').fill(user);
  await page.getByLabel('Пароль').fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
}
