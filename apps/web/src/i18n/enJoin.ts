/**
 * The join page's strings: loaded with its chunk (`addEnglish` in `JoinPage.tsx`), not with
 * every page. Part of the `Messages` type like the rest of `en.ts`.
 */
export const enJoin = {
  join: {
    title: 'Join your assembly',
    checking: 'Checking your invite…',
    missingLink: 'This page needs the full invite link you were sent. Open that link again, without changing it.',
    invitedAs: 'You are invited as a {{role}}.',
    chargeLabel: 'The question this assembly answers',
    nameLabel: 'Your name',
    nameHint:
      'Other members see this name. On the public watch page you appear as a pseudonym such as “Member 17”. Between {{min}} and {{max}} characters.',
    submit: 'Join the assembly',
    submitting: 'Joining…',
    seatTaken: 'This invite has been used: the seat belongs to {{name}}.',
    seatTakenHint:
      'Continue to sign this device in as {{name}} too; the name stays the same. If this is not you, do not continue: ask a facilitator for your own link.',
    continueAs: 'Continue as {{name}}',
  },
};
