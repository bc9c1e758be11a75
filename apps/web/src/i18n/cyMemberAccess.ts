import type { enMemberAccess } from './enMemberAccess.ts';

type Shape<T> = { readonly [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/**
 * Cymraeg for `enMemberAccess.ts`. Written by a non-native speaker: for review by a Welsh
 * translator before an assembly relies on it.
 */
export const cyMemberAccess: Shape<typeof enMemberAccess> = {
  organiserMembers: {
    heading: 'Aelodau',
    open: 'Aelodau o’r loteri ddinesig',
    hint: 'Mewnforio ffeil yr offeryn dethol, cofnodi anghenion mynediad, argraffu cardiau gwahoddiad a gweld pwy sydd ar goll.',
    back: 'Yn ôl i {{title}}',
  },
  tableNeeds: {
    heading: 'Anghenion mynediad',
    intro: 'Wedi’u cofnodi gyda chaniatâd pob aelod: anghenion, nid diagnosis.',
    none: 'Does dim anghenion mynediad wedi’u cofnodi ar gyfer yr aelodau rydych chi’n eu llywio.',
    needsOf: '{{name}}: {{needs}}',
    kinds: {
      captions: 'Isdeitlau',
      screen_reader: 'Darllenydd sgrin',
      large_text: 'Testun mawr',
      welsh: 'Cymraeg',
      bsl_interpreter: 'Dehonglydd BSL',
      step_free_room: 'Ystafell heb risiau',
      device_or_data: 'Dyfais neu ddata i ymuno ar-lein',
    },
  },
};
