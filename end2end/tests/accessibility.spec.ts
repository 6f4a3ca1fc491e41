import { test, expect, hydrated, login } from './helpers';
import { expectAccessible, violations } from './a11y';

// Every page of every role through axe-core (`a11y.ts`); the first run's page, the kiosk and
// the dialogs are checked where their journeys reach them (first-run, offline and board specs).

const pages: Record<string, string[]> = {
  kurator1: ['/participants', '/participants/new', '/import', '/programmes', '/programmes/1', '/programmes/1/board', '/programmes/1/order',
    '/programmes/1/pairs', '/programmes/1/final', '/programmes/1/thanks', '/programmes/1/surveys', '/programmes/1/codes', '/programmes/1/swot',
    '/questionnaires', '/reports/before-after', '/reports/school', '/practices', '/documents', '/accounts'],
  metodist: ['/district', '/decks', '/decks/1', '/practices'],
  molodoy1: ['/me', '/surveys'],
};

// The normal version, and the version for the visually impaired in both of its colour schemes
// (as this device would remember it).
const versions = [null, 'light', 'dark'] as const;
const versionName = (vision: string | null) => (vision ? `версия для слабовидящих (${vision})` : 'обычная версия');

test('the login and first-entry pages meet WCAG 2.1 AA in every version', async ({ page }) => {
  for (const vision of versions) {
    for (const path of ['/login', '/welcome']) {
      await page.goto(path);
      await page.evaluate((v) => (v ? localStorage.setItem('nastavnik.vision', v) : localStorage.clear()), vision);
      await page.reload();
      await hydrated(page);
      await expectAccessible(page, `${path}, ${versionName(vision)}`);
    }
  }
});

for (const [user, paths] of Object.entries(pages)) for (const vision of versions) {
  test(`every page ${user} opens meets WCAG 2.1 AA, ${versionName(vision)}`, async ({ page }) => {
    test.setTimeout(180_000);
    if (vision) await page.addInitScript((v) => localStorage.setItem('nastavnik.vision', v), vision);
    await login(page, user);
    await expect(page.getByTestId('who')).toBeVisible();
    const found: string[] = [];
    for (const path of paths) {
      await page.goto(path);
      await hydrated(page);
      await expect(page.locator('main')).not.toContainText('Загрузка');
      if (vision) await expect(page.locator(`html[data-vision="${vision}"]`)).toBeAttached();
      found.push(...await violations(page, `${user} ${path}, ${versionName(vision)}`));
    }
    expect(found, 'WCAG 2.1 AA violations').toEqual([]);
  });
}

test('a questionnaire on a tablet meets WCAG 2.1 AA on its first screen', async ({ page }) => {
  await login(page, 'molodoy1');
  await expect(page.getByTestId('who')).toBeVisible();
  await page.goto('/surveys');
  await hydrated(page);
  await page.getByRole('link', { name: 'Заполнить' }).first().click();
  await hydrated(page);
  await expectAccessible(page, 'questionnaire start');
  await page.getByRole('button', { name: 'Начать' }).click();
  await expectAccessible(page, 'questionnaire first screen');
});

test('a pair\'s workspace meets WCAG 2.1 AA in each of its tabs, and the presented deck too', async ({ page }) => {
  await login(page, 'nastavnik1');
  await expect(page.getByTestId('who')).toBeVisible();
  await page.getByRole('link', { name: 'Открыть работу пары' }).first().click();
  await expect(page.getByRole('heading', { name: 'Работа пары' })).toBeVisible();
  await hydrated(page);
  const found: string[] = [];
  for (const tab of await page.getByRole('tab').all()) {
    await tab.click();
    found.push(...await violations(page, `pair workspace, tab «${await tab.textContent()}»`));
  }
  expect(found, 'WCAG 2.1 AA violations').toEqual([]);

  await page.context().clearCookies();
  await login(page, 'metodist');
  await expect(page.getByTestId('who')).toBeVisible();
  await page.goto('/decks/1/present');
  await expect(page.locator('body[data-ready="1"]')).toBeAttached();
  await expectAccessible(page, '/decks/1/present');
  // Every chart's figures are a table; the presenter shows them in the drawings' place.
  const tables = page.locator('.chart-table');
  expect(await tables.count()).toBeGreaterThanOrEqual(await page.locator('.chart[data-chart]').count());
  await page.getByRole('button', { name: 'Таблицы' }).first().click();
  await expect(page.getByRole('button', { name: 'Таблицы' }).first()).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.chart[data-chart]').first()).toBeHidden();
  const coverage = page.locator('.frame').filter({ has: page.locator('.chart-table') }).first().locator('.chart-table').first();
  await coverage.scrollIntoViewIfNeeded();
  await expect(coverage.locator('tbody tr').first()).toBeVisible();
  await expect(coverage.locator('tbody td').first()).toHaveText(/^\d+( %)?$/);
  await expectAccessible(page, '/decks/1/present with tables');
  // The switch to the version for the visually impaired is here too, and remembered.
  await page.getByRole('button', { name: 'Версия для слабовидящих' }).click();
  await expect(page.locator('html[data-vision="light"]')).toBeAttached();
  await page.reload();
  await expect(page.locator('body[data-ready="1"]')).toBeAttached();
  await expect(page.locator('html[data-vision="light"]')).toBeAttached();
  await expect(page.getByRole('button', { name: 'Версия для слабовидящих' })).toHaveAttribute('aria-pressed', 'true');
  await expectAccessible(page, '/decks/1/present, версия для слабовидящих');
});

