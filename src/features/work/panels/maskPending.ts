// A segmentation answer whose masks are being encoded and uploaded is not the answer yet: the
// panel marks the previous answer as pending (a symbol key, so the mark never reaches JSON, the
// server or IndexedDB) and Submit's check refuses it until the upload has finished.

const PENDING = Symbol("masks being uploaded");

export function withMasksPending<T extends object>(response: T): T {
  return Object.assign(Object.create(Object.getPrototypeOf(response) as object | null) as T, response, { [PENDING]: true });
}

export function masksPending(response: unknown): boolean {
  return typeof response === "object" && response !== null && PENDING in response;
}

export const MASKS_PENDING_MESSAGE = "The latest strokes are still being uploaded: submit again in a moment";

/**
 * Mask strokes the server has not got yet, as the panel reports them to the page: `waiting`
 * changes since the last upload that landed, and why the last attempt failed (null while it runs
 * or when nothing waits). The page's save status and its "leave the page?" question count them.
 */
export interface MaskUploads {
  waiting: number;
  error: string | null;
  /** The last failure was the network (offline), not a refusal or a server error. */
  offline: boolean;
  /** When the next attempt runs (epoch ms), after a failure. */
  retryAt: number | null;
  /** This browser could not keep the waiting strokes (its IndexedDB write failed): closing loses them. */
  unkept: boolean;
}

export const NO_MASK_UPLOADS: MaskUploads = { waiting: 0, error: null, offline: false, retryAt: null, unkept: false };
