import AxeBuilder from '@axe-core/playwright';
import { Page } from '@playwright/test';
import { test, expect, hydrated, login } from './helpers';

// WCAG 2.1 A and AA (ГОСТ Р 52872-2019 is built on WCAG 2.1), checked by axe-core on every page
// as the role that uses it sees it. A serious or critical violation fails the test; the
// message lists each rule with the elements it found.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function violations(page: Page, what: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const grave = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  return grave.map((v) => `${what}: ${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}`).join('\n')}`);
}

async function expectAccessible(page: Page, what: string) {
  expect(await violations(page, what), 'WCAG 2.1 AA violations').toEqual([]);
}

const pages: Record<string, string[]> = {
  kurator1: ['/participants', '/participants/new', '/import', '/programmes', '/programmes/1', '/programmes/1/board', '/programmes/1/order',
    '/programmes/1/pairs', '/programmes/1/final', '/programmes/1/thanks', '/programmes/1/surveys', '/programmes/1/codes', '/programmes/1/swot',
    '/questionnaires', '/reports/before-after', '/reports/school', '/practices', '/documents', '/accounts'],
  metodist: ['/district', '/decks', '/decks/1', '/practices'],
  molodoy1: ['/me', '/surveys'],
};

test('the login page meets WCAG 2.1 AA', async ({ page }) => {
  await page.goto('/login');
  await hydrated(page);
  await expectAccessible(page, '/login');
});

for (const [user, paths] of Object.entries(pages)) {
  test(`every page ${user} opens meets WCAG 2.1 AA`, async ({ page }) => {
    test.setTimeout(180_000);
    await login(page, user);
    await expect(page.getByTestId('who')).toBeVisible();
    const found: string[] = [];
    for (const path of paths) {
      await page.goto(path);
      await hydrated(page);
      await expect(page.locator('main')).not.toContainText('Загрузка');
      found.push(...await violations(page, `${user} ${path}`));
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
});
