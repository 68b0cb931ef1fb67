/** What the SCM double checks in a deployment package: a real zip with host.json and package.json at its root. */
import * as yauzl from 'yauzl';

/** Entry names of a zip held in memory; rejects when the bytes are not a zip. */
export function zipEntries(buf: Buffer): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('not a zip'));
      const names: string[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        names.push(e.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** Problems that make the package undeployable for a Node v4 Function App (empty = fine). */
export function packageProblems(names: string[]): string[] {
  const set = new Set(names);
  const problems: string[] = [];
  if (!set.has('host.json')) problems.push('host.json is not at the root of the package (zip the contents of the app folder, not the folder)');
  if (!set.has('package.json')) problems.push('package.json is not at the root of the package');
  if (set.has('local.settings.json')) problems.push('local.settings.json must not be deployed (it holds local secrets)');
  return problems;
}
