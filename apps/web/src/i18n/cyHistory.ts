import type { Messages } from './en.ts';

/** Cymraeg for a standard's history (to be reviewed by a Welsh speaker). */
export const cyHistory: Pick<Messages, 'history'> = {
  history: {
    heading: 'Hanes “{{title}}”',
    // To be reviewed by a Welsh speaker (the words in brackets are new).
    intro:
      'Cymharwch y testun ar unrhyw ddau bwynt: mae testun a ychwanegwyd wedi’i danlinellu, testun a ddilëwyd wedi’i groesi allan, a phob darn wedi’i liwio yn ôl pwy a’i hysgrifennodd (testun a ddilëwyd yn ôl pwy a’i dilëodd, lle mae’r cofnod yn gwybod).',
    back: 'Yn ôl i’r siarter',
    loading: 'Wrthi’n llwytho’r hanes…',
    notFound: 'Nid yw’r safon hon yn y siarter.',
    from: 'O',
    to: 'I',
    points: {
      locked: 'Wedi’i chloi, {{at}}',
      adopted: 'Wedi’i mabwysiadu, {{at}}',
      amended: 'Newidiwyd gan {{label}}, {{at}}',
      saved: 'Wedi’i chadw, {{at}}',
      // To be reviewed by a Welsh speaker.
      moment: 'Golygiad gan {{label}}, {{at}}',
      now: 'Nawr',
    },
    // To be reviewed by a Welsh speaker.
    moments: 'Dangos golygiadau cynharach',
    // To be reviewed by a Welsh speaker.
    momentsHint:
      'Yn ogystal â’r pwyntiau a gadwyd, mae pob golygiad ers i’r testun gael ei gadw ddiwethaf yn bwynt y gallwch ei ddewis.',
    colours: 'Dangos lliwiau awduraeth',
    text: 'Testun',
    empty: 'Dim testun ar y naill bwynt na’r llall.',
    inserted: 'ychwanegwyd',
    deleted: 'dilëwyd',
    authorsHeading: 'Pwy ysgrifennodd beth',
    legend: 'Awduron',
    paragraph: 'Paragraff {{number}}',
    writtenBy: 'ysgrifennwyd gan {{names}}',
    insertedBy: 'ychwanegwyd gan {{names}}',
    // To be reviewed by a Welsh speaker (the three below).
    deletedFrom: 'testun a ddilëwyd, a ysgrifennwyd gan {{names}}',
    deletedBy: 'dilëwyd gan {{names}}',
    deletedByWriter: 'dilëwyd gan {{deleter}}, ysgrifennwyd gan {{writer}}',
    unchanged: 'Dim newidiadau rhwng y ddau bwynt hyn.',
    roleName: '{{name}} ({{role}})',
    roles: { moderator: 'cymedrolwr', facilitator: 'hwylusydd' },
    decision: 'penderfyniad y cynulliad',
    unknown: 'awdur cynharach',
    and: ' a ',
    list: ', ',
  },
};
