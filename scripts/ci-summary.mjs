// Prints the closing CI line "N passed, N failed" from Vitest JSON reports. A failed step that
// produced no report (e.g. lint) counts as one failure so the line never hides a red run.
import { existsSync, readFileSync } from 'node:fs';

const [status, ...files] = process.argv.slice(2);
let passed = 0, failed = 0, skipped = 0;
for (const file of files) {
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
if (Number(status) !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
