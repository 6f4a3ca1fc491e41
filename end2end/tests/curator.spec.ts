import path from 'node:path';
import { expect, hydrated, login, test } from './helpers';

test('a curator adds a participant, fixing a validation error on the way', async ({ page }) => {
  await login(page, 'kurator1');
  await expect(page).toHaveURL(/\/participants$/);
  await expect(page.getByRole('heading', { name: 'База наставников и наставляемых' })).toBeVisible();
  await hydrated(page);
  const before = Number(await page.getByTestId('count').textContent());
  // A surname no earlier run has used, so the search below finds exactly this person.
  const letters = 'абвгдежзиклмнопрстуфхцчшэюя';
  const suffix = Array.from({ length: 4 }, () => letters[Math.floor(Math.random() * letters.length)]).join('');
  const surname = `Кузнецова-${suffix}`;

  await page.getByRole('link', { name: 'Добавить участника' }).click();
  await hydrated(page);
  await page.getByLabel('Фамилия').fill(surname);
  await page.getByLabel('Имя', { exact: true }).fill('Дарья');
  await page.getByLabel('Роль в программе').selectOption({ label: 'Наставляемый' });
  await page.getByLabel('Категория участника').selectOption({ label: 'Педагог' });
  await page.getByLabel('Предметы').fill('география');
  await page.getByLabel('Педагогический стаж, лет').fill('сто');
  await page.getByRole('button', { name: 'Сохранить' }).click();

  const experience = page.locator('.field', { has: page.getByLabel('Педагогический стаж, лет') });
  await expect(experience.getByRole('alert')).toHaveText('Стаж — целое число лет от 0 до 60');
  await expect(page).toHaveURL(/\/participants\/new$/);
  // What was typed is still there.
  await expect(page.getByLabel('Фамилия')).toHaveValue(surname);

  await page.getByLabel('Педагогический стаж, лет').fill('1');
  await expect(experience.getByRole('alert')).toHaveText('');
  await page.getByRole('button', { name: 'Сохранить' }).click();

  await expect(page).toHaveURL(/\/participants$/);
  await expect(page.getByTestId('count')).toHaveText(String(before + 1));
  await hydrated(page);
  // Search ignores case: the curator types in lower case.
  await page.getByRole('searchbox', { name: 'Поиск по ФИО, предмету, компетенциям' }).fill(surname.toLowerCase());
  await expect(page.getByTestId('participant-row')).toHaveCount(1);
  await expect(page.getByTestId('participant-row')).toContainText(`${surname} Дарья`);
});

test('an import with one bad row shows the row error and imports nothing', async ({ page }) => {
  await login(page, 'kurator12');
  await expect(page).toHaveURL(/\/participants$/);
  const before = await page.getByTestId('count').textContent();

  await page.goto('/import');
  await hydrated(page);
  await page.locator('input[type="file"]').setInputFiles(path.join(__dirname, 'fixtures', 'one-bad-row.csv'));
  await page.getByRole('button', { name: 'Проверить файл' }).click();

  await expect(page.getByTestId('import-summary')).toContainText('2 строки без ошибок');
  await expect(page.getByTestId('import-summary')).toContainText('1 строка с ошибками');
  const bad = page.getByTestId('row-bad');
  await expect(bad).toHaveCount(1);
  await expect(bad).toContainText('3');
  await expect(bad).toContainText('Класс: Класс — число от 1 до 11 и буква, например 7Б');
  await expect(page.getByTestId('import-blocked')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Импортировать' })).toBeDisabled();

  await page.goto('/participants');
  await expect(page.getByTestId('count')).toHaveText(before ?? '');
});

test('logging out returns to the login page and closes the curator pages', async ({ page }) => {
  await login(page, 'kurator1');
  await expect(page).toHaveURL(/\/participants$/);
  await hydrated(page);
  await page.getByRole('button', { name: 'Выйти' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/participants');
  await expect(page).toHaveURL(/\/login$/);
});

test('a curator records a prior relationship on a participant and removes it', async ({ page }) => {
  await login(page, 'kurator1');
  await expect(page).toHaveURL(/\/participants$/);
  await page.getByTestId('participant-row').first().getByRole('link').click();
  await hydrated(page);
  const section = page.locator('section', { has: page.getByRole('heading', { name: 'Прежние отношения' }) });
  const before = await section.getByTestId('relation').count();
  const other = section.getByLabel('С кем');
  const name = (await other.locator('option').nth(1).textContent()) ?? '';
  await other.selectOption({ index: 1 });
  await section.getByLabel('Кем приходится').selectOption({ label: 'Родственник' });
  await section.getByRole('button', { name: 'Добавить' }).click();
  await expect(section.getByTestId('relation')).toHaveCount(before + 1);
  await expect(section.getByTestId('relation').filter({ hasText: name })).toContainText('Родственник');
  // The same again is refused with a reason.
  await section.getByLabel('С кем').selectOption({ index: 1 });
  await section.getByLabel('Кем приходится').selectOption({ label: 'Родственник' });
  await section.getByRole('button', { name: 'Добавить' }).click();
  await expect(section.getByRole('alert')).toHaveText('Такие отношения уже отмечены');
  // And it can be taken back.
  await section.getByTestId('relation').filter({ hasText: name }).filter({ hasText: 'Родственник' })
    .getByRole('button', { name: 'Убрать' }).click();
  await expect(section.getByTestId('relation')).toHaveCount(before);
});

for (const [device, viewport] of [
  ['phone', { width: 390, height: 844 }],
  ['tablet', { width: 820, height: 1180 }],
  ['laptop', { width: 1280, height: 800 }],
] as const) {
  test(`every section of a curator is in sight at once on a ${device}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await login(page, 'kurator1');
    await expect(page).toHaveURL(/\/participants$/);
    const sections = page.locator('header nav a');
    await expect(sections).toHaveCount(8);
    for (const section of await sections.all()) {
      await expect(section, await section.innerText()).toBeInViewport({ ratio: 1 });
    }
    await expect(page.getByRole('link', { name: 'Входной и выходной мониторинг' })).toBeInViewport({ ratio: 1 });
    await expect(page.getByRole('link', { name: 'Документы' })).toBeInViewport({ ratio: 1 });
    await expect(page.getByRole('button', { name: 'Выйти' })).toBeInViewport({ ratio: 1 });
  });
}
