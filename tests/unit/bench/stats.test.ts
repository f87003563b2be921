import { describe, expect, it } from 'vitest';
import { max, median, percentile, summarize } from '../../../scripts/bench/stats';

describe('median', () => {
  it('is the middle sample of an odd count, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([818, 1326, 909, 700, 2000])).toBe(909);
  });

  it('is the mean of the two middle samples of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('does not reorder the caller’s array', () => {
    const samples = [3, 1, 2];
    median(samples);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('refuses no samples and non-finite ones', () => {
    expect(() => median([])).toThrow(RangeError);
    expect(() => median([1, Number.NaN])).toThrow(RangeError);
    expect(() => median([1, Number.POSITIVE_INFINITY])).toThrow(RangeError);
  });
});

describe('percentile (nearest rank)', () => {
  const oneTo200 = Array.from({ length: 200 }, (_, i) => 200 - i); // 200…1, unsorted on purpose

  it('p95 of 200 samples is the 190th smallest, p50 the 100th', () => {
    expect(percentile(oneTo200, 95)).toBe(190);
    expect(percentile(oneTo200, 50)).toBe(100);
  });

  it('never interpolates: it returns an observed sample', () => {
    expect(percentile([10, 20], 95)).toBe(20);
    expect(percentile([10, 20], 50)).toBe(10);
    expect(percentile([10, 20, 30, 40], 75)).toBe(30);
  });

  it('p100 is the maximum and a tiny p the minimum', () => {
    expect(percentile([7, 3, 9], 100)).toBe(9);
    expect(percentile([7, 3, 9], 0.1)).toBe(3);
  });

  it('one slow outlier in 200 does not move p95, eleven do', () => {
    const fast = Array.from({ length: 200 }, () => 20);
    expect(percentile([...fast.slice(1), 900], 95)).toBe(20);
    expect(percentile([...fast.slice(11), ...Array.from({ length: 11 }, () => 900)], 95)).toBe(900);
  });

  it('refuses a percentile outside (0, 100]', () => {
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });
});

describe('summarize', () => {
  it('gives count, min, median, p95 and max', () => {
    expect(summarize([5, 1, 4, 2, 3])).toEqual({ count: 5, min: 1, median: 3, p95: 5, max: 5 });
    expect(max([2, 9, 4])).toBe(9);
  });
});
