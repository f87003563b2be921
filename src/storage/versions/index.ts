/**
 * WARNING: the list of shipped Dexie versions. A regression here can make data unreadable.
 * Append only: every version ever shipped stays declared, in order, so any device can
 * upgrade from whatever version it has.
 */
import type { Dexie } from 'dexie';
import type { VersionDeclaration } from './types';
import { v1 } from './v1';
import { v2 } from './v2';
import { v3 } from './v3';
import { v4 } from './v4';
import { v5 } from './v5';

export type { VersionDeclaration } from './types';

export const VERSIONS: readonly VersionDeclaration[] = [v1, v2, v3, v4, v5];

/** Declares `versions` on a Dexie instance; used by HomewardDb and the snapshot test. */
export function declareVersions(db: Dexie, versions: readonly VersionDeclaration[]): void {
  for (const declaration of versions) {
    const version = db.version(declaration.version).stores(declaration.stores);
    if (declaration.upgrade) version.upgrade(declaration.upgrade);
  }
}
