import { organiserLinkPath } from '@moot/protocol';
import type { Database } from '../../storage/database.ts';
import { createOrganiser, ensureOperator, issueOrganiserLink } from './organiserStore.ts';

/**
 * The first start's organiser link: on an instance without an operator, the operator is created
 * and given a link (printed once in the start-up log). Null when the operator already exists:
 * `npm run moot -- organiser-link` gives them a new one.
 */
export async function firstOrganiserLink(db: Database, publicUrl: string): Promise<string | null> {
  return db.transaction(async (tx) => {
    const { organiser, created } = await ensureOperator(tx);
    return created ? publicUrl + organiserLinkPath(await issueOrganiserLink(tx, organiser.id)) : null;
  });
}

/** A new link for the operator (their unused one stops working), or for a new organiser (`newOrganiser`). */
export async function reissueOrganiserLink(db: Database, publicUrl: string, newOrganiser: boolean): Promise<string> {
  return db.transaction(async (tx) => {
    const organiser = newOrganiser ? await createOrganiser(tx) : (await ensureOperator(tx)).organiser;
    return publicUrl + organiserLinkPath(await issueOrganiserLink(tx, organiser.id));
  });
}
