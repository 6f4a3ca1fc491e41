import { test, expect } from '@playwright/test';
import path from 'node:path';
import { hydrated, login } from './helpers';

test('a curator adds a participant, fixing a validation error on the way', async ({ page }) => {
  await login(page, 'kurator1');
  await expect(page).toHaveURL(/\/participants$/);
  await expect(page.getByRole('heading', { name: 'База наставников и наставляемых' })).toBeVisible();
  await expect(page.getByTestId('count')).toHaveText('6');

  await page.getByRole('link', { name: 'Добавить участника' }).click();
  await hydrated(page);
  await page.getByLabel('Фамилия').fill('Кузнецова');
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
  await expect(page.getByLabel('Фамилия')).toHaveValue('Кузнецова');

  await page.getByLabel('Педагогический стаж, лет').fill('1');
  await expect(experience.getByRole('alert')).toHaveText('');
  await page.getByRole('button', { name: 'Сохранить' }).click();

  await expect(page).toHaveURL(/\/participants$/);
  await expect(page.getByTestId('count')).toHaveText('7');
  await hydrated(page);
  await page.getByRole('searchbox', { name: 'Поиск по ФИО, предмету, компетенциям' }).fill('кузнецова');
  await expect(page.getByTestId('participant-row')).toHaveCount(1);
  await expect(page.getByTestId('participant-row')).toContainText('Кузнецова Дарья');
});

test('an import with one bad row shows the row error and imports nothing', async ({ page }) => {
  await login(page, 'kurator12');
  await expect(page).toHaveURL(/\/participants$/);
  const before = await page.getByTestId('count').textContent();

  await page.goto('/import');
  await hydrated(page);
  await page.locator('input[type="file"]').setInputFiles(path.join(__dirname, 'fixtures', 'one-bad-row.csv'));
  await page.getByRole('button', { name: 'Проверить файл' }).click();

  await expect(page.getByTestId('import-summary')).toContainText('2 строк без ошибок');
  await expect(page.getByTestId('import-summary')).toContainText('1 строк с ошибками');
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
