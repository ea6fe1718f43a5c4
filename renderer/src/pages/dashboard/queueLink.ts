import type { QueueFilter } from '../../../../shared/contract';

/** The queue showing exactly the rows a figure counts (the queue reads `?filter=` as its starting view). */
export function queueLink(filter: QueueFilter): string {
  return `/queue?filter=${encodeURIComponent(JSON.stringify(filter))}`;
}
