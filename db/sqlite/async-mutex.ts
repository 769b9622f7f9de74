// better-sqlite3 runs statements synchronously on one connection, so an async transaction that
// awaits between its statements would let any other caller's statements land inside it. The
// SQLite store therefore runs every public call, and every transaction from BEGIN to COMMIT,
// through this queue: one at a time, in call order.

export class AsyncMutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => T | Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
