import type { DirectoryFilter } from '../../../shared/contract/directory';
import type { HandlerContext } from '../context';
import { jurisdictionOf } from '../jurisdiction/divisions';
import { filteredPoints, POINT_COLUMNS, toServicePoint, type ServicePointRow } from './rows';

const MAX_ROWS = 20_000;

const esc = (s: string | null | undefined) =>
  (s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The directory as a print page: A4, grouped by division, repeated table headers on every sheet. Fonts
 * are named from the system only (SimSun/宋体 on Windows, Noto/Source Han on UOS and Kylin): no web
 * fonts, nothing fetched. No inline script; styles in one <style> block.
 */
export async function printableDirectory(ctx: HandlerContext, f: DirectoryFilter): Promise<{ html: string; rows: number }> {
  const { like } = jurisdictionOf(ctx.account).area(undefined);
  const rows = (await filteredPoints(ctx.db, like, f).select(POINT_COLUMNS).orderBy(['sp.division_code', 'sp.category', 'sp.name']).limit(MAX_ROWS)) as ServicePointRow[];
  const groups = new Map<string, ReturnType<typeof toServicePoint>[]>();
  for (const r of rows) {
    const p = toServicePoint(r, ctx.account.role);
    const key = `${p.divisionName}（${p.divisionCode}）`;
    const list = groups.get(key) ?? [];
    list.push(p);
    groups.set(key, list);
  }
  const date = ctx.now.toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' });
  const sections = [...groups.entries()]
    .map(
      ([division, points]) => `<section><h2>${esc(division)}</h2><table><thead><tr><th>名称</th><th>类别</th><th>地址</th><th>电话</th><th>开放时间</th></tr></thead><tbody>${points
        .map((p) => `<tr><td>${esc(p.name)}</td><td>${esc(p.categoryName)}</td><td>${esc(p.address)}</td><td>${esc(p.phone)}</td><td>${esc(p.hours)}</td></tr>`)
        .join('')}</tbody></table></section>`,
    )
    .join('\n');
  const html = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>服务点目录</title>
<style>
@page { size: A4; margin: 18mm 15mm; }
body { font-family: "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", "Noto Sans CJK SC", "Microsoft YaHei", serif; font-size: 10.5pt; color: #000; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 4mm; }
.meta { text-align: center; font-size: 9pt; margin-bottom: 6mm; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; break-after: avoid; }
table { width: 100%; border-collapse: collapse; }
thead { display: table-header-group; }
th, td { border: 0.5pt solid #000; padding: 1.2mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #eee; }
tr { break-inside: avoid; }
</style></head>
<body><h1>服务点目录</h1><p class="meta">共 ${rows.length} 个服务点 · ${esc(date)}</p>
${sections || '<p>没有符合条件的服务点。</p>'}
</body></html>`;
  return { html, rows: rows.length };
}
