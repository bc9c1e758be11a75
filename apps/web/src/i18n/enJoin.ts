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
    codeHeading: 'Type the code on your invite card',
    codeIntro:
      'No link? Your printed invite card has a code of 12 letters and digits under the QR code. Type it here instead of scanning.',
    codeLabel: 'Code from your card',
    codeHint: 'For example K7QM-4RXT-9HWP. Capitals, spaces and dashes do not matter.',
    codeSubmit: 'Check my code',
    codeWrongLength: 'A card’s code has 12 letters and digits; you typed {{typed}}.',
  },
  // Shown on the join page only, so they load with it (the watch page has a size budget).
  errors: {
    expired: 'This invite card has expired. Ask the assembly’s organisers for a new card; the old one no longer works.',
  },
};
