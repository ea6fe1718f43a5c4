import { CoreError } from '../../../shared/contract/errors';
import { twoPhase, type DomainImpls } from '../context';
import { hashPassword } from '../accounts/passwords';
import { refusePublishedPassword } from '../accounts/passwordPolicy';
import { accountQuery, toAccount, type AccountRow } from '../session/sessions';
import { setMeta } from '../meta';
import { divisionChildren, townshipChain } from './chinaDivisions';
import { isConfigured } from './configured';

const ALREADY = '本节点已完成首次设置';

async function refuseOnceConfigured(db: Parameters<typeof isConfigured>[0]): Promise<void> {
  if (await isConfigured(db)) throw new CoreError('CONFLICT', ALREADY);
}

/**
 * First-run setup: the wizard reads China's divisions, then one audited transaction writes the node's
 * division chain and its township's villages, marks the node (not a demo), and creates the first admin —
 * or, on any failure, nothing, leaving the node unconfigured.
 */
export const setupImpls: DomainImpls<'setup'> = {
  'setup.divisions': async ({ parentCode }, ctx) => {
    await refuseOnceConfigured(ctx.db);
    return { divisions: await divisionChildren(parentCode) };
  },

  'setup.complete': twoPhase<'setup.complete', { chain: Awaited<ReturnType<typeof townshipChain>>; villages: Awaited<ReturnType<typeof divisionChildren>>; passwordHash: string }>(
    // Outside the transaction: the package's file and the password hash (~0.1 s each) hold no connection.
    async (input, ctx) => {
      await refuseOnceConfigured(ctx.db);
      refusePublishedPassword(input.admin.password, 'admin.password');
      const chain = await townshipChain(input.townshipCode);
      if (!chain) throw new CoreError('INVALID_INPUT', `输入有误：townshipCode：区划代码 ${input.townshipCode} 不在全国乡镇（街道）列表中`, { field: 'townshipCode' });
      const [villages, passwordHash] = await Promise.all([divisionChildren(input.townshipCode), hashPassword(input.admin.password)]);
      return { chain, villages, passwordHash };
    },
    async (input, ctx, { chain, villages, passwordHash }) => {
      // Checked again inside the transaction: two wizards finishing at once make one admin, not two.
      await refuseOnceConfigured(ctx.db);
      const rows = [...chain!, ...villages].map((d, i) => ({
        code: d.code,
        name: d.name,
        level: d.level,
        parent_code: i === 0 ? null : d.level === 'village' ? input.townshipCode : chain![i - 1]!.code,
        sort: i,
      }));
      for (let i = 0; i < rows.length; i += 400) await ctx.db('divisions').insert(rows.slice(i, i + 400)).onConflict('code').ignore();
      await setMeta(ctx.db, 'node_division_code', input.townshipCode);
      await setMeta(ctx.db, 'demo', '0');
      const nowIso = ctx.now.toISOString();
      const [id] = await ctx.db('accounts').insert({
        username: input.admin.username,
        display_name: input.admin.displayName,
        role: 'admin',
        division_code: input.townshipCode,
        password_hash: passwordHash,
        created_at: nowIso,
        updated_at: nowIso,
      });
      const township = chain!.at(-1)!;
      await ctx.audit({
        actorId: Number(id),
        actorName: input.admin.username,
        action: 'setup.complete',
        entity: 'node',
        entityId: input.townshipCode,
        detail: { township: township.name, chain: chain!.map((d) => d.name), villages: villages.length, admin: input.admin.username, start: input.start },
      });
      const row: AccountRow = await accountQuery(ctx.db).where('accounts.id', Number(id)).first();
      return { account: toAccount(row), villages: villages.length };
    },
  ),
};