test('the version for the visually impaired: one switch on every page and the kiosk, large type, two schemes, remembered on the device', async ({ page }) => {
  await page.goto('/login');
  await hydrated(page);
  const rootSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const normal = await rootSize();
  await page.getByRole('button', { name: 'Версия для слабовидящих' }).click();
  await expect(page.locator('html[data-vision="light"]')).toBeAttached();
  expect(await rootSize()).toBeGreaterThanOrEqual(normal * 1.5);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
  await page.getByRole('button', { name: 'Белым по чёрному' }).click();
  await expect(page.locator('html[data-vision="dark"]')).toBeAttached();
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 0, 0)');
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('main')!).color)).toBe('rgb(255, 255, 255)');

  // Remembered on this device: the next page opens in it before it is drawn.
  await login(page, 'molodoy1');
  await expect(page.getByTestId('who')).toBeVisible();
  await expect(page.locator('html[data-vision="dark"]')).toBeAttached();
  await page.goto('/surveys');
  await hydrated(page);
  await page.getByRole('link', { name: 'Заполнить' }).first().click();
  await hydrated(page);
  // The questionnaire's own app has the switch too, and turns the version off.
  await expect(page.locator('html[data-vision="dark"]')).toBeAttached();
  await page.getByRole('button', { name: 'Обычная версия' }).click();
  await expect(page.locator('html[data-vision]')).toHaveCount(0);
  expect(await rootSize()).toBe(normal);
  await page.reload();
  await expect(page.locator('html[data-vision]')).toHaveCount(0);
});

test('at 200 % zoom on a tablet, in large type, nothing is cut off or overlaps', async ({ browser }) => {
  test.setTimeout(180_000);
  // A 1024 × 768 tablet zoomed to 200 % lays pages out in 512 × 384 CSS pixels.
  const context = await browser.newContext({
    viewport: { width: 512, height: 384 }, deviceScaleFactor: 2, hasTouch: true, locale: 'ru-RU',
    baseURL: test.info().project.use.baseURL,
  });
  await context.addInitScript(() => localStorage.setItem('nastavnik.vision', 'light'));
  const page = await context.newPage();
  const found: string[] = [];
  const check = async (what: string) => {
    await expect(page.locator('html[data-vision="light"]')).toBeAttached();
    found.push(...await page.evaluate((what) => {
      const problems: string[] = [];
      // Wide tables scroll inside their own region; the page itself never scrolls sideways.
      if (document.documentElement.scrollWidth > window.innerWidth + 1) {
        problems.push(`${what}: the page is ${document.documentElement.scrollWidth}px wide in ${window.innerWidth}px`);
      }
      // The top bar's controls each have their own place.
      const boxes = [...document.querySelectorAll('.topbar a, .topbar button, .topbar [data-testid="who"]')]
        .map((e) => ({ e, r: e.getBoundingClientRect() })).filter(({ r }) => r.width > 0 && r.height > 0);
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], b = boxes[j];
        if (a.e.contains(b.e) || b.e.contains(a.e)) continue;
        const overlap = a.r.left < b.r.right - 1 && b.r.left < a.r.right - 1 && a.r.top < b.r.bottom - 1 && b.r.top < a.r.bottom - 1;
        if (overlap) problems.push(`${what}: «${a.e.textContent?.trim()}» overlaps «${b.e.textContent?.trim()}»`);
      }
      return problems;
    }, what));
  };
  await page.goto('/login');
  await hydrated(page);
  await check('/login');
  for (const [user, paths] of Object.entries({
    kurator1: ['/participants', '/programmes/1', '/programmes/1/board', '/programmes/1/order', '/programmes/1/surveys', '/questionnaires'],
    metodist: ['/district', '/decks'],
    molodoy1: ['/me', '/surveys'],
  })) {
    await context.clearCookies();
    await login(page, user);
    await expect(page.getByTestId('who')).toBeAttached();
    for (const path of paths) {
      await page.goto(path);
      await hydrated(page);
      await expect(page.locator('main')).not.toContainText('Загрузка');
      await check(`${user} ${path}`);
    }
  }
  await context.close();
  expect(found, 'cut off or overlapping at 200 %').toEqual([]);
});
