import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The product and its version (package.json's, found upward from here in the sources or in dist/). */
export const SOFTWARE = { name: 'Överens', version: packageVersion(__dirname) } as const;

function packageVersion(from: string): string {
  for (let folder = from; ; folder = dirname(folder)) {
    const file = join(folder, 'package.json');
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'overens' && manifest.version) return manifest.version;
    }
    if (dirname(folder) === folder) return 'okänd';
  }
}
