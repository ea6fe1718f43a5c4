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

export interface PartyData {
  name: string;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
}

export function maskParty<T extends PartyData>(p: T, visibility: PartyVisibility): T & { masked: boolean } {
  if (visibility === 'full') return { ...p, masked: false };
  if (visibility === 'none') return { ...p, name: '（当事人）', idNumber: null, phone: null, address: null, masked: true };
  return {
    ...p,
    name: maskName(p.name),
    idNumber: p.idNumber ? maskIdNumber(p.idNumber) : null,
    phone: p.phone ? maskPhone(p.phone) : null,
    address: null,
    masked: true,
  };
}
