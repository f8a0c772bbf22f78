/** Files above this size are bundles or data, not hand-written code. */
export const MAX_FILE_BYTES = 1024 * 1024;

/**
 * A file this large that names the temp directory is taken for a bundle and not parsed: parsing one
 * costs more than the rest of a typical repository. Hand-written modules are far smaller.
 */
export const MAX_PARSE_BYTES = 256 * 1024;

/** Bundler runtime helpers in a file this large mean a bundle (a small file may just mention them). */
export const BUNDLE_MIN_BYTES = 32 * 1024;

/** A line this long means minified or generated code. */
export const MAX_LINE_LENGTH = 2000;

/** Extensions tmpfix reads (`.d.ts` and friends are left out by name); `.py` and `.pyw` go to the Python side. */
export const SOURCE_EXTENSIONS = ['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts', '.py', '.pyw'];

/** Directory names never descended into, whatever the ignore files say. */
export const ALWAYS_SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

/** Common build outputs and caches, skipped when found inside a walked directory. */
export const BUILD_OUTPUT_DIRS = new Set([
  'dist', 'build', 'out', 'coverage', '.next', '.nuxt', '.output', '.svelte-kit', '.turbo', '.cache',
  '.parcel-cache', '.vercel', '.netlify', '.docusaurus', '.expo', 'storybook-static', 'bower_components',
  'jspm_packages', '.yarn', '.pnpm-store',
]);

export function isSourceFile(name: string): boolean {
  const lower = name.toLowerCase();
  return SOURCE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

export function isDeclarationFile(name: string): boolean {
  return /\.d\.[mc]?ts$/i.test(name);
}
