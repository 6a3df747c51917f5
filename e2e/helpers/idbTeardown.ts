// What Chromium does to a closing tab's IndexedDB under load, made deterministic: a transaction
// a page starts while it is being torn down (in beforeunload/pagehide), or one that had not
// committed when the document went, is aborted and its writes are lost. This init script aborts
// every IndexedDB write the page makes from the moment it starts leaving (or from when the test
// says, `failIndexedDbWritesNow`), so a spec can show the work survives anyway.
import type { Page } from "@playwright/test";

declare global {
  interface Window {
    __idbWritesFail?: boolean;
  }
}

/** Install before the page loads (it applies to this page and every reload of it). */
export async function abortIndexedDbWritesOnLeave(page: Page): Promise<void> {
  await page.addInitScript(() => {
    // Registered before the app's listeners, so the app's own page-hide writes are caught too.
    const leaving = () => {
      window.__idbWritesFail = true;
    };
    window.addEventListener("beforeunload", leaving, { capture: true });
    window.addEventListener("pagehide", leaving, { capture: true });
    for (const method of ["put", "add", "delete"] as const) {
      const original = IDBObjectStore.prototype[method] as (this: IDBObjectStore, ...args: unknown[]) => IDBRequest;
      (IDBObjectStore.prototype as unknown as Record<string, unknown>)[method] = function (this: IDBObjectStore, ...args: unknown[]): IDBRequest {
        const request = original.apply(this, args);
        // The request is made, then its transaction dies with the document: nothing is written.
        if (window.__idbWritesFail) this.transaction.abort();
        return request;
      };
    }
  });
}

/** From now on this page's IndexedDB writes never commit (a write still in flight when the tab closes). */
export async function failIndexedDbWritesNow(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.__idbWritesFail = true;
  });
}
