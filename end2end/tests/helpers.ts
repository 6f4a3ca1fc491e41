import { test as base, expect, Page } from '@playwright/test';

/**
 * `test` that fails when the page logs an error or throws: hydration mismatches and panics
 * in the WASM show up only there.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      // A refused request (4xx: wrong password, validation) is expected; a 500 or a panic is not.
      const refusal = /Failed to load resource: the server responded with a status of 4\d\d/.test(message.text());
      // Tests that take the network away (context.setOffline) expect failed requests.
      const offline = /net::ERR_INTERNET_DISCONNECTED/.test(message.text());
      if (message.type() === 'error' && !refusal && !offline) errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await use(errors);
    expect(errors, 'browser console errors').toEqual([]);
  }, { auto: true }],
});
export { expect };

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
