import { Browser, Locator, Page } from '@playwright/test';
import { expect, hydrated, login, test } from './helpers';

/** Logs in and opens the board of the programme with this title. */
async function openBoard(page: Page, user: string, programme: string) {
  await login(page, user);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto('/programmes');
  await page.getByRole('link', { name: programme }).click();
  await page.getByRole('link', { name: 'Открыть доску' }).click();
  await expect(page).toHaveURL(/\/board$/);
  await hydrated(page);
}

const pool = (page: Page) => page.locator('.pool');
const poolCards = (page: Page) => pool(page).getByTestId('mentee');
const mentor = (page: Page, name: string) => page.getByTestId('mentor').filter({ hasText: name });

async function centre(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not visible');
  return { x: box.x + box.width / 2, y: box.y + Math.min(box.height / 2, 30) };
}

/** A mouse drag, in small steps as a hand makes it. */
async function mouseDrag(page: Page, card: Locator, target: Locator) {
  const from = await centre(card);
  const to = await centre(target);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 20, from.y + 10, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

async function mentorName(zone: Locator) {
  return ((await zone.locator('.mentor-head strong').textContent()) ?? '').trim();
}

test('a mouse drag pairs a mentee with a mentor; undo, redo, and the pair survives a reload', async ({ page }) => {
  await openBoard(page, 'kurator12', 'Педагог – группа педагогов');
  const zone = page.getByTestId('mentor').first();
  const teacher = await mentorName(zone);
  const before = await poolCards(page).count();
  const card = poolCards(page).first();
  const name = ((await card.locator('strong').first().textContent()) ?? '').trim();

  await mouseDrag(page, card, zone);
  await expect(mentor(page, teacher).getByTestId('mentee').filter({ hasText: name })).toBeVisible();
  await expect(poolCards(page)).toHaveCount(before - 1);
  await expect(page.getByTestId('announce')).toContainText(name);
  await expect(mentor(page, teacher).getByTestId('score')).toHaveCount(1);

  // Why that score: each criterion's contribution.
  await mentor(page, teacher).getByTestId('score').click();
  await expect(page.getByTestId('explain')).toContainText('Разница в стаже');

  // Undo with the keyboard, redo with the button.
  await page.keyboard.press('Control+z');
  await expect(poolCards(page)).toHaveCount(before);
  await page.getByTestId('redo').click();
  await expect(poolCards(page)).toHaveCount(before - 1);

  await page.reload();
  await hydrated(page);
  await expect(mentor(page, teacher).getByTestId('mentee').filter({ hasText: name })).toBeVisible();
  await expect(page.getByTestId('history')).toContainText(name);
});

test.describe('on a tablet', () => {
  test.use({ viewport: { width: 820, height: 1180 }, hasTouch: true, isMobile: true });

  test('a finger drags a mentee onto a mentor', async ({ page }) => {
    await openBoard(page, 'kurator12', 'Педагог – группа педагогов');
    const zone = page.getByTestId('mentor').first();
    const teacher = await mentorName(zone);
    const card = poolCards(page).first();
    const name = ((await card.locator('strong').first().textContent()) ?? '').trim();
    const inGroup = await zone.getByTestId('mentee').count();

    // Real touch input through the DevTools protocol: Chromium turns it into pointer events.
    const cdp = await page.context().newCDPSession(page);
    const from = await centre(card);
    const to = await centre(zone);
    const touch = (type: string, x: number, y: number) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
    await touch('touchStart', from.x, from.y);
    for (let i = 1; i <= 12; i++) {
      await touch('touchMove', from.x + ((to.x - from.x) * i) / 12, from.y + ((to.y - from.y) * i) / 12);
    }
    await touch('touchEnd', to.x, to.y);

    await expect(mentor(page, teacher).getByTestId('mentee')).toHaveCount(inGroup + 1);
    await expect(mentor(page, teacher).getByTestId('mentee').filter({ hasText: name })).toBeVisible();
  });
});

test('without dragging: pick a card, pick a mentor; a prior relationship asks for a reason and records it', async ({ page }) => {
  await openBoard(page, 'kurator1', 'Наставничество молодых педагогов');
  // In the demo, Белова София's former class teacher is Миронов Денис.
  const card = page.getByTestId('mentee').filter({ hasText: 'Белова София' });
  await card.getByRole('button', { name: 'Белова София' }).focus();
  await page.keyboard.press('Enter');
  await expect(card.getByRole('button', { name: 'Белова София' })).toHaveAttribute('aria-pressed', 'true');
  const head = mentor(page, 'Миронов Денис').locator('.mentor-head');
  await head.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('reason-dialog');
  await expect(dialog).toContainText('бывший классный руководитель');
  // A modal dialog: the focus is in its field, Tab never leaves it, Escape closes it and the
  // focus goes back to where it was; nothing is placed.
  const reason = dialog.getByLabel('Причина, по которой пара всё же формируется');
  await expect(reason).toBeFocused();
  expect(await dialog.evaluate((d) => d.matches(':modal'))).toBe(true);
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => document.activeElement === document.body || d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(head).toBeFocused();
  await expect(mentor(page, 'Миронов Денис').getByTestId('mentee').filter({ hasText: 'Белова София' })).toHaveCount(0);

  // The card is still picked: the curator can go on with a reason, or choose another mentor.
  await expect(card.getByRole('button', { name: 'Белова София' })).toHaveAttribute('aria-pressed', 'true');
  await head.click();
  await reason.fill('Другого учителя физики в школе нет');
  await dialog.getByRole('button', { name: 'Сформировать пару' }).click();
  await expect(dialog).toBeHidden();
  const placed = mentor(page, 'Миронов Денис').getByTestId('mentee').filter({ hasText: 'Белова София' });
  await expect(placed.getByTestId('conflict')).toContainText('Другого учителя физики в школе нет');
  await expect(page.getByTestId('history')).toContainText('несмотря на конфликт: Другого учителя физики в школе нет');
});

test('the focus stays in its place when the control that had it goes away', async ({ page }) => {
  await openBoard(page, 'kurator12', 'Педагог – группа педагогов');
  // A card placed now (a pair whose work has begun could not be moved back).
  const card = page.locator('.pool').getByTestId('mentee').first();
  const name = ((await card.locator('strong').first().textContent()) ?? '').trim();
  await card.getByRole('button', { name }).click();
  // The mentor by name: a locator of «the first one not full» would move on once this one fills.
  const teacher = await mentorName(page.locator('[data-testid="mentor"]:not(.full)').first());
  const zone = mentor(page, teacher);
  await zone.locator('.mentor-head').click();
  const reason = page.getByTestId('reason-dialog');
  const placed = zone.getByTestId('mentee').filter({ hasText: name });
  await expect(placed.or(page.locator('dialog[open][data-testid="reason-dialog"]'))).toBeVisible();
  if (await reason.isVisible()) {
    await reason.getByRole('textbox').fill('Проверка фокуса');
    await reason.getByRole('button', { name: 'Сформировать пару' }).click();
  }
  await expect(placed).toBeVisible();
  await placed.getByRole('button', { name }).focus();
  await page.keyboard.press('Enter');
  // «Вернуть в список…» shows only while a placed card is picked: used, it goes away, and the
  // focus goes to the list it returned the card to, not to the top of the page.
  const back = page.getByRole('button', { name: 'Вернуть в список без наставника' });
  await back.focus();
  await page.keyboard.press('Enter');
  await expect(back).toHaveCount(0);
  await expect(page.locator('.pool').getByTestId('mentee').filter({ hasText: name })).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.pool') !== null)).toBe(true);
  // The board is as it was: the card is back in the pool, for the specs that follow.
});

test('going over a mentor\'s capacity is refused with a message', async ({ page }) => {
  await openBoard(page, 'kurator7', 'Учитель – ученик');
  const zones = page.getByTestId('mentor');
  const full = page.locator('.mentor.full').nth(1);
  const target = await mentorName(full);
  const source = zones.filter({ hasNot: page.locator(`text=${target}`) }).first();
  const before = await full.getByTestId('mentee').count();
  await mouseDrag(page, source.getByTestId('mentee').first(), full);
  await expect(page.getByTestId('board-error')).toContainText('нет свободных мест');
  await expect(full.getByTestId('mentee')).toHaveCount(before);
});

async function boardAs(browser: Browser, user: string) {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await openBoard(page, user, 'Ученик – ученик');
  return { context, page };
}

test('two curators on one board: the stale change is refused and the board says what changed', async ({ browser }) => {
  const first = await boardAs(browser, 'kurator7');
  const second = await boardAs(browser, 'kurator7');
  const groups = first.page.getByTestId('mentor');
  const mover = groups.nth(0).getByTestId('mentee').first();
  const moverName = ((await mover.locator('strong').first().textContent()) ?? '').trim();
  await mouseDrag(first.page, mover, pool(first.page));
  await expect(poolCards(first.page).filter({ hasText: moverName })).toBeVisible();

  // The second tab still shows the old board and moves someone else.
  const other = second.page.getByTestId('mentor').nth(1).getByTestId('mentee').first();
  const otherName = ((await other.locator('strong').first().textContent()) ?? '').trim();
  await mouseDrag(second.page, other, pool(second.page));
  const stale = second.page.getByTestId('board-stale');
  await expect(stale).toContainText('Доску только что изменил другой куратор');
  await expect(stale).toContainText(moverName);
  // Refreshed: the first curator's change is there, the stale one is not.
  await expect(poolCards(second.page).filter({ hasText: moverName })).toBeVisible();
  await expect(poolCards(second.page).filter({ hasText: otherName })).toHaveCount(0);
  await first.context.close();
  await second.context.close();
});

test('fixing the pairs produces a printable order', async ({ page }) => {
  await openBoard(page, 'kurator12', 'Педагог – группа педагогов');
  const zone = page.getByTestId('mentor').first();
  const teacher = await mentorName(zone);
  if ((await zone.getByTestId('mentee').count()) === 0) {
    await mouseDrag(page, poolCards(page).first(), zone);
    await expect(zone.getByTestId('mentee')).toHaveCount(1);
  }
  const mentees = await zone.getByTestId('mentee').locator('strong').allTextContents();
  await page.getByRole('button', { name: 'Зафиксировать пары' }).click();
  await expect(page.getByRole('status')).toContainText('Пары зафиксированы');
  await expect(zone.getByTestId('mentee').first()).toContainText('зафиксирована');

  await page.getByRole('link', { name: 'Приказ о закреплении' }).click();
  const order = page.getByTestId('order');
  await expect(order).toContainText('Приказ о закреплении наставнических пар');
  await expect(order).toContainText('МБОУ «Основная школа № 12»');
  await expect(order.locator('tbody tr').filter({ hasText: teacher })).toContainText(mentees[0].trim());
  await expect(order).toContainText('Руководитель образовательной организации');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Печать / PDF' })).toBeHidden();
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
});
