/**
 * A section split into pages that fit a phone: a topic (an item and the sub-items that share its
 * code, "E3.amount" with "E3.currency"), a table (a rows item, alone), or a handful of short
 * related topics, never more than about a screen and a half of questions.
 *
 * The split is made from the instrument alone, never from the answers: an answer that reveals or
 * hides questions changes what a page shows, never which page a question is on, so the page
 * being read does not move under the caseworker's thumb. Pages whose questions are all hidden
 * are skipped (see `shownPages`). Pure, computed once per section.
 */
import { isRecordType, type Item, type Section } from '../../instrument';

/** About two phone screens of questions at 360×740, in the weights below (a yes/no question is 1): more pages cost taps on Next, longer ones scrolling (npm run bench, journey). */
export const PAGE_WEIGHT = 9;

/** The topic an item belongs to: its code before the first dot ("E3.amount" → "E3"). */
export const topicOf = (code: string): string => code.split('.')[0] ?? code;

/**
 * How much of a phone screen a question takes, roughly, with a yes/no question as 1 (label and
 * four options in two rows). Options lists are laid out two to a row where they are short. A
 * question shown only under a condition counts half: it is often hidden.
 */
export function itemWeight(item: Item): number {
  const options = item.options?.length ?? 0;
  const base = (() => {
    switch (item.type) {
      case 'ynu':
      case 'scale':
        return 1;
      case 'choice':
        return options > 8 ? 0.6 : 0.7 + options / 6;
      case 'multi':
        return 0.7 + options / 6;
      case 'number':
      case 'date':
        return 0.6;
      case 'text':
        return 0.9;
      case 'signature':
        return 1.5;
      case 'verbatim':
        return 2.5;
      case 'rows':
        return PAGE_WEIGHT;
      default:
        return 0;
    }
  })();
  return item.visibleIf ? base / 2 : base;
}

/** The items the wizard's form shows (records are written elsewhere, at a moment of decision). */
export const formItems = (section: Section): Item[] => section.items.filter((item) => !isRecordType(item.type));

/** Consecutive items of one topic. */
function topics(items: readonly Item[]): Item[][] {
  const out: Item[][] = [];
  for (const item of items) {
    const last = out.at(-1);
    const first = last?.[0];
    if (last && first && topicOf(first.code) === topicOf(item.code) && item.type !== 'rows' && first.type !== 'rows') last.push(item);
    else out.push([item]);
  }
  return out;
}

/** A topic longer than a page, cut at question boundaries. */
function cut(topic: readonly Item[]): Item[][] {
  const parts: Item[][] = [];
  let weight = 0;
  for (const item of topic) {
    const w = itemWeight(item);
    const last = parts.at(-1);
    if (!last || weight + w > PAGE_WEIGHT) {
      parts.push([item]);
      weight = w;
    } else {
      last.push(item);
      weight += w;
    }
  }
  return parts;
}

const cache = new WeakMap<Section, readonly (readonly string[])[]>();

/** The section's pages, each a list of item codes in instrument order; every form item on exactly one. */
export function sectionPages(section: Section): readonly (readonly string[])[] {
  const known = cache.get(section);
  if (known) return known;
  const pages: Item[][] = [];
  let weight = 0;
  for (const topic of topics(formItems(section))) {
    const w = topic.reduce((sum, item) => sum + itemWeight(item), 0);
    const isTable = topic[0]?.type === 'rows';
    const last = pages.at(-1);
    if (w > PAGE_WEIGHT && !isTable) {
      // Its own pages; what follows starts a new one.
      pages.push(...cut(topic));
      weight = PAGE_WEIGHT;
    } else if (!last || isTable || weight + w > PAGE_WEIGHT) {
      pages.push([...topic]);
      weight = isTable ? PAGE_WEIGHT : w;
    } else {
      last.push(...topic);
      weight += w;
    }
  }
  const result = pages.map((page) => page.map((item) => item.code));
  cache.set(section, result);
  return result;
}

/** Indexes (0-based) of the section's pages that show at least one question now. */
export function shownPages(section: Section, visible: ReadonlySet<string>): number[] {
  return sectionPages(section).flatMap((page, index) => (page.some((code) => visible.has(code)) ? [index] : []));
}

/**
 * The page to show: the one asked for if it shows questions now, else the next that does, else
 * the last that does (a page emptied by an answer elsewhere). `null` when no page shows anything.
 */
export function pickPage(shown: readonly number[], requested: number | null): number | null {
  if (shown.length === 0) return null;
  if (requested === null) return shown[0] ?? null;
  return shown.find((index) => index >= requested) ?? shown.at(-1) ?? null;
}

/** The page (0-based) holding an item, or null if the item is not a question of this section's form. */
export function pageOfItem(section: Section, code: string): number | null {
  const index = sectionPages(section).findIndex((page) => page.includes(code));
  return index < 0 ? null : index;
}

/** A place in the interview: a section and a page of it (0-based). */
export interface Place {
  section: string;
  page: number;
}

/** The pages of a section a caseworker can be on now: those showing questions, or its first (an empty section). */
function placesOf(section: Section, visible: ReadonlySet<string>): number[] {
  const shown = shownPages(section, visible);
  return shown.length > 0 ? shown : [0];
}

/**
 * The place "Next" leads to: the section's next page showing questions, else the first such page
 * of the next visible section; null after the last (the review comes next).
 */
export function nextPlace(sections: readonly Section[], visible: ReadonlySet<string>, at: Place): Place | null {
  const index = sections.findIndex((s) => s.code === at.section);
  const here = sections[index];
  if (!here) return null;
  const later = placesOf(here, visible).find((page) => page > at.page);
  if (later !== undefined) return { section: here.code, page: later };
  const following = sections[index + 1];
  return following ? { section: following.code, page: placesOf(following, visible)[0] ?? 0 } : null;
}

/** The place "Back" leads to: the previous page showing questions, else the last of the previous section. */
export function previousPlace(sections: readonly Section[], visible: ReadonlySet<string>, at: Place): Place | null {
  const index = sections.findIndex((s) => s.code === at.section);
  const here = sections[index];
  if (!here) return null;
  const earlier = placesOf(here, visible).filter((page) => page < at.page).at(-1);
  if (earlier !== undefined) return { section: here.code, page: earlier };
  const preceding = index > 0 ? sections[index - 1] : undefined;
  return preceding ? { section: preceding.code, page: placesOf(preceding, visible).at(-1) ?? 0 } : null;
}
