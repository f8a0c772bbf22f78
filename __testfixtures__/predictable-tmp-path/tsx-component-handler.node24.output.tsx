import * as React from 'react';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

interface Props {
  rows: string[];
  onSaved: (bytes: number) => void;
}

export function ExportButton({ rows, onSaved }: Props) {
  const handleClick = () => {
    using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'grid-export-'));
    const target = path.join(privateDir.path, 'grid-export.txt');
    fs.writeFileSync(target, rows.join('\n'), { flag: 'wx', mode: 0o600 });
    onSaved(fs.statSync(target).size);
  };

  return <button onClick={handleClick}>Export {rows.length} rows</button>;
}
