import { expect } from 'vitest';
/**
 * axe-core in the real page. The source is evaluated through the DevTools protocol rather than
 * added as an inline <script>, so it keeps working once the app ships a strict CSP (no inline script).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.2 AA as axe tags it (2.0 and 2.1 A/AA plus the 2.2 AA additions). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

export interface Violation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: readonly string[];
}

type AxeGlobal = { axe?: { run: (context: Document, options: object) => Promise<AxeResults> } };

export async function runAxe(page: Page): Promise<Violation[]> {
  const loaded = await page.evaluate(() => typeof (window as AxeGlobal).axe !== 'undefined');
  if (!loaded) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as AxeGlobal).axe;
    if (!axe) throw new Error('axe-core did not load');
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.map((v: Result) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  }, [...WCAG_TAGS]);
  return violations;
}

/** One line per violation, for a failure message a person can act on. */
export function describeViolations(violations: readonly Violation[]): string {
  return violations.map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} at ${v.targets.slice(0, 5).join(', ')}`).join('\n');
}

/**
 * Zero axe violations, and nothing scrolls sideways: the page is no wider than `maxWidth`
 * (default: the viewport's width). `where` names the screen and state in the failure message.
 */
export async function expectAccessible(page: Page, where: string, maxWidth?: number): Promise<void> {
  const violations = await runAxe(page);
  expect(violations, `${where}:\n${describeViolations(violations)}`).toEqual([]);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  const limit = maxWidth ?? (await page.evaluate(() => window.innerWidth));
  expect(width, `${where}: nothing may scroll sideways at ${String(limit)} px`).toBeLessThanOrEqual(limit);
}

/**
 * Zero axe violations at phone width and at desktop width, from the top of the screen: scrolled, a
 * control half under the sticky bar with Quick exit counts as a small target for axe. Leaves the
 * page at phone width.
 */
export async function expectAccessibleAtBothWidths(page: Page, where: string, widths: { phone: { width: number; height: number }; desktop: { width: number; height: number } }): Promise<void> {
  for (const [name, size] of [['360 px', widths.phone], ['desktop', widths.desktop]] as const) {
    await page.setViewportSize(size);
    await page.evaluate(() => {
      window.scrollTo(0, 0);
    });
    await expectAccessible(page, `${where} at ${name}`);
  }
  await page.setViewportSize(widths.phone);
}
