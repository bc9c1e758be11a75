/** The link to an adopted standard's provenance passport, on the charter and the watch page (bundled). Welsh: `cyPassport.ts`. */
export const enPassportLink = {
  passportLink: 'Provenance passport: who wrote it, and the decisions behind it',
};
