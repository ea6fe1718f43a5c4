import type { Knex } from 'knex';
import type { DirectoryFilter, ServicePoint } from '../../../shared/contract/directory';
import type { Role } from '../../../shared/contract/roles';
import { codePrefix } from '../../../shared/domain/divisionCodes';
import { servicePointLabel } from '../../../shared/domain/servicePoints';
import { directoryContactVisibility, maskStaff } from '../../../shared/domain/masking';
import { likeEscape } from '../db/like';

export interface ServicePointRow {
  id: number;
  name: string;
  category: string;
  level: string;
  division_code: string;
  division_name: string | null;
  township_code: string | null;
  county_code: string | null;
  grid_id: number | null;
  address: string | null;
  lon: number | null;
  lat: number | null;
  phone: string | null;
  hours: string | null;
  contact_name: string | null;
  staff_count: number | null;
  notes: string | null;
  updated_at: string;
}

export const POINT_COLUMNS = [
  'sp.id', 'sp.name', 'sp.category', 'sp.level', 'sp.division_code', 'd.name as division_name', 'sp.township_code', 'sp.county_code',
  'sp.grid_id', 'sp.address', 'sp.lon', 'sp.lat', 'sp.phone', 'sp.hours', 'sp.contact_name', 'sp.staff_count', 'sp.notes', 'sp.updated_at',
];

/**
 * A contact person's name and mobile are personal data, shown as the masking policy says for the role
 * (shared/domain/masking.ts): the desk in full, the wall nothing, others the mobile masked. The list, the
 * Excel export and the printable page all come through here.
 */
export function toServicePoint(r: ServicePointRow, role: Role): ServicePoint {
  const contact = maskStaff({ name: r.contact_name, phone: r.phone }, directoryContactVisibility(role), { onlyMobiles: true });
  return {
    id: r.id,
    name: r.name,
    category: r.category,
    categoryName: servicePointLabel(r.category),
    level: r.level,
    divisionCode: r.division_code,
    divisionName: r.division_name ?? '',
    townshipCode: r.township_code,
    countyCode: r.county_code,
    gridId: r.grid_id,
    address: r.address,
    lon: r.lon,
    lat: r.lat,
    phone: contact.phone,
    hours: r.hours,
    contactName: contact.name,
    staffCount: r.staff_count,
    notes: r.notes,
    updatedAt: r.updated_at,
  };
}

/** The directory query behind the list, the export and the printable page (same filter, same rows). */
export function filteredPoints(db: Knex, scopeLike: string, f: DirectoryFilter): Knex.QueryBuilder {
  const q = db('service_points as sp').leftJoin('divisions as d', 'd.code', 'sp.division_code').where('sp.division_code', 'like', scopeLike);
  if (f.divisionCode) q.andWhere('sp.division_code', 'like', `${codePrefix(f.divisionCode)}%`);
  if (f.category?.length) q.whereIn('sp.category', f.category);
  if (f.q) {
    const text = `%${likeEscape(f.q)}%`;
    q.andWhere((w) => w.whereRaw(`sp.name LIKE ? ESCAPE '\\'`, [text]).orWhereRaw(`sp.address LIKE ? ESCAPE '\\'`, [text]));
  }
  return q;
}

export async function pointById(db: Knex, id: number): Promise<ServicePointRow | undefined> {
  return db('service_points as sp').leftJoin('divisions as d', 'd.code', 'sp.division_code').where('sp.id', id).first(POINT_COLUMNS);
}
