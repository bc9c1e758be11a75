import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, HAND_KINDS, MODERATION_REASONS, QUEUE_MODES, VOTE_METHODS } from '@moot/protocol';
import { PARTICIPANT_FIELDS, PUBLIC_DETAIL } from '../../audit/publicAudit.ts';
import {
  ACTION_LABELS,
  actionLabel,
  AUDIT_ENGLISH,
  DETAIL_LABELS,
  detailLabel,
  detailValue,
  type ActionLabels,
  type AuditWords,
} from './auditLabels.ts';
import { AUDIT_WELSH } from './auditLabelsWelsh.ts';

const SRC = join(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * Every action string the server can write to the audit log: the `'domain.verb'` literals of
 * each file that writes entries (through recordAudit, or the sessions' and cases' `mutate` and
 * `change` wrappers around it).
 */
function writtenActions(): Set<string> {
  const actions = new Set<string>();
  for (const file of sourceFiles(SRC)) {
    const source = readFileSync(file, 'utf8');
    if (!/recordAudit\(|mutate\(|change\(/.test(source) || file.endsWith('auditLog.ts')) continue;
    for (const [, action] of source.matchAll(/'([a-z]+\.[a-z_]+)'/g)) actions.add(action!);
  }
  return actions;
}

describe('the audit log in words', () => {
  it('finds the actions the server writes (the walk itself works)', () => {
    const actions = writtenActions();
    for (const known of ['queue.raised', 'case.advanced', 'amendment.tabled', 'agenda.started', 'standard.locked'])
      expect(actions).toContain(known);
  });

  it('has a label for every action written anywhere, and every public one', () => {
    const missing = [...writtenActions(), ...Object.keys(PUBLIC_DETAIL)].filter((a) => !(a in ACTION_LABELS));
    expect(missing).toEqual([]);
  });

  it('names every public detail field and says every code in words', () => {
    // A participant's id (or a list of them) is published as a name under another key.
    const fields = new Set(
      Object.values(PUBLIC_DETAIL)
        .flat()
        .map((f) => PARTICIPANT_FIELDS[f] ?? f),
    );
    expect([...fields].filter((f) => !(f in DETAIL_LABELS))).toEqual([]);
    const codes: [string, readonly string[]][] = [
      ['kind', HAND_KINDS],
      ['reason', MODERATION_REASONS],
      ['method', VOTE_METHODS],
      ['queueMode', QUEUE_MODES],
      ['to', CASE_STATUSES],
      ['why', ['deleted', 'edited']],
    ];
    for (const [key, values] of codes)
      for (const value of values) expect(detailValue(key, value), `${key}: ${value}`).not.toMatch(/_/);
    expect(detailValue('method', 'yes_no')).toBe('yes / no / abstain');
    expect(detailValue('passed', true)).toBe('yes');
    expect(detailValue('why', 'edited')).toBe('the passage it changed was edited');
  });

  it('has a Welsh label for every action the English has, and no English left in it', () => {
    // The same keys, so every action written anywhere (the test above) has Welsh words too.
    expect(Object.keys(AUDIT_WELSH.actions).sort()).toEqual(Object.keys(ACTION_LABELS).sort());
    expect([...writtenActions()].filter((a) => !(a in AUDIT_WELSH.actions))).toEqual([]);
    const untranslated = Object.entries(AUDIT_WELSH.actions).filter(
      ([action, welsh]) => welsh === ACTION_LABELS[action as keyof typeof ACTION_LABELS],
    );
    expect(untranslated).toEqual([]);
    expect(actionLabel('vote.opened', AUDIT_WELSH)).toBe('Agorodd bleidlais');
    expect(actionLabel('vote.opened')).toBe('Opened a vote');
    // An action never given words still prints its code, in either language.
    expect(actionLabel('nothing.yet', AUDIT_WELSH)).toBe('nothing.yet');
  });

  it('names every detail field and every code in Welsh, in words of its own', () => {
    expect(Object.keys(AUDIT_WELSH.details).sort()).toEqual(Object.keys(DETAIL_LABELS).sort());
    for (const [field, codes] of Object.entries(AUDIT_ENGLISH.values))
      expect(Object.keys(AUDIT_WELSH.values[field as keyof AuditWords['values']]).sort(), field).toEqual(
        Object.keys(codes).sort(),
      );
    expect(detailLabel('reason', AUDIT_WELSH)).toBe('rheswm');
    expect(detailValue('method', 'yes_no', AUDIT_WELSH)).toBe('ie / na / ymatal');
    expect(detailValue('passed', true, AUDIT_WELSH)).toBe('ie');
    expect(detailValue('to', 'deliberating', AUDIT_WELSH)).toBe('yn trafod');
    expect(detailValue('participantIds', null, AUDIT_WELSH)).toBe('dim');
  });

  it('makes a language that misses an action a type error', () => {
    const { 'vote.cast': _voted, ...missingOne } = AUDIT_WELSH.actions;
    // @ts-expect-error -- every language words every action (`ActionLabels`): one missing does not compile.
    const incomplete: ActionLabels = missingOne;
    // @ts-expect-error -- and the Welsh table's type is that one: a bare record of strings is not enough.
    const loose: AuditWords['actions'] = {} as Record<string, string>;
    expect(Object.keys(incomplete)).toHaveLength(Object.keys(ACTION_LABELS).length - 1);
    expect(loose).toEqual({});
  });
});
