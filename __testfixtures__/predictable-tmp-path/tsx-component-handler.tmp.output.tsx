import * as React from 'react';
import * as fs from 'fs';
import * as path from 'path';
import * as tmp from 'tmp';

interface Props {
  rows: string[];
  onSaved: (bytes: number) => void;
}

export function ExportButton({ rows, onSaved }: Props) {
  const handleClick = () => {
    const privateDir = tmp.dirSync({ prefix: 'grid-export-', unsafeCleanup: true });
    try {
      const target = path.join(privateDir.name, 'grid-export.txt');
      fs.writeFileSync(target, rows.join('\n'), { flag: 'wx', mode: 0o600 });
      onSaved(fs.statSync(target).size);
    } finally {
      privateDir.removeCallback();
    }
  };

  return <button onClick={handleClick}>Export {rows.length} rows</button>;
}
