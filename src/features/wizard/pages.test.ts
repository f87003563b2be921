import { describe, expect, it } from 'vitest';
import { getInstrument, CURRENT, kindOf, registry } from '../../instrument';
import { formItems, nextPlace, pageOfItem, pickPage, previousPlace, sectionPages, shownPages, topicOf } from './pages';

// The wizard pages pre-return assessments; the follow-up check is not one (getInstrument refuses it).
const instruments = registry.filter((e) => kindOf(e) === 'assessment').map((e) => getInstrument(e.id, e.version));
const current = getInstrument(CURRENT.id, CURRENT.version);

describe('sectionPages', () => {
  it.each(instruments.map((i) => [`${i.id}@${String(i.version)}`, i] as const))('puts every question of %s on exactly one page, in instrument order', (_, instrument) => {
    for (const section of instrument.sections) {
      const pages = sectionPages(section);
      expect(pages.flat()).toEqual(formItems(section).map((item) => item.code));
      expect(pages.every((page) => page.length > 0)).toBe(true);
    }
  });

  it('never splits a topic (an item and its sub-items) across pages unless it is longer than a page', () => {
    for (const section of current.sections) {
      const pages = sectionPages(section);
      for (const [index, page] of pages.entries()) {
        const next = pages[index + 1];
        const last = page.at(-1);
        const first = next?.[0];
        if (!last || !first || topicOf(last) !== topicOf(first)) continue;
        // A split topic fills its pages: the part before the cut is a whole page of that topic.
        expect(page.every((code) => topicOf(code) === topicOf(last)), `${section.code}: ${last} | ${first}`).toBe(true);
      }
    }
  });

  it('gives a table (rows) a page of its own', () => {
    for (const section of current.sections) {
      for (const item of section.items.filter((i) => i.type === 'rows')) {
        const page = sectionPages(section)[pageOfItem(section, item.code) ?? -1];
        expect(page?.filter((code) => topicOf(code) !== topicOf(item.code)), item.code).toEqual([]);
      }
    }
  });

  it('splits sections into more than one page where they are long', () => {
    expect(current.sections.filter((s) => sectionPages(s).length > 1).length).toBeGreaterThan(current.sections.length / 2);
  });
});

describe('moving through pages', () => {
  const [first, second] = current.sections;
  if (!first || !second) throw new Error('the instrument has sections');
  const all = new Set(current.sections.flatMap((s) => s.items.map((i) => i.code)));

  it('shows the requested page, else the next that shows questions, else the last', () => {
    expect(pickPage([0, 2, 3], null)).toBe(0);
    expect(pickPage([0, 2, 3], 1)).toBe(2);
    expect(pickPage([0, 2, 3], 3)).toBe(3);
    expect(pickPage([0, 2], 7)).toBe(2);
    expect(pickPage([], 0)).toBeNull();
  });

  it('skips pages whose questions are all hidden', () => {
    const pages = sectionPages(first);
    const secondPage = pages[1] ?? [];
    const visible = new Set([...all].filter((code) => !secondPage.includes(code)));
    expect(shownPages(first, visible)).not.toContain(1);
    if (pages.length > 2) expect(nextPlace([first, second], visible, { section: first.code, page: 0 })).toEqual({ section: first.code, page: 2 });
  });

  it('goes from the last page of a section to the first of the next, and back to the last', () => {
    const last = sectionPages(first).length - 1;
    expect(nextPlace([first, second], all, { section: first.code, page: last })).toEqual({ section: second.code, page: 0 });
    expect(previousPlace([first, second], all, { section: second.code, page: 0 })).toEqual({ section: first.code, page: last });
    expect(previousPlace([first, second], all, { section: first.code, page: 0 })).toBeNull();
    expect(nextPlace([first, second], all, { section: second.code, page: sectionPages(second).length - 1 })).toBeNull();
  });
});
