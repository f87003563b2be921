import { describe, expect, it } from 'vitest';
import { parseArgs, PARTS } from '../../../scripts/bench/args';
import { isLoopbackHost } from '../../../scripts/bench/net-watch';
import { pdfSamples } from '../../../scripts/bench/pdf';
import { longestTaskDuring } from '../../../scripts/bench/typing';

describe('parseArgs', () => {
  it('runs every part, builds and writes no JSON by default', () => {
    expect(parseArgs([])).toEqual({ parts: [...PARTS], json: null, build: true, help: false });
  });

  it('--only keeps the table order whatever order the parts are named in', () => {
    expect(parseArgs(['--only', 'unlock,size']).parts).toEqual(['size', 'unlock']);
    expect(parseArgs(['--only=coldstart']).parts).toEqual(['coldstart']);
  });

  it('refuses an unknown part or option, and a flag without its value', () => {
    expect(() => parseArgs(['--only', 'lighthous'])).toThrow(/Unknown part.*lighthous/);
    expect(() => parseArgs(['--fast'])).toThrow(/Unknown option --fast/);
    expect(() => parseArgs(['--json'])).toThrow(/--json needs a value/);
    expect(() => parseArgs(['--json', '--no-build'])).toThrow(/--json needs a value/);
    expect(() => parseArgs(['--only', ','])).toThrow(/at least one part/);
  });

  it('reads --json and --no-build', () => {
    expect(parseArgs(['--json', 'out.json', '--no-build'])).toMatchObject({ json: 'out.json', build: false });
  });
});

describe('isLoopbackHost', () => {
  it('accepts only this machine', () => {
    for (const host of ['localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]', undefined, '']) expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['example.org', '10.0.0.1', '192.168.1.1', '8.8.8.8', 'localhost.example.org']) expect(isLoopbackHost(host)).toBe(false);
  });
});

describe('longestTaskDuring', () => {
  const save = { name: 'homeward:autosave', start: 1000, duration: 30 };

  it('counts only long tasks that overlap a save', () => {
    const tasks = [
      { name: 'self', start: 100, duration: 300 }, // long, but long before the save
      { name: 'self', start: 990, duration: 60 }, // runs into the save
      { name: 'self', start: 1030, duration: 80 }, // starts as the save ends: no overlap
    ];
    expect(longestTaskDuring(tasks, [save])).toBe(60);
  });

  it('is 0 when no long task overlapped a save', () => {
    expect(longestTaskDuring([{ name: 'self', start: 0, duration: 500 }], [save])).toBe(0);
    expect(longestTaskDuring([], [save])).toBe(0);
  });
});

describe('pdfSamples', () => {
  it('takes an array of milliseconds or an object holding one', () => {
    expect(pdfSamples([800, 900])).toEqual([800, 900]);
    expect(pdfSamples({ samplesMs: [1, 2] })).toEqual([1, 2]);
    expect(pdfSamples({ timesMs: [3] })).toEqual([3]);
  });

  it('gives null rather than a made-up figure for anything else', () => {
    expect(pdfSamples(undefined)).toBeNull();
    expect(pdfSamples([])).toBeNull();
    expect(pdfSamples(['fast'])).toBeNull();
    expect(pdfSamples({ median: 800 })).toBeNull();
  });
});
