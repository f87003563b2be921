/**
 * WARNING: Dexie version declarations. A regression here can make the database fail to open
 * or lose data on upgrade. See v1.ts for the rules.
 */
import type { Transaction } from 'dexie';

export interface VersionDeclaration {
  /** Dexie version number: 1, 2, 3… with no gaps. */
  readonly version: number;
  /**
   * Dexie store specs for the tables this version adds or changes (Dexie carries the other
   * tables forward); `null` deletes a table. First entry is the primary key.
   */
  readonly stores: Readonly<Record<string, string | null>>;
  /** Runs inside the versionchange transaction, once, when a device upgrades to this version. */
  readonly upgrade?: (tx: Transaction) => PromiseLike<unknown> | void;
}
