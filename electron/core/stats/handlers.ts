import type { DomainImpls } from '../context';
import { statsOverview } from './overview';
import { sweepTable } from './sweepTable';
import { sweepTableXlsx } from './sweepTableXlsx';
import { wallFeed } from './wall';
import { workbench } from './workbench';

export const statsImpls: DomainImpls<'stats'> = {
  'stats.overview': (input, ctx) => statsOverview(input, ctx),
  'stats.sweepTable': (input, ctx) => sweepTable(input, ctx),
  'stats.sweepTableXlsx': async (input, ctx) => {
    const table = await sweepTable(input, ctx);
    const file = await sweepTableXlsx(table);
    return { fileName: `${table.title}.xlsx`, base64: file.toString('base64') };
  },
  'stats.wall': (input, ctx) => wallFeed(ctx, input.divisionCode),
  'stats.workbench': (_input, ctx) => workbench(ctx),
};
