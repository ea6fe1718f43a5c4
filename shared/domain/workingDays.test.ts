import { describe, expect, it } from 'vitest';
import { addCalendarDays, addWorkingDays, isWorkday, workingDaysBetween } from './workingDays';
import { deadlineFlags, judicialConfirmationDeadline, mediationDeadline, pickRule } from './deadlines';

describe('working days over the 2021 National Day holidays', () => {
  it('knows the holidays and the make-up workdays (2021-09-26 Sunday and 2021-10-09 Saturday)', () => {
    expect(isWorkday('2021-09-26')).toBe(true);
    expect(isWorkday('2021-10-09')).toBe(true);
    for (let d = 1; d <= 7; d++) expect(isWorkday(`2021-10-0${d}`)).toBe(false);
    expect(isWorkday('2021-10-02')).toBe(false);
    expect(isWorkday('2021-10-16')).toBe(false); // an ordinary Saturday
  });

  it('counts working days across the holiday week and the make-up Saturday', () => {
    // Accepted Thursday 2021-09-30: next working days are 10-08 (Fri), 10-09 (make-up Sat), 10-11 (Mon)…
    expect(addWorkingDays('2021-09-30', 1)).toBe('2021-10-08');
    expect(addWorkingDays('2021-09-30', 2)).toBe('2021-10-09');
    expect(addWorkingDays('2021-09-30', 3)).toBe('2021-10-11');
    // Accepted Saturday 2021-09-25: the make-up Sunday 09-26 is the first working day.
    expect(addWorkingDays('2021-09-25', 1)).toBe('2021-09-26');
    expect(workingDaysBetween('2021-09-24', '2021-10-10')).toBe(7); // 26, 27, 28, 29, 30, 10-08, 10-09
  });

  it('lets the admin override the built-in calendar', () => {
    const overrides = new Map([['2021-10-08', false]]);
    expect(addWorkingDays('2021-09-30', 1, overrides)).toBe('2021-10-09');
  });

  it('30 calendar days by default, working days where configured, most specific rule wins', () => {
    expect(mediationDeadline('2021-09-30', pickRule([], '邻里', 'none'))).toBe('2021-10-30');
    const rules = [
      { category: null, warning: 'red' as const, days: 10, workingDays: true },
      { category: '邻里' as const, warning: null, days: 15, workingDays: false },
      { category: '邻里' as const, warning: 'red' as const, days: 5, workingDays: true },
    ];
    expect(pickRule(rules, '邻里', 'none').days).toBe(15);
    expect(pickRule(rules, '医疗', 'red').days).toBe(10);
    expect(pickRule(rules, '邻里', 'red').days).toBe(5);
    // 10 working days from 2021-09-30: 10-08, 09, 11, 12, 13, 14, 15, 18, 19, 20
    expect(mediationDeadline('2021-09-30', pickRule(rules, '医疗', 'red'))).toBe('2021-10-20');
  });

  it('judicial confirmation window is 30 days after the agreement; overdue and due-soon flags', () => {
    expect(judicialConfirmationDeadline('2021-09-20')).toBe('2021-10-20');
    expect(addCalendarDays('2021-12-31', 1)).toBe('2022-01-01');
    expect(deadlineFlags('2021-10-28', true, '2021-10-29')).toEqual({ overdue: true, dueSoon: false });
    expect(deadlineFlags('2021-11-01', true, '2021-10-29')).toEqual({ overdue: false, dueSoon: true });
    expect(deadlineFlags('2021-11-20', true, '2021-10-29')).toEqual({ overdue: false, dueSoon: false });
    expect(deadlineFlags('2021-10-01', false, '2021-10-29')).toEqual({ overdue: false, dueSoon: false });
  });
});
