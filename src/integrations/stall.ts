/**
 * A guard for work that waits on another process. Pagefind's Node API runs
 * its indexer as a child process and answers each call through it; when the
 * child dies (the kernel's OOM killer stops it on a large site: it holds
 * every page it reads in memory), the call's promise never settles, the event
 * loop empties, and Node exits 13 with only "unsettled top-level await". This
 * turns that into an error that says what happened.
 */

/**
 * Settles as `work` does, or rejects with `message` if the process's event
 * loop empties first (Node's `beforeExit`: nothing is left that could ever
 * settle `work`).
 */
export function unlessStalled<T>(work: Promise<T>, message: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const stalled = (): void => reject(new Error(message));
    process.once('beforeExit', stalled);
    work.then(
      (value) => {
        process.off('beforeExit', stalled);
        resolve(value);
      },
      (error: unknown) => {
        process.off('beforeExit', stalled);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
