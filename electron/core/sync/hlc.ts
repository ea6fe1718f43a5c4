/**
 * Hybrid logical clock readings as the outbox triggers write them (`wall(15)-counter(6)`, migration
 * 0010) with the node's UUID appended on the wire: strings that sort in clock order, ties broken by node.
 */
export function wireHlc(local: string, nodeId: string): string {
  return `${local}-${nodeId}`;
}

/** The physical part, Unix ms. */
export function hlcWall(hlc: string): number {
  return Number(hlc.slice(0, 15));
}

/** The node part of a wire reading. */
export function hlcNode(hlc: string): string {
  return hlc.slice(23);
}
