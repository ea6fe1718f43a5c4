import { describe, expect, it } from 'vitest';
import { mayCall } from './access';
import { contract, HANDLER_NAMES } from './index';
import { CASE_WORKERS, INTAKE_ROLES, LEDGER_READERS, MEDIATING_ROLES, ROLES, STAFF_ROLES } from './roles';

describe('mayCall: who may call what, read from the contract', () => {
  it('opens public handlers to everyone, signed in or not', () => {
    for (const role of [...ROLES, null, undefined]) {
      expect(mayCall(role, 'session.login')).toBe(true);
      expect(mayCall(role, 'system.info')).toBe(true);
    }
  });

  it('closes every other handler to a caller without a role', () => {
    for (const name of HANDLER_NAMES) {
      if (contract[name].access !== 'public') expect(mayCall(null, name), name).toBe(false);
    }
  });

  it('answers per role as the groups say', () => {
    expect(mayCall('grid_worker', 'disputes.intake')).toBe(true);
    expect(mayCall('mediator', 'disputes.intake')).toBe(false);
    expect(mayCall('dispatcher', 'disputes.batchAssign')).toBe(true);
    expect(mayCall('mediator', 'disputes.batchAssign')).toBe(false);
    expect(mayCall('leader', 'disputes.query')).toBe(true);
    expect(mayCall('leader', 'disputes.addNote')).toBe(false);
    expect(mayCall('leader', 'disputes.export.start')).toBe(true);
    expect(mayCall('grid_worker', 'disputes.export.start')).toBe(false);
    expect(mayCall('director', 'audit.list')).toBe(true);
    expect(mayCall('director', 'audit.verify')).toBe(false);
    expect(mayCall('dispatcher', 'directory.create')).toBe(true);
    expect(mayCall('mediator', 'directory.create')).toBe(false);
    // The wall display never reaches personal data, but sees the map and the directory.
    expect(mayCall('wall', 'disputes.query')).toBe(false);
    expect(mayCall('wall', 'accounts.list')).toBe(false);
    expect(mayCall('wall', 'map.boundaries')).toBe(true);
    expect(mayCall('wall', 'directory.list')).toBe(true);
  });

  it('agrees with the access list of every handler, for every role', () => {
    for (const name of HANDLER_NAMES) {
      const access = contract[name].access;
      for (const role of ROLES) expect(mayCall(role, name), `${role} ${name}`).toBe(access === 'public' || access.includes(role));
    }
    // Every case handler is open to staff only: the groups never let the wall into personal data.
    for (const name of HANDLER_NAMES.filter((n) => n.startsWith('disputes.'))) {
      const access = contract[name].access;
      expect(access === 'public' ? [] : access.filter((r) => !STAFF_ROLES.includes(r)), name).toEqual([]);
    }
  });
});

describe('the role groups', () => {
  it('are what their names say', () => {
    expect(STAFF_ROLES).toEqual(['admin', 'director', 'dispatcher', 'mediator', 'grid_worker', 'leader']);
    expect(CASE_WORKERS).toEqual(['admin', 'director', 'dispatcher', 'mediator', 'grid_worker']);
    expect(INTAKE_ROLES).toEqual(['admin', 'director', 'dispatcher', 'grid_worker']);
    expect(LEDGER_READERS).toEqual(['admin', 'director', 'dispatcher', 'mediator', 'leader']);
    expect(MEDIATING_ROLES).toEqual(['admin', 'director', 'mediator']);
  });
});
