import { deadlineBasis, mediationDeadline, pickRule, type DeadlineRule } from '../../../shared/domain/deadlines';
import type { DisputeCategory, DisputeStatus, WarningLevel } from '../../../shared/domain/disputeStatus';
import { REFERRAL_LABELS, type Referral } from '../../../shared/domain/workflow';
import { DEMO_NOW_MS, DEMO_TODAY, addDays, afterOfficeHours, chinaDay, iso, officeTime } from './demoCalendar';
import type { CaseDraft } from './disputeDrafts';
import { drawParties, yuanText, type DemoParty } from './disputeParties';
import { agreementContent, summaryFor, warningText } from './disputeTexts';
import type { DemoGeography } from './geo/hierarchy';
import type { DemoNetwork } from './people';
import type { PersonFactory } from './personFactory';
import type { Places } from './places';
import type { Rng } from './random';

/**
 * The demo's deadline rules (stored in dispute_deadline_rules, so the app computes the same deadlines for
 * new cases): 30 days by default, red-warning cases and the quick neighbour/consumer quarrels sooner.
 */
export const DEMO_DEADLINE_RULES: DeadlineRule[] = [
  { category: null, warning: 'red', days: 15, workingDays: false },
  { category: '邻里', warning: null, days: 15, workingDays: false },
  { category: '消费', warning: null, days: 15, workingDays: false },
  { category: '物业', warning: null, days: 20, workingDays: false },
];

/** Chance a case of the category goes to the county's (or city's) professional committee. */
const TO_INDUSTRY: Partial<Record<DisputeCategory, number>> = {
  医疗: 0.75,
  交通事故: 0.6,
  '劳动/欠薪': 0.45,
  物业: 0.35,
  消费: 0.35,
  征地拆迁: 0.3,
  环境: 0.3,
  土地山林: 0.2,
  婚姻家庭: 0.1,
};
const REGISTERED_NOTES: Record<string, string[]> = {
  walk_in: ['当事人来访登记', '当事人到综治中心来访'],
  phone: ['当事人来电反映'],
  hotline_12345: ['12345热线转办'],
  grid_patrol: ['网格员排查发现并上报', '网格员走访中发现'],
  wxg_app: ['网小格小程序上报'],
  referral: ['派出所移送', '法院诉前委派调解'],
  proactive: ['矛盾纠纷排查中发现'],
};

export interface DemoEvent {
  at: number;
  actorName: string;
  kind: string;
  from: DisputeStatus | null;
  to: DisputeStatus | null;
  note: string | null;
  data: Record<string, unknown> | null;
}

export interface DemoCase {
  id: number;
  caseNo: string;
  draft: CaseDraft;
  status: DisputeStatus;
  warningReason: string | null;
  summary: string;
  address: string;
  amountFen: number | null;
  peopleInvolved: number;
  repeatVisits: number;
  acceptedAt: number | null;
  deadline: string | null;
  deadlineBasis: string | null;
  orgId: number | null;
  mediatorId: number | null;
  referral: Referral | null;
  concludedAt: number | null;
  followupDay: string | null;
  satisfaction: number | null;
  closedAt: number | null;
  escalatedFrom: DisputeStatus | null;
  parties: DemoParty[];
  events: DemoEvent[];
  record: { id: number; sessionAt: number; place: string; participants: string; content: string; result: string; by: string } | null;
  agreement: { facts: string; issues: string; content: string; method: string; performanceDeadline: string | null; agreedAt: string } | null;
  followup: { visitedAt: string; performed: boolean; method: 'visit' | 'phone'; satisfaction: number | null; note: string; by: string } | null;
}

export interface DisputeWorld {
  geo: DemoGeography;
  network: DemoNetwork;
  persons: PersonFactory;
  places: Places;
  rng: Rng;
  /** The mediator the demo's 'mediator' account is, and the township whose cases they take. */
  demoMediator: { personId: number; township: number; org: number };
}

/** Office hours drawn from an exponential-ish spread with a floor and a ceiling. */
function hoursBetween(rng: Rng, min: number, typical: number, max: number): number {
  return Math.min(max, min - typical * Math.log(1 - rng.next()));
}

