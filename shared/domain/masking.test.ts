import { describe, expect, it } from 'vitest';
import { directoryContactVisibility, isMobileNumber, MASKING_POLICY, maskIdNumber, maskName, maskParty, maskPhone, maskStaff, partyVisibility } from './masking';
import { ROLES } from '../contract/roles';

describe('masking personal data by role', () => {
  it('masks names, ID numbers and phones', () => {
    expect(maskName('刘伟')).toBe('刘*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('益阳市某某建筑公司')).toBe('益阳市某某建筑公司');
    expect(maskIdNumber('43090219850312123X')).toBe('4309**********123X');
    expect(maskPhone('13807371234')).toBe('138****1234');
    expect(maskPhone('0737-4221234')).toBe('0737-***1234');
  });
  it('decides by role and whether the case is the caller’s own', () => {
    expect(partyVisibility('dispatcher', false)).toBe('full');
    expect(partyVisibility('director', false)).toBe('full');
    expect(partyVisibility('mediator', true)).toBe('full');
    expect(partyVisibility('mediator', false)).toBe('masked');
    expect(partyVisibility('grid_worker', true)).toBe('full');
    expect(partyVisibility('leader', true)).toBe('masked');
    expect(partyVisibility('wall', true)).toBe('none');
  });
  it('a masked party keeps no address, the wall gets no name at all', () => {
    const p = { name: '刘伟', idNumber: '43090219850312123X', phone: '13807371234', address: '东村三组' };
    expect(maskParty(p, 'masked')).toEqual({ name: '刘*', idNumber: '4309**********123X', phone: '138****1234', address: null, masked: true });
    expect(maskParty(p, 'none')).toEqual({ name: '（当事人）', idNumber: null, phone: null, address: null, masked: true });
    expect(maskParty(p, 'full').masked).toBe(false);
  });
  it('one matrix: staff mobiles masked like party phones, names of staff kept, the wall gets nothing', () => {
    expect(maskStaff({ name: '王芳', phone: '13812345678' }, 'masked')).toEqual({ name: '王芳', phone: '138****5678' });
    expect(maskStaff({ name: '王芳', phone: '13812345678' }, 'none')).toEqual({ name: null, phone: null });
    expect(maskStaff({ name: '王芳', phone: '0737-4221234' }, 'masked', { onlyMobiles: true }).phone).toBe('0737-4221234');
    expect(isMobileNumber('+86 138 1234 5678')).toBe(true);
    expect(isMobileNumber('0737-4221234')).toBe(false);
    // Every role has a row, and a party's phone is never shown where the staff phone is hidden.
    for (const role of ROLES) {
      const v = directoryContactVisibility(role);
      expect(MASKING_POLICY.party[v].phone === 'show').toBe(MASKING_POLICY.staff[v].phone === 'show');
    }
    expect(directoryContactVisibility('dispatcher')).toBe('full');
    expect(directoryContactVisibility('leader')).toBe('masked');
    expect(directoryContactVisibility('wall')).toBe('none');
  });
});
