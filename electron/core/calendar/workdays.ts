import type { Knex } from 'knex';
import type { WorkdayOverrides } from '../../../shared/domain/workingDays';

/** The admin's working-day overrides, as the domain's working-day functions take them. */
export async function loadOverrides(db: Knex): Promise<WorkdayOverrides> {
  const rows: Array<{ date: string; is_workday: number | boolean }> = await db('workday_overrides').select('date', 'is_workday');
  return new Map(rows.map((r) => [r.date, Boolean(r.is_workday)]));
}

