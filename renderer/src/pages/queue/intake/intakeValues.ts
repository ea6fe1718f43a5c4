import type { InputOf } from '../../../../../shared/contract';
import type { DisputeCategory, DisputeSource, WarningLevel } from '../../../../../shared/domain/disputeStatus';
import { warningOverride } from '../../../../../shared/domain/warningRules';
import type { Place } from '../DivisionPicker';

export interface PartyValues {
  side: 'applicant' | 'respondent';
  name?: string;
  idNumber?: string;
  phone?: string;
  address?: string;
}

export interface IntakeValues {
  source: DisputeSource;
  category?: DisputeCategory;
  parties: PartyValues[];
  place?: Place;
  address?: string;
  summary?: string;
  amountYuan?: number | null;
  peopleInvolved?: number | null;
  repeatVisits?: number | null;
  /** Set only when the clerk overrides the rules' colour. */
  warning?: WarningLevel;
  warningReason?: string;
  /** A point picked on the map (WGS-84). */
  location?: { lon: number; lat: number };
}

const opt = (s: string | undefined): string | undefined => {
  const v = s?.trim();
  return v ? v : undefined;
};

/** The contract input from the form; empty optional texts are left out so the core does not reject them. */
export function intakeInput(
  v: IntakeValues & { category: DisputeCategory },
  allowDuplicate: boolean,
  proposed: WarningLevel,
): InputOf<'disputes.intake'> {
  const override = v.warning !== undefined && warningOverride(proposed, v.warning) !== null;
  return {
    source: v.source,
    category: v.category,
    parties: (v.parties ?? []).map((p) => ({
      side: p.side,
      name: p.name?.trim() ?? '',
      idNumber: opt(p.idNumber)?.toUpperCase(),
      phone: opt(p.phone),
      address: opt(p.address),
    })),
    gridId: v.place?.gridId,
    villageCode: v.place?.gridId === undefined ? v.place?.villageCode : undefined,
    location: v.location,
    address: opt(v.address),
    summary: v.summary?.trim() ?? '',
    amountYuan: v.amountYuan ?? undefined,
    peopleInvolved: v.peopleInvolved ?? 1,
    repeatVisits: v.repeatVisits ?? 0,
    warning: override ? v.warning : undefined,
    warningReason: override ? opt(v.warningReason) : undefined,
    allowDuplicate,
  };
}
