import type { enDevices } from './enDevices.ts';

type Shape<T> = { readonly [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/**
 * Cymraeg for `enDevices.ts`. Written by a non-native speaker: for review by a Welsh
 * translator before an assembly relies on it.
 */
export const cyDevices: Shape<typeof enDevices> = {
  devices: {
    heading: 'Eich dyfeisiau',
    hint: 'Pob porwr lle agoroch chi eich gwahoddiad. Allgofnodwch un nad ydych yn ei ddefnyddio mwyach neu nad ydych yn ei adnabod.',
    loading: 'Wrthi’n llwytho eich dyfeisiau…',
    thisDevice: 'Y ddyfais hon',
    otherDevice: 'Dyfais arall',
    signedIn: 'Mewngofnodwyd {{when}}',
    lastSeen: 'Cysylltwyd ddiwethaf {{when}}',
    neverSeen: 'Heb gysylltu ers mewngofnodi',
    signOut: 'Allgofnodi’r ddyfais honno',
    signOutLabel: 'Allgofnodi’r ddyfais honno (mewngofnodwyd {{when}})',
    signedOut: 'Mae’r ddyfais honno wedi’i hallgofnodi.',
    onlyThis: 'Rydych wedi mewngofnodi ar y ddyfais hon yn unig.',
  },
};
