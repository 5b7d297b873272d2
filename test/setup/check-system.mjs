// The first step of `npm test`: stops at once, in one line, when a Debian package the tests need
// (test/setup/system-packages.txt) is missing, and names the command that installs them all.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const listFile = new URL('./system-packages.txt', import.meta.url);
const packages = readFileSync(listFile, 'utf8')
  .split('\n')
  .filter((line) => !line.startsWith('#'))
  .flatMap((line) => line.split(/\s+/))
  .filter(Boolean);

let statuses;
try {
  statuses = execFileSync(
    'dpkg-query',
    ['-W', '-f=${Package} ${db:Status-Abbrev}\n', ...packages],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
} catch (error) {
  if (error.code === 'ENOENT') {
    console.warn(
      `check-system: no dpkg here, so not checked: the tests need ${packages.join(' ')}`,
    );
    process.exit(0);
  }
  // dpkg-query exits 1 when a package is unknown to it; its output still lists the known ones.
  statuses = error.stdout ?? '';
}
const installed = new Set(
  statuses
    .split('\n')
    .filter((line) => / ii/.test(line))
    .map((line) => line.split(' ')[0]),
);
const missing = packages.filter((name) => !installed.has(name));
if (missing.length > 0) {
  console.error(
    `npm test needs Debian packages that are missing: ${missing.join(' ')}; install them with: sudo test/setup/install-system-packages`,
  );
  process.exit(1);
}
