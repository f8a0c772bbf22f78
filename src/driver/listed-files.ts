/**
 * What the walk's directory listings showed of the few names other parts ask about in every
 * directory (`.gitignore`, `package.json`, Python's project metadata), so that they need no stat of their own there.
 */
export const LISTED_NAMES = ['.gitignore', 'package.json', 'setup.py', 'setup.cfg', 'pyproject.toml', 'tox.ini'] as const;
export type ListedName = (typeof LISTED_NAMES)[number];

export class ListedFiles {
  private readonly byDir = new Map<string, ListedName[]>();

  /** Records a directory's listing: which of LISTED_NAMES it holds as entries. */
  record(dir: string, names: Iterable<string>): void {
    const present: ListedName[] = [];
    for (const name of names) if ((LISTED_NAMES as readonly string[]).includes(name)) present.push(name as ListedName);
    this.byDir.set(dir, present);
  }

  /** Whether `dir` holds `name`, if its listing was seen; undefined when it was not (ask the disk). */
  holds(dir: string, name: ListedName): boolean | undefined {
    return this.byDir.get(dir)?.includes(name);
  }
}
