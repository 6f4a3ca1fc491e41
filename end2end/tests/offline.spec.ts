import { Browser, Page } from '@playwright/test';
import { readdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { answerScreen, answerToSummary, createWave, deploy, deployment, stop, test, expect, hydrated, login, openWaves, updateURL } from './helpers';
import { expectAccessible } from './a11y';

// A tablet on school Wi-Fi, on its own demo district (see playwright.config.ts).
const tablet = { viewport: { width: 820, height: 1180 }, hasTouch: true, isMobile: true, locale: 'ru-RU' };
const baseURL = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 2}`;
test.use({ ...tablet, baseURL });

/** Waits until the service worker runs the page and has kept what the page loaded (a path,
 * or a pattern of addresses such as the bundle's, whose folder is the build's version). */
async function workerKeeps(page: import('@playwright/test').Page, path: string | RegExp) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  const pattern = typeof path === 'string' ? null : path.source;
  await expect.poll(() => page.evaluate(async ({ path, pattern }) => {
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      if (pattern === null && await cache.match(path as string)) return true;
      if (pattern !== null && (await cache.keys()).some((r) => new RegExp(pattern).test(new URL(r.url).pathname))) return true;
    }
    return false;
  }, { path: typeof path === 'string' ? path : '', pattern })).toBe(true);
}

test('a tablet that opened a questionnaire once reloads it with the network gone, answers it, and the answers arrive when it is back', async ({ page, context }) => {
  await login(page, 'molodoy1');
  await expect(page).toHaveURL(/\/me$/);
  await page.goto('/surveys');
  await hydrated(page);
  await page.getByRole('link', { name: 'Заполнить' }).tap();
  await expect(page.getByRole('heading', { name: 'Профессиональные трудности молодого педагога' })).toBeVisible();
  await hydrated(page);
  const path = new URL(page.url()).pathname;
  await workerKeeps(page, path);
  await workerKeeps(page, /^\/pkg\/[0-9a-f]{16}\/respondent\.wasm$/);

  // The Wi-Fi drops; the tab is reloaded: the questionnaire opens from the device.
  await context.setOffline(true);
  await page.reload();
  await hydrated(page);
  await expect(page.getByRole('heading', { name: 'Профессиональные трудности молодого педагога' })).toBeVisible();
  await page.getByRole('button', { name: 'Начать' }).tap();
  await answerToSummary(page, 'Ответ без сети');
  await page.getByRole('button', { name: 'Отправить' }).tap();
  await expect(page.getByTestId('thanks')).toContainText('отправлены, как только');

  // Back online, the waiting answers go by themselves and arrive once.
  await context.setOffline(false);
  await expect.poll(async () => {
    const list = await page.request.post('/api/surveys/mine', { data: {}, headers: { 'content-type': 'application/json', accept: 'application/json' } });
    const waves = await list.json();
    return waves.filter((w: { wave: { questionnaire_title: string }, done: boolean }) => w.wave.questionnaire_title === 'Профессиональные трудности молодого педагога' && w.done).length;
  }, { timeout: 30_000 }).toBe(1);
});

/** A curator's new wave of the peer programme with named codes, and a tablet made its kiosk
 * online once. `beforeKiosk` runs on the tablet's page before it opens anything. */
async function kioskWithCodes(page: Page, browser: Browser, beforeKiosk?: (kiosk: Page) => Promise<void>, origin = baseURL) {
  await login(page, 'kurator7');
  await expect(page).toHaveURL(/\/participants$/);
  await openWaves(page, 'Ученик – ученик');
  await createWave(page, 'Входное', false);
  const rowIndex = (await page.getByTestId('waves').locator('tbody tr').count()) - 1;
  await page.getByRole('button', { name: 'Выдать именные коды всем участникам' }).click();
  await expect(page.getByText(/Именных кодов: [1-9]/)).toBeVisible();
  await page.getByRole('link', { name: 'Карточки для печати' }).click();
  const slips = page.getByTestId('slips').locator('.slip', { hasText: 'Наставляемый' });
  const codes = [(await slips.nth(0).locator('.slip-code').textContent())!, (await slips.nth(1).locator('.slip-code').textContent())!];
  const wavesUrl = page.url().replace(/\/codes$/, '/surveys');
  const context = await browser.newContext({ ...tablet, baseURL: origin });
  const kiosk = await context.newPage();
  if (beforeKiosk) await beforeKiosk(kiosk);
  await login(kiosk, 'kurator7');
  await expect(kiosk).toHaveURL(/\/participants$/);
  await openWaves(kiosk, 'Ученик – ученик');
  kiosk.once('dialog', (dialog) => dialog.accept());
  await kiosk.getByTestId('waves').locator('tbody tr').nth(rowIndex).getByRole('button', { name: 'Киоск на этом устройстве' }).tap();
  await expect(kiosk).toHaveURL(/\/kiosk$/);
  await hydrated(kiosk);
  return { codes, wavesUrl, rowIndex, context, kiosk };
}

test('a kiosk prepared online starts two respondents offline, refuses a wrong code on the device, and exactly two submissions arrive', async ({ page, browser }) => {
  const { codes, wavesUrl, rowIndex, context, kiosk } = await kioskWithCodes(page, browser);
  await workerKeeps(kiosk, '/kiosk');

  // The Wi-Fi is gone for the whole lesson, and the kiosk's tab is reloaded.
  await context.setOffline(true);
  await kiosk.reload();
  await hydrated(kiosk);
  const codeField = kiosk.getByLabel('Введите личный код с карточки (6 цифр)');
  // A code that is not the wave's is refused on the device.
  const wrong = codes[0] === '000000' ? '000001' : '000000';
  await codeField.fill(wrong);
  await kiosk.getByRole('button', { name: 'Начать' }).tap();
  await expect(kiosk.getByRole('alert').filter({ hasText: 'Такого кода нет' })).toBeVisible();
  for (const [i, code] of codes.entries()) {
    await codeField.fill(code);
    await kiosk.getByRole('button', { name: 'Начать' }).tap();
    await expect(kiosk.getByTestId('taker')).toBeVisible();
    await kiosk.getByRole('button', { name: 'Начать' }).tap();
    await answerToSummary(kiosk, `Ответ без сети ${i + 1}`);
    await kiosk.getByRole('button', { name: 'Отправить' }).tap();
    await expect(kiosk.getByTestId('thanks')).toContainText('Ответы сохранены на этом устройстве');
    await expect(kiosk.getByTestId('outbox')).toContainText(`Ожидают отправки на этом устройстве: ${i + 1}`);
    await kiosk.getByRole('button', { name: 'Следующий участник' }).tap();
  }
  await expect(kiosk.getByTestId('last-reached')).toContainText('Последняя связь с сервером');

  // Back online: both go by themselves, once each.
  await context.setOffline(false);
  await expect(kiosk.getByTestId('outbox')).toBeHidden({ timeout: 30_000 });
  await page.goto(wavesUrl);
  await hydrated(page);
  await expect(page.getByTestId('waves').locator('tbody tr').nth(rowIndex).locator('.rate')).toHaveText(/^2 из/);
  // The wrong code is refused by the server too.
  await codeField.fill(wrong);
  await kiosk.getByRole('button', { name: 'Начать' }).tap();
  await expect(kiosk.getByRole('alert').filter({ hasText: 'Такого кода нет' })).toBeVisible();
  await context.close();
});

test('a kiosk left in the middle of a questionnaire warns, then returns to its start screen and drops it', async ({ page, browser }) => {
  const { codes, context, kiosk } = await kioskWithCodes(page, browser, (tablet) => tablet.clock.install());
  await expectAccessible(kiosk, 'kiosk, the start screen');
  await kiosk.getByLabel('Введите личный код с карточки (6 цифр)').fill(codes[0]);
  await kiosk.getByRole('button', { name: 'Начать' }).tap();
  await kiosk.getByRole('button', { name: 'Начать' }).tap();
  await answerScreen(kiosk, 'Начатый ответ');
  // The respondent walks away.
  await kiosk.clock.fastForward('03:05');
  await expect(kiosk.getByTestId('kiosk-idle')).toContainText('будет закрыта без отправки');
  // The warning is a modal dialog: it has the focus, and the questionnaire behind it is inert.
  await expect(kiosk.getByRole('button', { name: 'Продолжить заполнение' })).toBeFocused();
  expect(await kiosk.getByTestId('kiosk-idle').evaluate((dialog) => dialog.matches(':modal'))).toBe(true);
  await expectAccessible(kiosk, 'kiosk, the idle warning');
  // A touch keeps it open.
  await kiosk.getByRole('button', { name: 'Продолжить заполнение' }).tap();
  await expect(kiosk.getByTestId('kiosk-idle')).toBeHidden();
  await expect(kiosk.getByTestId('taker').getByRole('button', { name: 'Далее' })).toBeVisible();
  await expect(kiosk.getByTestId('taker')).toBeVisible();
  // Nobody comes back: warned, then closed without being sent, and the screen says so.
  await kiosk.clock.fastForward('03:05');
  await expect(kiosk.getByTestId('kiosk-idle')).toBeVisible();
  await kiosk.clock.fastForward('00:35');
  await expect(kiosk.getByTestId('kiosk-dropped')).toContainText('закрыли без отправки');
  await expect(kiosk.getByTestId('outbox')).toBeHidden();
  // The same code starts afresh: nothing of the dropped answers is left.
  await kiosk.getByLabel('Введите личный код с карточки (6 цифр)').fill(codes[0]);
  await kiosk.getByRole('button', { name: 'Начать' }).tap();
  await kiosk.getByRole('button', { name: 'Начать' }).tap();
  await expect(kiosk.locator('.taker-screen .selected')).toHaveCount(0);
  await expect(kiosk.locator('body')).not.toContainText('Начатый ответ');
  await context.close();
});

test('a deck\'s presenting page, opened once, reloads with the network gone', async ({ page, context }) => {
  await login(page, 'metodist');
  await expect(page).toHaveURL(/\/district$/);
  await page.goto('/decks/1/present');
  await expect(page.locator('body[data-ready="1"]')).toBeAttached();
  await workerKeeps(page, '/decks/1/present');
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('body[data-ready="1"]')).toBeAttached();
  await expect(page.locator('section.slide')).toHaveCount(10);
});

test('the app can be installed: a manifest with its name, icons and start page, and the kiosk opens full screen', async ({ request }) => {
  const app = await (await request.get('/manifest.webmanifest')).json();
  expect(app.name).toBe('Наставник');
  expect(app.start_url).toBe('/');
  expect(app.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  const kiosk = await (await request.get('/kiosk.webmanifest')).json();
  expect([kiosk.start_url, kiosk.display]).toEqual(['/kiosk', 'fullscreen']);
  expect((await request.get('/static/icon-512.png')).headers()['content-type']).toBe('image/png');
});

test('a submission waiting on a kiosk survives an update of the app, which takes over only between respondents', async ({ browser }) => {
  let server = await deploy('first');
  const curator = await browser.newContext({ baseURL: updateURL, locale: 'ru-RU' });
  try {
    const page = await curator.newPage();
    const { codes, wavesUrl, rowIndex, context, kiosk } = await kioskWithCodes(page, browser, undefined, updateURL);
    await workerKeeps(kiosk, '/kiosk');
    const versions = () => kiosk.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('nastavnik-')));
    const [firstVersion] = await versions();

    // The server cannot take answers (it is being updated): the first respondent's wait on the tablet.
    await context.route('**/api/surveys/submit', (route) => route.abort());
    await kiosk.getByLabel('Введите личный код с карточки (6 цифр)').fill(codes[0]);
    await kiosk.getByRole('button', { name: 'Начать' }).tap();
    await kiosk.getByRole('button', { name: 'Начать' }).tap();
    await answerToSummary(kiosk, 'Ответ до обновления');
    await kiosk.getByRole('button', { name: 'Отправить' }).tap();
    await expect(kiosk.getByTestId('outbox')).toContainText('Ожидают отправки на этом устройстве: 1');

    // The new release is deployed, and the tablet finds its new worker while the second
    // respondent answers: it waits, and the questionnaire on screen stays as it is.
    await stop(server);
    server = await deploy('second');
    await kiosk.getByRole('button', { name: 'Следующий участник' }).tap();
    await kiosk.getByLabel('Введите личный код с карточки (6 цифр)').fill(codes[1]);
    await kiosk.getByRole('button', { name: 'Начать' }).tap();
    await kiosk.getByRole('button', { name: 'Начать' }).tap();
    await answerScreen(kiosk, 'Второй отвечает');
    await kiosk.evaluate(async () => { await (await navigator.serviceWorker.getRegistration())!.update(); });
    await expect.poll(() => kiosk.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting)).toBe(true);
    await expect(kiosk.getByTestId('taker')).toBeVisible();
    await answerToSummary(kiosk, 'Второй отвечает');
    await kiosk.getByRole('button', { name: 'Отправить' }).tap();
    await expect(kiosk.getByTestId('outbox')).toContainText('Ожидают отправки на этом устройстве: 2');

    // Between respondents the new version takes over and the kiosk reloads into it: the old
    // cache is gone, both waiting submissions are still on the tablet.
    const reloaded = kiosk.waitForEvent('load');
    await kiosk.getByRole('button', { name: 'Следующий участник' }).tap();
    await reloaded;
    await hydrated(kiosk);
    await expect.poll(versions).not.toEqual([firstVersion]);
    expect(await versions()).toHaveLength(1);
    await expect(kiosk.getByTestId('outbox')).toContainText('Ожидают отправки на этом устройстве: 2');

    // The server takes answers again: both arrive, once each.
    await context.unroute('**/api/surveys/submit');
    await context.setOffline(true);
    await context.setOffline(false);
    await expect(kiosk.getByTestId('outbox')).toBeHidden({ timeout: 30_000 });
    await page.goto(wavesUrl);
    await hydrated(page);
    await expect(page.getByTestId('waves').locator('tbody tr').nth(rowIndex).locator('.rate')).toHaveText(/^2 из/);
    await context.close();
  } finally {
    await curator.close();
    await stop(server);
  }
});

test('a repeat visit loads no bundle from the network', async ({ browser }) => {
  const server = await deploy('first');
  const context = await browser.newContext({ ...tablet, baseURL: updateURL });
  try {
    const page = await context.newPage();
    await login(page, 'molodoy1');
    await expect(page).toHaveURL(/\/me$/);
    await hydrated(page);
    await page.goto('/surveys');
    await hydrated(page);
    await page.getByRole('link', { name: 'Заполнить' }).tap();
    await hydrated(page);
    const questionnaire = page.url();
    await workerKeeps(page, /^\/pkg\/[0-9a-f]{16}\/respondent\.wasm$/);
    await workerKeeps(page, /^\/pkg\/[0-9a-f]{16}\/nastavnik\.wasm$/);

    // The bundles are gone from the server: only what the tablet kept can hydrate the pages.
    const pkg = resolve(deployment, 'site/pkg');
    for (const file of readdirSync(pkg)) rmSync(resolve(pkg, file));
    expect((await page.request.get('/pkg/nastavnik.wasm')).status()).toBe(404);
    const again = await context.newPage();
    const fromNetwork: string[] = [];
    again.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/pkg/') && response.status() !== 200) fromNetwork.push(response.url());
      if (new URL(response.url()).pathname.startsWith('/pkg/')) console.log(response.status(), response.fromServiceWorker(), response.url());
    });
    await again.goto('/me');
    await hydrated(again);
    await again.goto(questionnaire);
    await hydrated(again);
    await expect(again.getByRole('button', { name: 'Начать' })).toBeVisible();
    expect(fromNetwork).toEqual([]);
  } finally {
    await context.close();
    await stop(server);
  }
});
