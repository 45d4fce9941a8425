import { RECEIPTS_KEY } from '../core/storage-keys';

/** Cheap enough for every page view: the sending code (in the parts file) is loaded only when something waits. */
export function hasQueuedReceipts(): boolean {
  try {
    return !!localStorage.getItem(RECEIPTS_KEY);
  } catch {
    return false;
  }
}
