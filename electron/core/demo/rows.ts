import { addDays, dayStart, iso } from './demoCalendar';
import type { DemoCase } from './disputes';
import type { DemoGeography, DivisionUnit } from './geo/hierarchy';
import { cellGeometry, ringsBbox, toDegrees } from './geo/mesh';
import type { GridFigures } from './gridFigures';
import type { SqlValue } from './insert';
import type { DemoNetwork } from './people';
import type { DemoServicePoint } from './servicePoints';

/** Table rows as column → value; generateDemo keeps only the columns the database has. */
export type Row = Record<string, SqlValue>;

/** When the demo's base data "was entered": the first working morning of 2021. */
export const DEMO_CREATED_AT = iso(dayStart('2021-01-04') + 9 * 3_600_000);

export function divisionRows(geo: DemoGeography): Row[] {
  const row = (d: DivisionUnit): Row => ({
    code: d.code,
    name: d.name,
    level: d.level,
    parent_code: d.parentCode,
    sort: d.sort,
    center_lon: toDegrees(d.center[0]),
    center_lat: toDegrees(d.center[1]),
    min_lon: toDegrees(d.bbox[0]),
    min_lat: toDegrees(d.bbox[1]),
    max_lon: toDegrees(d.bbox[2]),
    max_lat: toDegrees(d.bbox[3]),
    outline: JSON.stringify(d.outline),
  });
  // Parents before children (the foreign key), each level in code order.
  return [geo.city, ...geo.counties, ...geo.townships, ...geo.villages].map(row);
}

export function gridRows(geo: DemoGeography, figures: GridFigures): Row[] {
  const { graph } = geo.cells;
  return geo.grids.map((g, i) => {
    const bbox = ringsBbox(graph.mesh, [graph.mesh.rings[g.cell]!]);
    return {
      id: i + 1,
      code: g.code,
      name: g.name,
      village_code: geo.villages[g.village]!.code,
      township_code: geo.townships[g.township]!.code,
      county_code: geo.counties[g.county]!.code,
      households: figures.households[i]!,
      population: figures.population[i]!,
      wechat_groups: figures.wechatGroups[i]!,
      wechat_members: figures.wechatMembers[i]!,
      polygon: JSON.stringify(cellGeometry(graph.mesh, g.cell)),
      center_lon: toDegrees(graph.centerLon[g.cell]!),
      center_lat: toDegrees(graph.centerLat[g.cell]!),
      min_lon: toDegrees(bbox[0]),
      min_lat: toDegrees(bbox[1]),
      max_lon: toDegrees(bbox[2]),
      max_lat: toDegrees(bbox[3]),
      created_at: DEMO_CREATED_AT,
      updated_at: DEMO_CREATED_AT,
    };
  });
}

export function orgRows(network: DemoNetwork): Row[] {
  return network.orgs.map((o) => ({
    id: o.id,
    name: o.name,
    type: o.type,
    specialty: o.specialty,
    division_code: o.divisionCode,
    township_code: o.townshipCode,
    county_code: o.countyCode,
    address: o.address,
    phone: o.phone,
    lon: toDegrees(o.spot.lon),
    lat: toDegrees(o.spot.lat),
  }));
}

export function peopleRows(network: DemoNetwork): Row[] {
  return network.people.map((p) => ({
    id: p.id,
    kind: p.kind,
    name: p.name,
    gender: p.gender,
    phone: p.phone,
    id_number: p.idNumber,
    division_code: p.divisionCode,
    org_id: p.orgId,
    title: p.title,
    active: 1,
    created_at: DEMO_CREATED_AT,
  }));
}

export function gridWorkerRows(network: DemoNetwork): Row[] {
  return network.gridWorkers.map(([grid, person]) => ({ grid_id: grid + 1, person_id: person }));
}

