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

/**
 * A person as the viewer may see them (docs/design/record.md, "Personal data"): their
 * name, "former member" once erased, or "member m12" when the viewer may not see it.
 */
export function personName(t: TFunction, ref: Pick<MemberRef, 'id' | 'name' | 'erased'>): string {
  if (ref.name !== null) return ref.name;
  return ref.erased ? t('person.former') : t('person.withheld', { id: ref.id });
}

export const names = (t: TFunction, refs: readonly MemberRef[]): string[] =>
  refs.map((r) => personName(t, r));
