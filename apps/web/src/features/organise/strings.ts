import { enMemberAccess } from '../../i18n/enMemberAccess.ts';
import { enOrganise } from '../../i18n/enOrganise.ts';
import { addEnglish } from '../../i18n/index.ts';

// The organisers' strings load with their pages' chunk, not with every page.
addEnglish(enOrganise);
addEnglish(enMemberAccess);
