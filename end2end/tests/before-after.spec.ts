import { expect, hydrated, login, test } from './helpers';

// Runs before surveys.spec.ts (files run in name order on one fresh demo database), which
// adds an exit answer to the pilot school and so moves the district's figures.
test('the methodologist sees the district talk figures: entry against exit', async ({ page }) => {
  await login(page, 'metodist');
  await expect(page).toHaveURL(/\/district$/);
  await page.getByRole('link', { name: 'Входной и выходной мониторинг' }).click();
  await expect(page.getByRole('heading', { name: 'Входное и выходное анкетирование' })).toBeVisible();
  await hydrated(page);
  const difficulties = page.locator('section.result[data-key="difficulties"]');
  await expect(difficulties.getByTestId('n')).toHaveText('На входе n = 114, на выходе n = 112; ответили оба раза: 112');
  const documents = difficulties.locator('tr', { hasText: 'Разработка документации' });
  await expect(documents.locator('td')).toHaveText(['31% (35)', '22% (25)']);
  const tasks = difficulties.locator('tr', { hasText: 'Подбор для детей заданий различной степени трудности' });
  await expect(tasks.locator('td')).toHaveText(['38% (43)', '23% (26)']);
  const attitude = page.locator('section.result[data-key="attitude"]');
  await expect(attitude.locator('tr', { hasText: 'Изменилось в лучшую сторону' }).locator('td')).toHaveText(['66% (74)']);
});
