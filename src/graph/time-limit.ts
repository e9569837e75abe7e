/**
 * Settles with `promise`, or rejects with `onTimeout()` after `ms` if it has not settled by then.
 * The work itself goes on (the driver cannot abort a query on a silent connection): a late
 * result is dropped, and a late failure is swallowed rather than left unhandled.
 * @example await timeLimit(driver.getServerInfo(), 2000, () => new Error("no answer in 2 s"));
 */
export function timeLimit<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  if (ms <= 0) {
    promise.catch(() => {});
    return Promise.reject(onTimeout());
  }
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      promise.catch(() => {});
      reject(onTimeout());
    }, ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error as Error);
      },
    );
  });
}
