import { describe, expect, it } from 'vitest';
import { parseDays } from './kit-create-form';

describe('follow-up days as typed', () => {
  it('reads ascending whole days separated by commas, spaces or Arabic commas', () => {
    expect(parseDays('7, 30, 90')).toEqual([7, 30, 90]);
    expect(parseDays('7 30  90')).toEqual([7, 30, 90]);
    expect(parseDays('7، 30، 90')).toEqual([7, 30, 90]);
  });

  it('refuses what is not such a list', () => {
    for (const text of ['', '30, 7', '7, 7', '0', '731', '7.5', 'seven', '1,2,3,4,5,6,7,8,9,10,11,12,13']) expect(parseDays(text), text).toBeNull();
  });
});
