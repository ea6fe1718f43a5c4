import type { Role } from '../contract/roles';

/**
 * Personal data (PIPL) leaves the core only as far as the caller's role allows. Scope (which cases a role
 * sees at all) is enforced by the queries; this decides how much of a visible case's parties is shown.
 *
 * - admin, director, dispatcher: in full, within their division (the only cases they can see);
 * - mediator: in full, for cases assigned to them (the only cases they can see);
 * - grid_worker: in full for cases in their grids (they register and visit these people);
 * - leader: masked (surname only, ID and phone with the middle hidden);
 * - wall: nothing personal at all — it cannot reach the dispute handlers.
 */
export type PartyVisibility = 'full' | 'masked' | 'none';

export function partyVisibility(role: Role, ownCase: boolean): PartyVisibility {
  switch (role) {
    case 'admin':
    case 'director':
    case 'dispatcher':
      return 'full';
    case 'mediator':
    case 'grid_worker':
      return ownCase ? 'full' : 'masked';
    case 'leader':
      return 'masked';
    case 'wall':
      return 'none';
  }
}

/** 刘伟 → 刘*, 欧阳娜娜 → 欧***; names of organisations (公司, 委员会…) are not personal and stay. */
export function maskName(name: string): string {
  if (/(公司|委员会|合作社|中心|医院|学校|局|厂|店|部)$/.test(name)) return name;
  const chars = Array.from(name);
  if (chars.length <= 1) return name;
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** 430902199001011234 → 4309**********1234 */
export function maskIdNumber(id: string): string {
  if (id.length < 8) return '*'.repeat(id.length);
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

/** 13812345678 → 138****5678; 0737-1234567 → 0737-***4567 */
export function maskPhone(phone: string): string {
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  if (phone.length <= 4) return '*'.repeat(phone.length);
  const keep = phone.slice(-4);
  const head = phone.includes('-') ? phone.slice(0, phone.indexOf('-') + 1) : phone.slice(0, 3);
  return head + '*'.repeat(Math.max(0, phone.length - head.length - 4)) + keep;
}

/**
 * The one masking policy: for each visibility (decided by role, above) and each kind of person, what
 * happens to each personal field. Every output that carries personal data goes through `maskParty` or
 * `maskStaff`, which read this matrix, so a change here is a change everywhere.
 *
 * - `party`: the parties of a case (citizens);
 * - `staff`: the people of the network — grid workers, service points' contact persons. Their names are
 *   part of the public service (shown unless the wall), their mobiles are personal (masked like a party's).
 *   An office landline of a service point is not personal and stays.
 */
export type FieldTreatment = 'show' | 'mask' | 'hide';
export type PersonKind = 'party' | 'staff';
export type PersonalField = 'name' | 'idNumber' | 'phone' | 'address';

export const MASKING_POLICY: Readonly<Record<PersonKind, Readonly<Record<PartyVisibility, Readonly<Record<PersonalField, FieldTreatment>>>>>> = {
  party: {
    full: { name: 'show', idNumber: 'show', phone: 'show', address: 'show' },
    masked: { name: 'mask', idNumber: 'mask', phone: 'mask', address: 'hide' },
    none: { name: 'hide', idNumber: 'hide', phone: 'hide', address: 'hide' },
  },
  staff: {
    full: { name: 'show', idNumber: 'show', phone: 'show', address: 'show' },
    masked: { name: 'show', idNumber: 'mask', phone: 'mask', address: 'hide' },
    none: { name: 'hide', idNumber: 'hide', phone: 'hide', address: 'hide' },
  },
};

const MASKERS: Record<PersonalField, (v: string) => string> = { name: maskName, idNumber: maskIdNumber, phone: maskPhone, address: () => '' };

/** One field as the policy says: shown, masked or left out (null). */
export function applyPolicy(kind: PersonKind, visibility: PartyVisibility, field: PersonalField, value: string | null): string | null {
  if (value === null) return null;
  const t = MASKING_POLICY[kind][visibility][field];
  if (t === 'show') return value;
  if (t === 'hide') return null;
  return MASKERS[field](value);
}

/** Mainland mobile numbers (personal); landlines such as 0737-4221234 belong to an office. */
export function isMobileNumber(phone: string): boolean {
  return /^(\+?86[- ]?)?1\d{10}$/.test(phone.replace(/\s+/g, ''));
}

/**
 * How much of the directory's contact persons a role sees: the desk that maintains the directory in full,
 * the wall nothing, everyone else masked — the same rule as a grid's workers on a grid that is not theirs.
 */
export function directoryContactVisibility(role: Role): PartyVisibility {
  return partyVisibility(role, false);
}

/** A person of the network (grid worker, contact person): name and phone under the staff policy. */
export function maskStaff(p: { name: string | null; phone: string | null }, visibility: PartyVisibility, opts: { onlyMobiles?: boolean } = {}): { name: string | null; phone: string | null } {
  const phone = p.phone === null ? null : opts.onlyMobiles && !isMobileNumber(p.phone) ? p.phone : applyPolicy('staff', visibility, 'phone', p.phone);
  return { name: applyPolicy('staff', visibility, 'name', p.name), phone };
}

export interface PartyData {
  name: string;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
}

export function maskParty<T extends PartyData>(p: T, visibility: PartyVisibility): T & { masked: boolean } {
  return {
    ...p,
    name: applyPolicy('party', visibility, 'name', p.name) ?? '（当事人）',
    idNumber: applyPolicy('party', visibility, 'idNumber', p.idNumber),
    phone: applyPolicy('party', visibility, 'phone', p.phone),
    address: applyPolicy('party', visibility, 'address', p.address),
    masked: visibility !== 'full',
  };
}
