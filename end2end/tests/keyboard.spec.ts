import { Locator, Page } from '@playwright/test';
import { deploy, stop, test, expect, hydrated, updateURL } from './helpers';

// Keyboard only: no click, tap or drag from the login to the result. Each control is reached
// with Tab (and Shift+Tab never needed), as a person without a mouse reaches it.

/** Presses Tab until `target` has the focus; fails if it is not reachable. */
async function tabTo(page: Page, target: Locator, most = 300) {
  await expect(target).toBeVisible();
  for (let i = 0; i < most; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`not reachable with Tab: ${target}`);
}

async function keyboardLogin(page: Page, user: string) {
  await page.goto('/login');
  await hydrated(page);
  await tabTo(page, page.getByLabel('Логин'));
  await page.keyboard.type(user);
  await page.keyboard.press('Tab');
  await page.keyboard.type('demo2026');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('who')).toBeVisible();
}

test('with the keyboard only: a curator forms a pair on the board', async ({ page }) => {
  await keyboardLogin(page, 'kurator12');
  await page.goto('/programmes');
  await hydrated(page);
  await tabTo(page, page.getByRole('link', { name: 'Педагог – группа педагогов' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('link', { name: 'Открыть доску' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/board$/);
  await hydrated(page);

  const card = page.locator('.pool').getByTestId('mentee').first();
  const name = ((await card.locator('strong').first().textContent()) ?? '').trim();
  const zone = page.locator('[data-testid="mentor"]:not(.full)').first();
  const teacher = ((await zone.locator('.mentor-head strong').textContent()) ?? '').trim();
  const inGroup = await zone.getByTestId('mentee').count();

  // Arrow keys move between the cards of a list and across the groups.
  const second = page.locator('.pool').getByTestId('mentee').nth(1).locator('.card-pick');
  await tabTo(page, card.getByRole('button', { name }));
  await page.keyboard.press('ArrowDown');
  await expect(second).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(card.getByRole('button', { name })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(card.getByRole('button', { name })).toHaveAttribute('aria-pressed', 'true');
  const head = page.getByTestId('mentor').filter({ hasText: teacher }).locator('.mentor-head');
  for (let i = 0; i < 30 && !(await head.evaluate((e) => e === document.activeElement)); i++) await page.keyboard.press('ArrowRight');
  await expect(head).toBeFocused();
  await page.keyboard.press('Enter');
  const group = page.getByTestId('mentor').filter({ hasText: teacher });
  await expect(group.getByTestId('mentee')).toHaveCount(inGroup + 1);
  await expect(group.getByTestId('mentee').filter({ hasText: name })).toBeVisible();
  await expect(page.getByTestId('announce')).toContainText(name);
});

test('with the keyboard only: a young teacher answers a questionnaire, and a coordinator steps through a deck', async ({ browser }) => {
  // A demo district of its own: the other specs expect the young teacher's questionnaires open.
  const server = await deploy('first');
  const context = await browser.newContext({ baseURL: updateURL, locale: 'ru-RU' });
  try {
    await answerAndPresent(await context.newPage());
  } finally {
    await context.close();
    await stop(server);
  }
});

async function answerAndPresent(page: Page) {
  await keyboardLogin(page, 'molodoy1');
  await page.goto('/surveys');
  await hydrated(page);
  await tabTo(page, page.getByRole('link', { name: 'Заполнить' }).first());
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/surveys\/\d+$/);
  await hydrated(page);
  await tabTo(page, page.getByRole('button', { name: 'Начать' }));
  await page.keyboard.press('Enter');

  const send = page.getByRole('button', { name: 'Отправить' });
  while (!(await send.isVisible())) {
    const questions = page.locator('fieldset.question');
    for (let i = 0; i < await questions.count(); i++) {
      const question = questions.nth(i);
      const option = question.locator('label.scale-point input, label.choice input').first();
      if (await option.count()) {
        // Into the group with Tab; Space chooses (a radio group's other points are arrows away).
        await tabTo(page, option);
        await page.keyboard.press('Space');
        await expect(option).toBeChecked();
      } else {
        await tabTo(page, question.locator('.answer-text').first());
        await page.keyboard.type('С клавиатуры');
      }
    }
    await tabTo(page, page.getByRole('button', { name: 'Далее' }));
    await page.keyboard.press('Enter');
  }
  await expect(page.getByRole('heading', { name: 'Проверьте ответы перед отправкой' })).toBeVisible();
  await tabTo(page, send);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('thanks')).toBeVisible();

  await page.context().clearCookies();
  await keyboardLogin(page, 'metodist');
  await page.goto('/decks/1/present');
  await expect(page.locator('body[data-ready="1"]')).toBeAttached();
  await tabTo(page, page.getByRole('button', { name: 'Показать' }));
  await page.keyboard.press('Enter');
  const counter = page.locator('.deck-counter');
  await expect(counter).toHaveText('1 / 10');
  await page.keyboard.press('ArrowRight');
  await expect(counter).toHaveText('2 / 10');
  await page.keyboard.press('End');
  await expect(counter).toHaveText('10 / 10');
  await page.keyboard.press('Home');
  await expect(counter).toHaveText('1 / 10');
}