export function servicePointRows(geo: DemoGeography, points: DemoServicePoint[]): Row[] {
  return points.map((p, i) => {
    const level = p.division.level;
    return {
      id: i + 1,
      name: p.name,
      category: p.category,
      level: p.level,
      division_code: p.division.code,
      township_code: level === 'township' || level === 'village' ? geo.townships[p.spot.township]!.code : null,
      county_code: level === 'city' ? null : geo.counties[p.spot.county]!.code,
      grid_id: p.spot.grid + 1,
      address: p.address,
      lon: toDegrees(p.spot.lon),
      lat: toDegrees(p.spot.lat),
      phone: p.phone,
      hours: p.hours,
      contact_name: p.contactName,
      staff_count: p.staffCount,
      notes: p.notes,
      created_at: DEMO_CREATED_AT,
      updated_at: DEMO_CREATED_AT,
    };
  });
}

export interface CaseRows {
  disputes: Row[];
  parties: Row[];
  events: Row[];
  records: Row[];
  agreements: Row[];
  followups: Row[];
}

const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

export function caseRows(geo: DemoGeography, cases: DemoCase[]): CaseRows {
  const out: CaseRows = { disputes: [], parties: [], events: [], records: [], agreements: [], followups: [] };
  for (const c of cases) {
    const d = c.draft;
    const events = [...c.events].sort((a, b) => a.at - b.at);
    out.disputes.push({
      id: c.id,
      case_no: c.caseNo,
      source: d.source,
      category: d.category,
      status: c.status,
      warning: d.warning,
      warning_reason: c.warningReason,
      county_code: geo.counties[d.spot.county]!.code,
      township_code: geo.townships[d.spot.township]!.code,
      village_code: geo.villages[d.spot.village]!.code,
      grid_id: d.spot.grid + 1,
      lon: toDegrees(d.spot.lon),
      lat: toDegrees(d.spot.lat),
      address: c.address,
      summary: c.summary,
      amount_fen: c.amountFen,
      people_involved: c.peopleInvolved,
      registered_at: iso(d.registeredAt),
      accepted_at: isoOrNull(c.acceptedAt),
      deadline: c.deadline,
      org_id: c.orgId,
      mediator_id: c.mediatorId,
      outcome: d.period === 'jan-sep' ? d.outcome : null,
      referral: c.referral,
      concluded_at: isoOrNull(c.concludedAt),
      followup_at: c.followupDay,
      satisfaction: c.satisfaction,
      closed_at: isoOrNull(c.closedAt),
      created_by: null,
      updated_at: iso(events[events.length - 1]!.at),
      repeat_visits: c.repeatVisits,
      deadline_basis: c.deadlineBasis,
      escalated_from: c.escalatedFrom,
    });
    for (const p of c.parties) {
      out.parties.push({ dispute_id: c.id, side: p.side, seq: p.seq, name: p.name, id_number: p.idNumber, phone: p.phone, address: p.address });
    }
    for (const e of events) {
      out.events.push({
        dispute_id: c.id,
        at: iso(e.at),
        actor_id: null,
        actor_name: e.actorName,
        kind: e.kind,
        from_status: e.from,
        to_status: e.to,
        note: e.note,
        data: e.data ? JSON.stringify(e.data) : null,
      });
    }
    if (c.record) {
      const r = c.record;
      out.records.push({ id: r.id, dispute_id: c.id, session_at: iso(r.sessionAt), place: r.place, participants: r.participants, content: r.content, result: r.result, recorded_by: null, recorded_by_name: r.by, created_at: iso(r.sessionAt) });
    }
    if (c.agreement) {
      const a = c.agreement;
      out.agreements.push({
        dispute_id: c.id,
        facts: a.facts,
        issues: a.issues,
        responsibilities: null,
        content: a.content,
        performance_method: a.method,
        performance_deadline: a.performanceDeadline,
        agreed_at: a.agreedAt,
        judicial_deadline: addDays(a.agreedAt, 30),
      });
    }
    if (c.followup) {
      const f = c.followup;
      out.followups.push({ dispute_id: c.id, performed: f.performed ? 1 : 0, visited_at: f.visitedAt, method: f.method, satisfaction: f.satisfaction, note: f.note, by_id: null, by_name: f.by });
    }
  }
  return out;
}

