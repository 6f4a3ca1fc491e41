import AxeBuilder from '@axe-core/playwright';
import { Page } from '@playwright/test';
import { expect } from './helpers';

// WCAG 2.1 A and AA (ГОСТ Р 52872-2019 is built on WCAG 2.1), checked by axe-core on every page
// as the role that uses it sees it. A serious or critical violation fails the test; the
// message lists each rule with the elements it found.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export async function violations(page: Page, what: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const grave = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  return grave.map((v) => `${what}: ${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}`).join('\n')}`);
}

export async function expectAccessible(page: Page, what: string) {
  expect(await violations(page, what), 'WCAG 2.1 AA violations').toEqual([]);
}
