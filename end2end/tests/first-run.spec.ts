import { readFileSync } from 'node:fs';
import path from 'node:path';

import { expect, hydrated, test } from './helpers';
// The second server of playwright.config.ts: an empty database, started without --demo.
const base = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 1}`;

/** The code the server printed at start-up, read from its log as an administrator would. */
function printedCode(): string {
  const log = readFileSync(path.join(__dirname, '..', '..', 'target', 'e2e-empty', 'server.log'), 'utf8');
  const match = log.match(/Первый запуск: .*\/setup и введите код (\d{3}-\d{3}-\d{3})/);
  if (!match) throw new Error(`no first-run code in the log:\n${log}`);
  return match[1];
}

test('a district starts from an empty database with the printed code, once', async ({ page }) => {
  // Nobody can sign in yet, not even with the demo's password: the login page sends to the first run.
  await page.goto(`${base}/login`);
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { name: 'Первый запуск' })).toBeVisible();
  await hydrated(page);

  await page.getByLabel('Код первого запуска').fill('000-000-000');
  await page.getByLabel('Название района').fill('Озёрный район');
  await page.getByLabel('Часовой пояс района').selectOption({ label: 'Екатеринбург (МСК+2)' });
  await page.getByLabel('Фамилия, имя, отчество').fill('Смирнова Ольга Петровна');
  await page.getByLabel('Логин').fill('smirnova');
  await page.getByLabel('Пароль', { exact: true }).fill('qwertyuiop');
  await page.getByLabel('Пароль ещё раз').fill('qwertyuiop');
  await page.getByRole('button', { name: 'Создать район и войти' }).click();
  // Checked on the device before anything is sent; what was typed stays.
  await expect(page.getByText('Этот пароль слишком распространён — его легко угадать')).toBeVisible();
  await expect(page.getByLabel('Название района')).toHaveValue('Озёрный район');

  await page.getByLabel('Пароль', { exact: true }).fill('сирень цветёт в мае');
  await page.getByLabel('Пароль ещё раз').fill('сирень цветёт в мае');
  await page.getByRole('button', { name: 'Создать район и войти' }).click();
  // The server knows the code is wrong.
  await expect(page.getByText('Неверный код первого запуска')).toBeVisible();

  await page.getByLabel('Код первого запуска').fill(printedCode());
  await page.getByRole('button', { name: 'Создать район и войти' }).click();
  await expect(page).toHaveURL(/\/district$/);
  await expect(page.getByText('Смирнова Ольга Петровна')).toBeVisible();

  // The page is gone for everyone, and the coordinator signs in with the chosen password.
  const stranger = await page.context().browser()!.newPage();
  await stranger.goto(`${base}/setup`);
  await expect(stranger.getByTestId('setup-done')).toBeVisible();
  await stranger.goto(`${base}/login`);
  await expect(stranger).toHaveURL(/\/login$/);
  await hydrated(stranger);
  await stranger.getByLabel('Логин').fill('smirnova');
  await stranger.getByLabel('Пароль').fill('сирень цветёт в мае');
  await stranger.getByRole('button', { name: 'Войти' }).click();
  await expect(stranger).toHaveURL(/\/district$/);
  await stranger.close();
});
