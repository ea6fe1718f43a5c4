import { CoreError } from '../../../shared/contract/errors';
import type { DivisionNode } from '../../../shared/contract/divisions';
import { OPEN_STATUSES_SQL } from '../../../shared/domain/disputeStatus';
import { DIVISION_LEVELS, isWithin, type DivisionLevel } from '../../../shared/domain/divisionCodes';
import type { DomainImpls } from '../context';
import { jurisdictionOf } from '../jurisdiction/divisions';

interface DivisionRow {
  code: string;
  name: string;
  level: DivisionLevel;
  parent_code: string | null;
}

type Counts = DivisionNode['counts'];

export const divisionImpls: DomainImpls<'divisions'> = {
  'divisions.tree': async ({ rootCode, depth }, ctx) => {
    // An account sees its own division and what lies inside it, whatever the UI asks for.
    const { root, prefix, like } = jurisdictionOf(ctx.account).area(rootCode, { above: 'refuse' });

    const [divisions, grids, points, open] = await Promise.all([
      ctx.db('divisions').where('code', 'like', like).orderBy(['level', 'sort', 'code']).select<DivisionRow[]>('code', 'name', 'level', 'parent_code'),
      ctx.db('grids').where('village_code', 'like', like).groupBy('village_code').select<Array<{ code: string; n: number }>>('village_code as code', ctx.db.raw('count(*) as n')),
      ctx.db('service_points').where('division_code', 'like', like).groupBy('division_code').select<Array<{ code: string; n: number }>>('division_code as code', ctx.db.raw('count(*) as n')),
      ctx.db
        .raw(
          `SELECT coalesce(village_code, township_code) AS code, count(*) AS n FROM disputes
           WHERE status IN ${OPEN_STATUSES_SQL} AND township_code LIKE ? GROUP BY code`,
          [`${prefix.slice(0, 9)}%`],
        )
        .then((rows: Array<{ code: string; n: number }>) => rows),
    ]);
    if (!divisions.some((d) => d.code === root)) throw new CoreError('NOT_FOUND', `没有代码为 ${root} 的区划`);

    const byCode = new Map<string, DivisionRow & { counts: Counts }>();
    for (const d of divisions) byCode.set(d.code, { ...d, counts: { villages: 0, grids: 0, servicePoints: 0, openDisputes: 0 } });
    // Add a count to a division and every ancestor up to the root.
    const addUp = (code: string, key: keyof Counts, n: number) => {
      let node = byCode.get(code);
      while (node) {
        node.counts[key] += n;
        if (node.code === root || !node.parent_code) break;
        node = byCode.get(node.parent_code);
      }
    };
    for (const d of divisions) if (d.level === 'village') addUp(d.code, 'villages', 1);
    for (const g of grids) addUp(g.code, 'grids', Number(g.n));
    for (const p of points) addUp(p.code, 'servicePoints', Number(p.n));
    for (const o of open) if (isWithin(o.code, root)) addUp(o.code, 'openDisputes', Number(o.n));

    const maxLevel = DIVISION_LEVELS.indexOf(depth);
    const nodes: DivisionNode[] = [];
    for (const d of byCode.values()) {
      if (DIVISION_LEVELS.indexOf(d.level) > maxLevel) continue;
      nodes.push({ code: d.code, name: d.name, level: d.level, parentCode: d.code === root ? null : d.parent_code, counts: d.counts });
    }
    return { nodes };
  },
};
