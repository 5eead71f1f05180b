import type { TFunction } from 'i18next';
import type { MemberRef } from '../../api/soviet-api.js';

interface SeatLike {
  readonly kind: 'delegation' | 'office';
  readonly office: string | null;
  readonly council: { readonly name: string } | null;
  readonly electingCouncil: { readonly name: string } | null;
  readonly label: string;
}

/** A seat in the member's language: "delegate of Docks to Congress", "chair of Docks". */
export function seatLabel(t: TFunction, seat: SeatLike): string {
  if (!seat.council) return seat.label;
  return seat.kind === 'delegation'
    ? t('seat.delegationLabel', {
        from: seat.electingCouncil?.name ?? '',
        to: seat.council.name,
      })
    : t('seat.officeLabel', {
        office: officeName(t, seat.office ?? ''),
        council: seat.council.name,
      });
}

/** The default offices by their translated names; any other office by its own name. */
export function officeName(t: TFunction, office: string): string {
  return office === 'chair' || office === 'secretary' || office === 'treasurer'
    ? t(`office.${office}`)
    : office;
}

export const names = (refs: readonly MemberRef[]): string[] => refs.map((r) => r.name);
