import { test } from 'vitest';
import fs from 'node:fs';
import { parseConnectionsCsv } from '../../../lib/import/connections-csv';
test('x', () => {
  const out: Record<string, unknown> = {};
  for (const f of ['abhishekwebcode-export-2018-11/Connections.csv','alvimokw-network-visualizer-2022-08/Connections.csv','banana0000-linkedin-analysis-2025-01/Connections.csv','banana0000-linkedin-analysis-2025-01/Connections.user-edited-no-notes.csv','sajiah-mylinkedindata-2022-09/Connections.csv','sajiah-mylinkedindata-2022-09/Connections.user-edited-excel.csv']) {
    out[f] = parseConnectionsCsv(fs.readFileSync('/work/shared/fixtures/csv/'+f,'utf8'));
  }
  fs.writeFileSync('/tmp/out.json', JSON.stringify(out));
  // perf
  const base = fs.readFileSync('/work/shared/fixtures/csv/banana0000-linkedin-analysis-2025-01/Connections.csv','utf8');
  const lines = base.split('\n'); const head = lines.slice(0,4).join('\n'); const body = lines.slice(4).filter(Boolean);
  const parts = [head]; for (let i=0;i<30000;i++) parts.push(body[i % body.length]!);
  const big = parts.join('\n');
  for (let k=0;k<3;k++){ const t0=performance.now(); const r=parseConnectionsCsv(big); console.log('30k', r.rows.length, r.skipped, (performance.now()-t0).toFixed(0),'ms', big.length); }
  const parts2 = [head]; for (let i=0;i<300000;i++) parts2.push(body[i % body.length]!);
  const huge = parts2.join('\r\n');
  const t1=performance.now(); const r2=parseConnectionsCsv(huge); console.log('300k', r2.rows.length, r2.skipped, r2.errors.length, (performance.now()-t1).toFixed(0),'ms', (huge.length/1e6).toFixed(1),'MB');
});
