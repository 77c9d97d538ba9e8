import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { DEFAULT_REGISTER_SEED } from '../../libs/register';

/**
 * Who the parties are is data: no code under apps/, libs/ or workflows/ may list the seed
 * county's parties. A name or two as an example in a hint is allowed; three or more in one
 * file is a list compiled into the code.
 */
const root = resolve(__dirname, '..', '..');
const SEEDS = join('libs', 'register', 'seeds');

function sourceFiles(directory: string): string[] {
  return readdirSync(join(root, directory)).flatMap((entry) => {
    const path = join(directory, entry);
    if (path === SEEDS) return [];
    return statSync(join(root, path)).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const names = DEFAULT_REGISTER_SEED.parties.flatMap((party) => [party.id, party.name]).filter((name) => name.length > 3);

it.each(['apps', 'libs', 'workflows'])('no file under %s/ lists the seed register’s parties', (directory) => {
  const listing = sourceFiles(directory)
    .map((path) => {
      const text = readFileSync(join(root, path), 'utf8');
      const found = new Set(names.filter((name) => new RegExp(`(^|[^\\p{L}-])${name}([^\\p{L}-]|$)`, 'u').test(text)).map((name) => name.toLowerCase()));
      return { path: relative(root, join(root, path)), found: [...found] };
    })
    .filter((file) => file.found.length >= 3);
  expect(listing).toEqual([]);
});
