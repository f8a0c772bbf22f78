/** FNV-1a over the path's UTF-16 code units: stable across runs, machines and Node versions. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export interface Shard {
  /** 1-based, as in `--shard 2/4`. */
  index: number;
  count: number;
}

/** Whether the repository-relative path belongs to the shard. */
export function inShard(rel: string, shard: Shard | undefined): boolean {
  return !shard || hash(rel) % shard.count === shard.index - 1;
}