export function buildCases(drafts: CaseDraft[], world: DisputeWorld): DemoCase[] {
  const { geo, network, persons, places, rng } = world;
  const staff = geo.townships.map(() => ({ clerk: persons.name(rng.chance(0.6) ? 'F' : 'M'), dispatcher: persons.name(rng.chance(0.5) ? 'F' : 'M'), director: persons.name('M') }));
  const personName = new Map(network.people.map((p) => [p.id, p.name]));
  const gridWorkerOf = new Map<number, number>();
  for (const [grid, person] of network.gridWorkers) if (!gridWorkerOf.has(grid)) gridWorkerOf.set(grid, person);

  const ordered = drafts.map((d, i) => ({ d, i })).sort((a, b) => a.d.registeredAt - b.d.registeredAt || a.i - b.i);
  const caseSeq = new Map<string, number>();
  let recordId = 0;
  return ordered.map(({ d }, index): DemoCase => {
    const t = geo.townships[d.spot.township]!;
    const team = staff[d.spot.township]!;
    const year = chinaDay(d.registeredAt).slice(0, 4);
    const key = `${year}-${t.code.slice(0, 9)}`;
    const seq = (caseSeq.get(key) ?? 0) + 1;
    caseSeq.set(key, seq);

    const who = drawParties(d.category, d.spot, geo, places, persons, rng);
    let warning: WarningLevel = d.warning;
    let warningReason: string | null = null;
    let warningSentence = '';
    if (warning === 'none' && d.category !== '婚姻家庭' && who.peopleInvolved >= 10) {
      warning = 'yellow';
      warningReason = `涉及${who.peopleInvolved}人，群体性纠纷`;
    } else if (warning !== 'none') {
      const text = warningText(warning, rng);
      warningReason = text.reason;
      warningSentence = text.sentence;
    }
    d.warning = warning;
    const amount = who.amountYuan > 0 ? yuanText(who.amountYuan) : '';
    const gridName = geo.grids[d.spot.grid]!.name;
    const summary = summaryFor(d.category, { a: who.applicantLabel, b: who.respondentLabel, amount, place: gridName, rng }) + warningSentence;
    const repeatVisits = warning === 'yellow' ? rng.int(1, 4) : warning === 'red' ? rng.int(0, 3) : rng.chance(0.08) ? 1 : rng.chance(0.02) ? 2 : 0;

    const c: DemoCase = {
      id: index + 1,
      caseNo: `${key}-${String(seq).padStart(5, '0')}`,
      draft: d,
      status: 'registered',
      warningReason,
      summary,
      address: places.address(d.spot),
      amountFen: who.amountYuan > 0 ? who.amountYuan * 100 : null,
      peopleInvolved: who.peopleInvolved,
      repeatVisits,
      acceptedAt: null,
      deadline: null,
      deadlineBasis: null,
      orgId: null,
      mediatorId: null,
      referral: null,
      concludedAt: null,
      followupDay: null,
      satisfaction: null,
      closedAt: null,
      escalatedFrom: null,
      parties: who.parties,
      events: [],
      record: null,
      agreement: null,
      followup: null,
    };
    const event = (at: number, actorName: string, kind: string, from: DisputeStatus | null, to: DisputeStatus | null, note: string | null, data: Record<string, unknown> | null = null) => {
      c.events.push({ at, actorName, kind, from, to, note, data });
      if (to) c.status = to;
    };

    // Registration, and the warning set by hand right after it.
    const tReg = d.registeredAt;
    event(tReg, team.clerk, 'registered', null, 'registered', rng.pick(REGISTERED_NOTES[d.source]!), { source: d.source });
    if (warning !== 'none') {
      // A few minutes after registration, and never after "now" for this morning's cases.
      const minutes = Math.max(1, Math.min(40, Math.floor((DEMO_NOW_MS - tReg) / 60_000) - 1));
      event(tReg + rng.int(1, minutes) * 60_000, team.dispatcher, 'warning', null, null, warningReason, { from: 'none', to: warning, by: 'hand' });
    }

    // Each step happens some office hours after the one before (a day or more for a good share: a busy
    // center, a mediator out in the villages); an October case stops where "now" is.
    const reached = (at: number) => d.period === 'jan-sep' || at <= DEMO_NOW_MS;
    const tAcc = afterOfficeHours(tReg, rng.chance(0.25) ? rng.float(6, 28) : hoursBetween(rng, 0.2, 1.5, 8));
    if (!reached(tAcc)) return c;
    const rule = pickRule(DEMO_DEADLINE_RULES, d.category, warning);
    c.acceptedAt = tAcc;
    c.deadline = mediationDeadline(chinaDay(tAcc), rule);
    c.deadlineBasis = deadlineBasis(rule);
    event(tAcc, team.dispatcher, 'accept', 'registered', 'accepted', null, { deadline: c.deadline, basis: c.deadlineBasis });

    const tAsg = afterOfficeHours(tAcc, rng.chance(0.3) ? rng.float(8, 40) : hoursBetween(rng, 0.5, 4, 24));
    if (!reached(tAsg)) return c;
    const [orgIndex, mediatorId] = chooseMediator(d, world);
    const org = network.orgs[orgIndex]!;
    c.orgId = org.id;
    c.mediatorId = mediatorId;
    const mediator = personName.get(mediatorId)!;
    event(tAsg, team.dispatcher, 'assign', 'accepted', 'assigned', `分派至${org.name}，调解员${mediator}`, { orgId: org.id, mediatorId, previousMediatorId: null });

    const tMed = afterOfficeHours(tAsg, rng.chance(0.3) ? rng.float(10, 45) : hoursBetween(rng, 1, 10, 60));
    if (!reached(tMed)) return c;
    event(tMed, mediator, 'startMediation', 'assigned', 'mediating', rng.pick(['组织双方当面调解', '分别约谈双方当事人', '到现场实地察看']));
    const participants = [...c.parties.map((p) => p.name), `调解员${mediator}`].join('、');
    const place = org.type === 'village' ? `${org.name.replace('人民调解委员会', '')}调解室` : `${org.name}调解室`;

    if (d.period === 'october') {
      const tSession = Math.min(afterOfficeHours(tMed, rng.float(1, 6)), DEMO_NOW_MS - 30 * 60_000);
      if (tSession > tMed && rng.chance(0.7)) {
        c.record = { id: ++recordId, sessionAt: tSession, place, participants, content: '调解员听取双方陈述，释法说理，双方分歧仍较大，约定择日再调。', result: '双方同意继续协商', by: mediator };
        event(tSession, mediator, 'mediation_record', null, null, c.record.result, { recordId: c.record.id, sessionAt: iso(tSession) });
      }
      const escalateChance = warning === 'red' || warning === 'yellow' || d.category === '征地拆迁' ? 0.3 : 0.02;
      const tEsc = afterOfficeHours(tMed, rng.float(16, 60));
      if (rng.chance(escalateChance) && reached(tEsc)) {
        c.escalatedFrom = 'mediating';
        event(tEsc, team.director, 'escalate', 'mediating', 'escalated', rng.pick(['案情复杂，涉及多个部门，提请县级综治中心协调', '当事人情绪激烈，镇级调解难度大，上报县级']));
      }
      return c;
    }

    // Jan–Sep: concluded, never later than an hour before "now".
    const agreed = d.outcome === 'agreement';
    const days = agreed ? Math.min(27, Math.max(0, Math.round(Math.exp(rng.normal() * 0.8 + 1.2)) - 1)) : rng.int(8, 28);
    let tEnd = days === 0 ? afterOfficeHours(tMed, rng.float(1, 5)) : officeTime(addDays(chinaDay(tMed), days), rng);
    if (tEnd <= tMed) tEnd = afterOfficeHours(tMed, 1);
    if (tEnd > DEMO_NOW_MS - 60 * 60_000) tEnd = tMed + Math.floor(rng.next() * (DEMO_NOW_MS - 60 * 60_000 - tMed));
    c.concludedAt = tEnd;
    c.record = {
      id: ++recordId,
      sessionAt: tEnd,
      place,
      participants,
      content: agreed ? '调解员听取双方陈述，核实事实，释法说理、耐心疏导，双方互谅互让，自愿达成协议。' : '调解员多次组织调解，双方对核心诉求分歧较大，无法达成一致。',
      result: agreed ? '达成调解协议' : '未能达成一致',
      by: mediator,
    };
    event(Math.max(tMed + 60_000, tEnd - 10 * 60_000), mediator, 'mediation_record', null, null, c.record.result, { recordId: c.record.id, sessionAt: iso(tEnd) });
    const endDay = chinaDay(tEnd);
    if (agreed) {
      const performanceDeadline = amount ? addDays(endDay, rng.pick([0, 7, 15, 30])) : null;
      c.agreement = {
        facts: summary,
        issues: `双方就${amount ? '赔偿（给付）数额及履行方式' : '责任划分及处理方式'}存在争议。`,
        content: agreementContent(d.category, amount, rng),
        method: amount ? rng.pick(['当场履行', '分期履行', '约定期限内一次性履行']) : '自觉履行',
        performanceDeadline,
        agreedAt: endDay,
      };
      event(tEnd, mediator, 'reachAgreement', 'mediating', 'agreed', '双方自愿达成调解协议并签字', { judicialConfirmationDeadline: addDays(endDay, 30), performanceDeadline });
    } else {
      const referral = rng.pick<Referral>(['litigation', 'litigation', 'litigation', 'arbitration', 'administrative', 'other']);
      c.referral = referral;
      event(tEnd, mediator, 'fail', 'mediating', 'failed', `调解不成，已${REFERRAL_LABELS[referral]}`, { referral, referralLabel: REFERRAL_LABELS[referral], referralBody: null });
    }

    // The follow-up visit 3–15 days later, if that day has passed; closing a day or two after it.
    const visitDay = addDays(endDay, rng.int(3, 15));
    if (visitDay >= DEMO_TODAY) return c;
    const tVisit = Math.max(officeTime(visitDay, rng), tEnd + 60_000);
    const byGridWorker = rng.chance(0.35);
    const visitor = byGridWorker ? personName.get(gridWorkerOf.get(d.spot.grid)!)! : mediator;
    const performed = agreed ? rng.chance(0.98) : false;
    const satisfaction = performed ? (rng.chance(0.95) ? 3 : rng.chance(0.9) ? 2 : 1) : null;
    const method = rng.chance(0.6) ? 'phone' : 'visit';
    const note = performed ? (satisfaction === 3 ? '协议已履行，当事人满意' : '协议已履行，当事人基本满意') : agreed ? '协议尚未完全履行，已督促' : `当事人已按引导${REFERRAL_LABELS[c.referral!]}`;
    c.followupDay = visitDay;
    c.satisfaction = satisfaction;
    c.followup = { visitedAt: visitDay, performed, method, satisfaction, note, by: visitor };
    event(tVisit, visitor, 'followUp', c.status, 'followed_up', note, { performed, satisfaction, method });
    const tClose = afterOfficeHours(tVisit, rng.float(0.5, 20));
    if (tClose > DEMO_NOW_MS) return c;
    c.closedAt = tClose;
    event(tClose, team.clerk, 'close', 'followed_up', 'closed', '结案归档');
    return c;
  });
}

/** The committee and mediator a case goes to: a professional committee for its specialty, else local. */
function chooseMediator(d: CaseDraft, world: DisputeWorld): [org: number, mediator: number] {
  const { network, rng, demoMediator } = world;
  if (d.period === 'october' && d.spot.township === demoMediator.township && rng.chance(0.45)) {
    return [demoMediator.org, demoMediator.personId];
  }
  const industry = network.industryOrgs.get(d.category);
  let org: number | null = null;
  if (industry && rng.chance(TO_INDUSTRY[d.category] ?? 0)) org = industry.byCounty.get(d.spot.county) ?? industry.city;
  if (org === null) {
    const own = network.villageOrg[d.spot.village] ?? null;
    const townshipOrgs = network.townshipOrgs[d.spot.township]!;
    org = own !== null && rng.chance(0.65) ? own : rng.chance(0.75) ? townshipOrgs[0]! : rng.pick(townshipOrgs);
  }
  return [org, rng.pick(network.orgs[org]!.mediatorIds)];
}
