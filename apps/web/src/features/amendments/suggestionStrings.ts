import { addEnglish } from '../../i18n/index.ts';
import { enSuggestions } from '../../i18n/enSuggestions.ts';

// The tracked changes' strings load with the amendments' components that show them.
addEnglish(enSuggestions);
