import { Type } from '@fastify/type-provider-typebox';

export const NOTIFICATION_KINDS = [
  'election-open',
  'vote-open',
  'nomination',
  'delegate-breach',
  'recall-against-me',
] as const;

/** One thing a member should know (server/notifications.ts). */
export const NotificationSchema = Type.Object(
  {
    kind: Type.Enum([...NOTIFICATION_KINDS], {
      description:
        '`election-open`: an election my voting body holds is open; `vote-open`: a vote I may still cast; `nomination`: I was nominated and have not answered; `delegate-breach`: a delegate of my council voted against our instruction; `recall-against-me`: a recall petition or vote against my mandate.',
    }),
    at: Type.Integer({ description: 'When it happened (Unix ms).' }),
    subject: Type.Object(
      {
        kind: Type.Enum(['election', 'motion', 'amendment', 'recall', 'breach']),
        id: Type.String(),
      },
      { additionalProperties: false },
    ),
    title: Type.String({ description: 'The seat, motion or reason it is about.' }),
    until: Type.Union([Type.Integer(), Type.Null()], {
      description: 'When the phase it calls for ends (Unix ms), if it has a deadline.',
    }),
    motionId: Type.Union([Type.String(), Type.Null()], {
      description:
        'The motion it concerns: a motion vote, the motion an amendment would change, or the motion a delegate voted on against instructions (null otherwise).',
    }),
    councilId: Type.Union([Type.String(), Type.Null()], {
      description:
        "The motion's council; for a breach, the council whose instruction was breached (null when there is no motion).",
    }),
  },
  { additionalProperties: false },
);
