import { addEnglish } from '../../i18n/index.ts';
import { enFinalBallot } from '../../i18n/enFinalBallot.ts';

/** The final ballot's strings load with its code (the votes' chunk), not with every page. */
addEnglish(enFinalBallot);
