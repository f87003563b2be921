import { describe, expect, it } from 'vitest';
import { DecisionError } from '../../../src/case/decision';
import { PdfStructureError } from '../../../src/export/signing/pdf-syntax';
import { exportErrorKind } from '../../../src/features/export/export-errors';

describe('which message an export or countersign failure gets', () => {
  it('a chunk or font that could not be fetched means the app is not fully offline-ready yet', () => {
    expect(exportErrorKind(new TypeError('Failed to fetch dynamically imported module: http://x/assets/export-chunk-a.js'))).toBe('offline');
    expect(exportErrorKind(new TypeError('Failed to fetch'))).toBe('offline');
    expect(exportErrorKind(new Error('A font for the PDF summary could not be loaded (504). Reload the app while online once, then try again.'))).toBe('offline');
  });

  it('a file that cannot take a signature, or a decision without comments, is "not signable"', () => {
    expect(exportErrorKind(new PdfStructureError('Encrypted PDFs cannot be countersigned.'))).toBe('notSignable');
    expect(exportErrorKind(new DecisionError('Comments are required when returning for changes.'))).toBe('notSignable');
  });

  it('a lock in the middle of signing says so; anything else is a generic retry', () => {
    const locked = new Error('The app is locked.');
    locked.name = 'LockedError';
    expect(exportErrorKind(locked)).toBe('locked');
    expect(exportErrorKind(new Error('boom'))).toBe('failed');
    expect(exportErrorKind('a string')).toBe('failed');
  });
});
