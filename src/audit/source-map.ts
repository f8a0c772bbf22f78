// Maps a frame in compiled JavaScript (tsc, esbuild, babel output on disk) back to its source through
// the file's source map (source map v3: a `sourceMappingURL` comment, a file beside it or a data URL).
// Frames a program's own source-map support already mapped point at the source and pass through.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Frame } from './types';

interface RawMap {
  version: number;
  sources: string[];
  sourceRoot?: string;
  mappings: string;
}

/** One mapping: generated column, then the source index, line and column (all 0-based). */
type Segment = [number, number, number, number];

interface LoadedMap {
  dir: string;
  map: RawMap;
  lines: Segment[][];
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((ch, index) => [ch, index]));

/** The Base64 VLQ numbers of one segment. */
function decodeSegment(text: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of text) {
    const digit = DIGIT.get(ch);
    if (digit === undefined) return [];
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

function decodeMappings(mappings: string): Segment[][] {
  const lines: Segment[][] = [];
  let source = 0;
  let sourceLine = 0;
  let sourceColumn = 0;
  for (const lineText of mappings.split(';')) {
    const segments: Segment[] = [];
    let column = 0;
    for (const segmentText of lineText.split(',')) {
      if (!segmentText) continue;
      const values = decodeSegment(segmentText);
      if (values.length === 0) continue;
      column += values[0];
      if (values.length < 4) continue; // a generated position with no source
      source += values[1];
      sourceLine += values[2];
      sourceColumn += values[3];
      segments.push([column, source, sourceLine, sourceColumn]);
    }
    segments.sort((a, b) => a[0] - b[0]);
    lines.push(segments);
  }
  return lines;
}

const SOURCE_MAP_URL = /\/[/*][#@]\s*sourceMappingURL=(\S+?)\s*(?:\*\/\s*)?$/;

export class SourceMaps {
  private readonly cache = new Map<string, LoadedMap | null>();

  /** The source position of a frame, or the frame itself when its file has no usable map. */
  original(frame: Frame): Frame {
    if (!/\.[cm]?js$/.test(frame.file)) return frame;
    const loaded = this.load(frame.file);
    const segments = loaded?.lines[frame.line - 1];
    if (!loaded || !segments?.length) return frame;
    let found: Segment | undefined;
    for (const segment of segments) {
      if (segment[0] > frame.column - 1) break;
      found = segment;
    }
    found ??= segments[0];
    const source = loaded.map.sources[found[1]];
    if (source === undefined) return frame;
    const root = loaded.map.sourceRoot ?? '';
    const joined = source.startsWith('file://') ? fileURLToPath(source) : path.resolve(loaded.dir, root, source);
    return { file: joined, line: found[2] + 1, column: found[3] + 1 };
  }

  private load(file: string): LoadedMap | null {
    if (this.cache.has(file)) return this.cache.get(file)!;
    let loaded: LoadedMap | null = null;
    try {
      const text = fs.readFileSync(file, 'utf8');
      const url = SOURCE_MAP_URL.exec(text.slice(-4096).trimEnd())?.[1];
      if (url) {
        let json: string;
        let dir = path.dirname(file);
        const data = /^data:application\/json[^,]*?(;base64)?,(.*)$/.exec(url);
        if (data) json = data[1] ? Buffer.from(data[2], 'base64').toString('utf8') : decodeURIComponent(data[2]);
        else {
          const mapFile = url.startsWith('file://') ? fileURLToPath(url) : path.resolve(dir, decodeURIComponent(url));
          json = fs.readFileSync(mapFile, 'utf8');
          dir = path.dirname(mapFile);
        }
        const map = JSON.parse(json) as RawMap;
        if (map.version === 3 && Array.isArray(map.sources) && typeof map.mappings === 'string') {
          loaded = { dir, map, lines: decodeMappings(map.mappings) };
        }
      }
    } catch {
      loaded = null; // unreadable file or map: the frame stays as it was
    }
    this.cache.set(file, loaded);
    return loaded;
  }
}
