import { type TSchema, Type } from '@fastify/type-provider-typebox';

/**
 * Schemas shared by the routes: identifiers, the error body, tagged unions. Every
 * object refuses unknown fields and every string and array has a size limit (the
 * strictness of build-app's Ajv settings needs them to mean something).
 */

export const SLUG_PATTERN = '^[a-z0-9][a-z0-9-]{0,62}$';

/** An organisation's slug in a path. */
export const OrgSlug = Type.String({
  pattern: SLUG_PATTERN,
  maxLength: 63,
  description: 'The organisation (its slug).',
});

export const OrgParams = Type.Object({ org: OrgSlug }, { additionalProperties: false });

/** Ids the democracy domain assigns: `c3` (council), `m12` (member), `mo4` (motion)… */
export function idOf(prefix: string, what: string) {
  return Type.String({
    pattern: `^${prefix}[1-9][0-9]{0,9}$`,
    maxLength: prefix.length + 10,
    description: `A ${what} id (\`${prefix}1\`, \`${prefix}2\`, …).`,
  });
}

export const CouncilId = idOf('c', 'council');
export const MemberId = idOf('m', 'member');
export const ElectionId = idOf('e', 'election');
export const MandateId = idOf('d', 'mandate');
export const BoxId = idOf('b', 'ballot box');
export const PetitionId = idOf('p', 'recall petition');
export const MotionId = idOf('mo', 'motion');
export const AmendmentId = idOf('a', 'amendment');
export const BreachId = idOf('br', 'breach');
export const InvitationId = idOf('i', 'invitation');

/** A seat group: `d:<council>` (its delegation) or `o:<council>:<office>`. */
export const GroupKey = Type.String({
  pattern: '^(d:c[1-9][0-9]{0,9}|o:c[1-9][0-9]{0,9}:[a-z][a-z0-9-]{0,39})$',
  maxLength: 60,
  description: 'A seat group: `d:c3` (the delegation of council c3) or `o:c3:chair` (an office).',
});

/** A ballot receipt: 128 bits in hex, given only to the voter. */
export const Receipt = Type.String({
  pattern: '^[0-9a-f]{32}$',
  maxLength: 32,
  description: 'A ballot receipt (32 hex digits).',
});

/** An invitation token: 256 bits in hex. */
export const InvitationToken = Type.String({
  pattern: '^[0-9a-f]{64}$',
  maxLength: 64,
  description: 'The single-use invitation token (64 hex digits).',
});

export const Choice = Type.Enum(['yes', 'no', 'abstain'], {
  description: 'A vote on a motion or an amendment.',
});
export const RecallChoice = Type.Enum(['recall', 'keep', 'abstain'], {
  description: 'A vote in a recall.',
});

export const PersonName = Type.String({
  minLength: 1,
  maxLength: 100,
  description: "A member's name as others see it (1 to 100 characters).",
});

/** Unix time in milliseconds. */
export const Millis = Type.Integer({ minimum: 0, description: 'Unix time in milliseconds.' });

export const ErrorBody = Type.Object(
  {
    error: Type.Object(
      {
        code: Type.String({ description: 'A stable code from the catalogue (docs/errors.md).' }),
        message: Type.String({ description: 'A sentence a member understands.' }),
        requestId: Type.String({ description: 'Quote it when reporting a problem.' }),
        params: Type.Optional(
          Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean()]), {
            description:
              "The values filled into the catalogue's sentence, so that a client can show it in the member's language.",
          }),
        ),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false, description: 'Every error answer.' },
);

/** The error answers a route documents: its success schemas plus these. */
export function withErrors<T extends Record<number, TSchema>>(ok: T) {
  return { ...ok, '4xx': ErrorBody, '5xx': ErrorBody };
}

/** An empty request body (POST commands that need no input). */
export const NoBody = Type.Unsafe<Record<string, never> | null>({
  type: ['object', 'null'],
  properties: {},
  additionalProperties: false,
  description: 'No body, `null` or `{}`.',
});

/** A signing key to register (docs/api.md, "Signed acts"): Ed25519, public half. */
export const NewKey = Type.Object(
  {
    publicKey: Type.String({
      pattern: '^[A-Za-z0-9+/]{43}=$',
      maxLength: 44,
      description: 'The raw 32-byte Ed25519 public key, base64.',
    }),
    label: Type.String({ minLength: 1, maxLength: 60, description: 'Your name for the key.' }),
  },
  { additionalProperties: false },
);
