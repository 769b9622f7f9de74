// What both stores share about transactions: the state of one open transaction, and a guard
// against the one mistake that would otherwise hang SQLite (whose store serializes callers) and
// silently escape the transaction on PostgreSQL: calling the outer store from inside fn instead
// of the tx argument.
import { AsyncLocalStorage } from 'node:async_hooks';
import { NameCache } from './name-cache.ts';

export class TransactionScope {
  /** Names first read or written inside this transaction (see name-cache.ts). */
  readonly names = new NameCache();
  /** Services this transaction holds (Store.lockServices): held until it ends, so never asked for twice. */
  readonly heldServices = new Set<string>();
  private savepoints = 0;
  private finished = false;

  nextSavepointName(): string {
    return `slawatch_sp${++this.savepoints}`;
  }

  finish(): void {
    this.finished = true;
  }

  /**
   * After a savepoint rolled back: what it added here may be gone (its names; a lock it took is
   * released with it), so both are looked up again rather than trusted.
   */
  savepointRolledBack(): void {
    this.names.clear();
    this.heldServices.clear();
  }

  assertOpen(): void {
    if (this.finished)
      throw new Error('this transaction has already ended; use the store, not a tx object kept from transaction()');
  }
}

const openTransactions = new AsyncLocalStorage<ReadonlySet<object>>();

/** Runs fn marked as inside a transaction of the store identified by owner. */
export function runInTransaction<T>(owner: object, fn: () => Promise<T>): Promise<T> {
  const open = new Set(openTransactions.getStore());
  open.add(owner);
  return openTransactions.run(open, fn);
}

/** The open transaction's scope, for a method that only means something inside one. */
export function requireTransaction(scope: TransactionScope | null, method: string): TransactionScope {
  if (!scope)
    throw new Error(`${method} holds until its transaction ends: call it on the tx argument of transaction(fn)`);
  scope.assertOpen();
  return scope;
}

export function assertOutsideTransaction(owner: object): void {
  if (openTransactions.getStore()?.has(owner)) {
    throw new Error(
      'a store method was called on the store inside its own transaction; ' +
        'call it on the tx argument of transaction(fn)',
    );
  }
}
