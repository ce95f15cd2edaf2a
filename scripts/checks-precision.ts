// npm run checks:precision — runs the real content checks on the precision corpus
// (tests/fixtures/precision-corpus/), prints every false alarm and missed violation, and writes
// the per-rule precision and recall into docs/checks.md between the precision-corpus markers.
// `--no-write` only prints. tests/unit/precision-corpus.test.ts fails when the table is stale.
import { formatDiagnostic } from '../src/diagnostics/diagnostic.ts';
import { runCorpus } from '../tests/helpers/precision-corpus.ts';
import { precisionTable, writeChecksDoc } from '../tests/helpers/precision-table.ts';

const { results, elsewhere } = await runCorpus();
for (const r of results) {
  for (const d of r.falseAlarms) console.log(`误报 ${r.passage.file}：${formatDiagnostic(d)}`);
  for (const d of r.unlistedWarnings) console.log(`未列出的警告 ${r.passage.file}：${formatDiagnostic(d)}`);
  if (r.passage.kind === 'planted' && !r.caught) console.log(`漏报 ${r.passage.file}：应报 ${r.passage.rule}（${r.passage.severity}）${r.passage.pending ? `，说明：${r.passage.pending}` : ''}`);
}
for (const d of elsewhere) console.log(`语料平台的其他问题：${formatDiagnostic(d)}`);

const table = precisionTable(results);
console.log(`\n${table}`);
if (!process.argv.includes('--no-write')) {
  writeChecksDoc(table);
  console.log('\n已写入 docs/checks.md');
}
