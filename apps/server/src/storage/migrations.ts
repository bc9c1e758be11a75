import { chainExistingEntries } from '../audit/auditChain.ts';
import type { Database, Queryable } from './database.ts';

/**
 * The schema, as ordered migrations shared by PGlite and PostgreSQL. Append; never edit an
 * applied migration. Ballots (later) live apart from participation, so a dump cannot join them.
 */
export const MIGRATIONS: readonly {
  id: number;
  name: string;
  sql: string;
  /** Work after `sql` that SQL split on `;` cannot express, in the same transaction. */
  run?: (tx: Queryable) => Promise<void>;
}[] = [
  {
    id: 1,
    name: 'assemblies, participants, charter and documents',
    sql: `
      CREATE TABLE assemblies (
        id uuid PRIMARY KEY,
        slug text UNIQUE,
        title text NOT NULL,
        charge text NOT NULL,
        watch_key_hash bytea NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE participants (
        id uuid PRIMARY KEY,
        assembly_id uuid NOT NULL REFERENCES assemblies(id),
        role text NOT NULL CHECK (role IN ('moderator', 'member')),
        seat integer NOT NULL,
        display_name text,
        show_name boolean NOT NULL DEFAULT false,
        invite_hash bytea NOT NULL UNIQUE,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (assembly_id, seat)
      );
      CREATE TABLE sessions (
        token_hash bytea PRIMARY KEY,
        participant_id uuid NOT NULL REFERENCES participants(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      );
      CREATE TABLE standards (
        id uuid PRIMARY KEY,
        assembly_id uuid NOT NULL REFERENCES assemblies(id),
        position integer NOT NULL,
        title text NOT NULL,
        status text NOT NULL DEFAULT 'drafting'
          CHECK (status IN ('drafting', 'locked', 'adopted', 'rejected')),
        created_by uuid REFERENCES participants(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        removed_at timestamptz
      );
      CREATE INDEX standards_in_charter ON standards (assembly_id, position) WHERE removed_at IS NULL;
      CREATE TABLE document_updates (
        doc_id text NOT NULL,
        seq bigserial NOT NULL,
        update bytea NOT NULL,
        participant_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (doc_id, seq)
      );
      CREATE TABLE document_snapshots (
        doc_id text PRIMARY KEY,
        state bytea NOT NULL,
        upto_seq bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        assembly_id uuid NOT NULL REFERENCES assemblies(id),
        actor_id uuid,
        action text NOT NULL,
        target text,
        detail jsonb NOT NULL DEFAULT '{}',
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX audit_log_by_assembly ON audit_log (assembly_id, id);
    `,
  },
  {
    id: 2,
    name: 'live sessions: agenda, attendance, speaking queue, groups, announcements, moderation',
    sql: `
      CREATE TABLE assembly_sessions (
        id uuid PRIMARY KEY,
        assembly_id uuid NOT NULL REFERENCES assemblies(id),
        title text NOT NULL,
        status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'live', 'ended')),
        queue_mode text NOT NULL DEFAULT 'fifo' CHECK (queue_mode IN ('fifo', 'equity')),
        turn_limit_seconds integer NOT NULL DEFAULT 180,
        current_item_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        ended_at timestamptz
      );
      CREATE INDEX assembly_sessions_by_assembly ON assembly_sessions (assembly_id, created_at);
      CREATE TABLE agenda_items (
        id uuid PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES assembly_sessions(id),
        position integer NOT NULL,
        title text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('learn', 'deliberate', 'draft', 'decide', 'break')),
        planned_minutes integer NOT NULL,
        standard_ids uuid[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'paused', 'done')),
        ends_at timestamptz,
        remaining_ms integer,
        removed_at timestamptz
      );
      CREATE INDEX agenda_items_by_session ON agenda_items (session_id, position);
      CREATE TABLE attendance (
        session_id uuid NOT NULL REFERENCES assembly_sessions(id),
        participant_id uuid NOT NULL REFERENCES participants(id),
        checked_in_at timestamptz NOT NULL DEFAULT now(),
        removed_at timestamptz,
        PRIMARY KEY (session_id, participant_id)
      );
      CREATE TABLE hands (
        id uuid PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES assembly_sessions(id),
        participant_id uuid NOT NULL REFERENCES participants(id),
        kind text NOT NULL CHECK (kind IN ('point_of_process', 'direct_response', 'new_point')),
        status text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'speaking', 'done', 'withdrawn')),
        raised_at timestamptz NOT NULL DEFAULT now(),
        called_at timestamptz,
        ended_at timestamptz,
        spoken_ms integer
      );
      CREATE UNIQUE INDEX one_open_hand ON hands (session_id, participant_id) WHERE status IN ('waiting', 'speaking');
      CREATE UNIQUE INDEX one_speaker ON hands (session_id) WHERE status = 'speaking';
      CREATE TABLE groups (
        id uuid PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES assembly_sessions(id),
        round integer NOT NULL,
        number integer NOT NULL,
        standard_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz,
        UNIQUE (session_id, round, number)
      );
      CREATE TABLE group_members (
        group_id uuid NOT NULL REFERENCES groups(id),
        participant_id uuid NOT NULL REFERENCES participants(id),
        PRIMARY KEY (group_id, participant_id)
      );
      CREATE TABLE announcements (
        id uuid PRIMARY KEY,
        assembly_id uuid NOT NULL REFERENCES assemblies(id),
        text text NOT NULL,
        posted_by uuid REFERENCES participants(id),
        posted_at timestamptz NOT NULL DEFAULT now(),
        cleared_at timestamptz
      );
      CREATE TABLE moderation_actions (
        id uuid PRIMARY KEY,
        assembly_id uuid NOT NULL REFERENCES assemblies(id),
        session_id uuid REFERENCES assembly_sessions(id),
        participant_id uuid NOT NULL REFERENCES participants(id),
        action text NOT NULL CHECK (action IN ('mute', 'unmute', 'remove')),
        reason text,
        note text,
        until timestamptz,
        by_id uuid REFERENCES participants(id),
        at timestamptz NOT NULL DEFAULT now()
      );
      ALTER TABLE participants ADD COLUMN muted_until timestamptz
    `,
  },
  {
    id: 3,
    name: 'decisions: secret votes, ballots apart from participation, ladders, milestones',
    sql: `
      ALTER TABLE standards ADD COLUMN ladder text[] NOT NULL DEFAULT '{}';
      CREATE TABLE document_milestones (
        id uuid PRIMARY KEY,
        doc_id text NOT NULL,
        label text NOT NULL,
        state bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX document_milestones_by_doc ON document_milestones (doc_id, created_at);
      CREATE TABLE votes (
        id uuid PRIMARY KEY,
        assembly_id uuid NOT NULL REFERENCES assemblies(id),
        session_id uuid REFERENCES assembly_sessions(id),
        subject text NOT NULL CHECK (subject IN ('adopt_standard', 'amendment', 'consequence', 'question')),
        subject_id uuid,
        question text NOT NULL,
        rules jsonb NOT NULL,
        eligible integer NOT NULL,
        quorum_needed integer NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        opened_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        result jsonb
      );
      CREATE INDEX votes_by_assembly ON votes (assembly_id, opened_at);
      CREATE TABLE vote_participation (
        vote_id uuid NOT NULL REFERENCES votes(id),
        participant_id uuid NOT NULL REFERENCES participants(id),
        PRIMARY KEY (vote_id, participant_id)
      );
      CREATE TABLE ballots (
        vote_id uuid NOT NULL REFERENCES votes(id),
        ballot_key bytea NOT NULL,
        client_ballot_id uuid NOT NULL,
        receipt text NOT NULL,
        choice jsonb NOT NULL,
        reason text,
        PRIMARY KEY (vote_id, ballot_key),
        UNIQUE (vote_id, receipt)
      )
    `,
  },
  {
    id: 4,
    name: 'amendments and minority reports',
    sql: `
      CREATE TABLE amendments (
        id uuid PRIMARY KEY,
        assembly_id uuid NOT NULL REFERENCES assemblies(id),
        standard_id uuid NOT NULL REFERENCES standards(id),
        proposer_id uuid NOT NULL REFERENCES participants(id),
        text text NOT NULL,
        reason text NOT NULL DEFAULT '',
        status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'tabled', 'adopted', 'rejected')),
        vote_id uuid REFERENCES votes(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE amendment_cosigners (
        amendment_id uuid NOT NULL REFERENCES amendments(id),
        participant_id uuid NOT NULL REFERENCES participants(id),
        PRIMARY KEY (amendment_id, participant_id)
      );
      CREATE TABLE dissents (
        id uuid PRIMARY KEY,
        assembly_id uuid NOT NULL REFERENCES assemblies(id),
        standard_id uuid NOT NULL REFERENCES standards(id),
        text text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE dissent_signatures (
        dissent_id uuid NOT NULL REFERENCES dissents(id),
        participant_id uuid NOT NULL REFERENCES participants(id),
        PRIMARY KEY (dissent_id, participant_id)
      )
    `,
  },
  {
    id: 5,
    name: 'comments on standards, hideable by moderators',
    sql: `
      CREATE TABLE comments (
        id uuid PRIMARY KEY,
        assembly_id uuid NOT NULL REFERENCES assemblies(id),
        standard_id uuid NOT NULL REFERENCES standards(id),
        author_id uuid NOT NULL REFERENCES participants(id),
        text text NOT NULL,
        posted_at timestamptz NOT NULL DEFAULT now(),
        hidden_reason text,
        hidden_note text,
        hidden_by uuid REFERENCES participants(id),
        hidden_at timestamptz
      );
      CREATE INDEX comments_by_standard ON comments (standard_id, posted_at);
      ALTER TABLE moderation_actions DROP CONSTRAINT moderation_actions_action_check;
      ALTER TABLE moderation_actions ADD CONSTRAINT moderation_actions_action_check
        CHECK (action IN ('mute', 'unmute', 'remove', 'hide_comment'))
    `,
  },
  {
    id: 6,
    name: 'breach cases',
    sql: `
      CREATE TABLE breach_cases (
        id uuid PRIMARY KEY,
        assembly_id uuid NOT NULL REFERENCES assemblies(id),
        number integer NOT NULL,
        respondent_role text NOT NULL,
        respondent_name text,
        standard_ids uuid[] NOT NULL,
        summary text NOT NULL,
        evidence jsonb NOT NULL DEFAULT '[]',
        reply text,
        reply_at timestamptz,
        status text NOT NULL DEFAULT 'open'
          CHECK (status IN ('open', 'hearing', 'deliberating', 'decided', 'dismissed')),
        dismissal_reason text,
        decision jsonb,
        opened_by uuid NOT NULL REFERENCES participants(id),
        opened_at timestamptz NOT NULL DEFAULT now(),
        hearing_at timestamptz,
        deliberating_at timestamptz,
        closed_at timestamptz,
        UNIQUE (assembly_id, number)
      );
      CREATE INDEX votes_by_subject ON votes (subject_id) WHERE subject_id IS NOT NULL
    `,
  },
  {
    id: 7,
    name: 'agenda items about a breach case',
    sql: `ALTER TABLE agenda_items ADD COLUMN case_id uuid REFERENCES breach_cases(id)`,
  },
  {
    id: 8,
    name: 'audit log: append-only, each public entry chained to the one before',
    sql: `
      ALTER TABLE audit_log ADD COLUMN seq integer;
      ALTER TABLE audit_log ADD COLUMN prev_hash text;
      ALTER TABLE audit_log ADD COLUMN hash text;
      ALTER TABLE audit_log ADD COLUMN sealed jsonb;
      CREATE TABLE audit_heads (
        assembly_id uuid PRIMARY KEY REFERENCES assemblies(id),
        seq integer NOT NULL DEFAULT 0,
        hash text NOT NULL DEFAULT '${'0'.repeat(64)}'
      )
    `,
    // The chain of the entries already written is computed here, once, before the triggers
    // make every entry unchangeable; the audit feature knows what of an entry is public.
    run: async (tx) => {
      await chainExistingEntries(tx);
      for (const statement of [
        'CREATE UNIQUE INDEX audit_log_chain ON audit_log (assembly_id, seq) WHERE seq IS NOT NULL',
        `ALTER TABLE audit_log ADD CONSTRAINT audit_log_public_chained
           CHECK (action LIKE 'security.%' OR (seq IS NOT NULL AND prev_hash IS NOT NULL AND hash IS NOT NULL AND sealed IS NOT NULL))`,
        `CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'restrict_violation';
         END
         $$`,
        `CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
           FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`,
        `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
           FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`,
      ])
        await tx.query(statement);
    },
  },
  {
    id: 9,
    name: 'sealed ballots while a vote is open; published ballots shuffled, with no key; receipts optional',
    // Open votes' plaintext ballots cannot be sealed here (the secret is not in the database):
    // they wait in unsealed_ballots, keyed as before, and are published at close. Closed votes'
    // ballots are copied in a random order, so the table no longer lists them as they were cast.
    sql: `
      ALTER TABLE ballots RENAME TO unsealed_ballots;
      ALTER TABLE unsealed_ballots RENAME CONSTRAINT ballots_pkey TO unsealed_ballots_pkey;
      ALTER TABLE unsealed_ballots RENAME CONSTRAINT ballots_vote_id_receipt_key TO unsealed_ballots_vote_id_receipt_key;
      ALTER TABLE unsealed_ballots RENAME CONSTRAINT ballots_vote_id_fkey TO unsealed_ballots_vote_id_fkey;
      CREATE TABLE sealed_ballots (
        vote_id uuid NOT NULL REFERENCES votes(id),
        ballot_key bytea NOT NULL,
        sealed bytea NOT NULL,
        PRIMARY KEY (vote_id, ballot_key)
      );
      CREATE TABLE ballots (
        vote_id uuid NOT NULL REFERENCES votes(id),
        receipt text,
        choice jsonb NOT NULL,
        reason text,
        UNIQUE (vote_id, receipt)
      );
      INSERT INTO ballots (vote_id, receipt, choice, reason)
        SELECT b.vote_id, b.receipt, b.choice, b.reason FROM unsealed_ballots b JOIN votes v ON v.id = b.vote_id
        WHERE v.status = 'closed' ORDER BY random();
      DELETE FROM unsealed_ballots WHERE vote_id IN (SELECT id FROM votes WHERE status = 'closed');
      UPDATE votes SET rules = rules || '{"receipts": "verifiable"}' WHERE NOT rules ? 'receipts'
    `,
  },
  {
    id: 10,
    name: 'organisers: their links and sessions (hashes only), the assemblies they run, assembly details and archiving',
    // A listed assembly's watch link is on the home page, so it is kept readable (public_watch_key);
    // an unlisted one's only as its hash, like every other secret.
    sql: `
      ALTER TABLE assemblies ADD COLUMN description text NOT NULL DEFAULT '';
      ALTER TABLE assemblies ADD COLUMN languages text[] NOT NULL DEFAULT '{en}';
      ALTER TABLE assemblies ADD COLUMN starts_on date;
      ALTER TABLE assemblies ADD COLUMN ends_on date;
      ALTER TABLE assemblies ADD COLUMN commissioned_by text NOT NULL DEFAULT '';
      ALTER TABLE assemblies ADD COLUMN listed boolean NOT NULL DEFAULT false;
      ALTER TABLE assemblies ADD COLUMN public_watch_key text;
      ALTER TABLE assemblies ADD COLUMN archived_at timestamptz;
      CREATE TABLE organisers (
        id uuid PRIMARY KEY,
        number serial NOT NULL UNIQUE,
        operator boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX one_operator ON organisers (operator) WHERE operator;
      CREATE TABLE organiser_links (
        secret_hash bytea PRIMARY KEY,
        organiser_id uuid REFERENCES organisers(id),
        assembly_id uuid REFERENCES assemblies(id),
        issued_by uuid REFERENCES organisers(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        used_at timestamptz,
        revoked_at timestamptz,
        CHECK ((organiser_id IS NULL) <> (assembly_id IS NULL))
      );
      CREATE TABLE organiser_sessions (
        token_hash bytea PRIMARY KEY,
        organiser_id uuid NOT NULL REFERENCES organisers(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      );
      CREATE TABLE assembly_organisers (
        assembly_id uuid NOT NULL REFERENCES assemblies(id),
        organiser_id uuid NOT NULL REFERENCES organisers(id),
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (assembly_id, organiser_id)
      );
      CREATE INDEX assembly_organisers_by_organiser ON assembly_organisers (organiser_id)
    `,
  },
  {
    id: 11,
    name: 'members from the civic lottery: contact details, demographics, needs, replacements, invite cards',
    // Apart from participants on purpose: only the members feature reads these tables, so no
    // query that builds a member's or an observer's payload can select a demographic by accident.
    sql: `
      CREATE TABLE members (
        id uuid PRIMARY KEY,
        assembly_id uuid NOT NULL REFERENCES assemblies(id),
        participant_id uuid UNIQUE REFERENCES participants(id),
        reference text,
        name text NOT NULL,
        email text,
        phone text,
        address text,
        demographics jsonb NOT NULL DEFAULT '{}',
        status text NOT NULL CHECK (status IN ('selected', 'reserve', 'dropped')),
        needs text[] NOT NULL DEFAULT '{}',
        needs_consent boolean NOT NULL DEFAULT false,
        code_hash bytea UNIQUE,
        card_issued_at timestamptz,
        imported_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (assembly_id, reference)
      );
      CREATE INDEX members_by_assembly ON members (assembly_id, name);
      CREATE TABLE member_replacements (
        id uuid PRIMARY KEY,
        assembly_id uuid NOT NULL REFERENCES assemblies(id),
        dropped_id uuid NOT NULL REFERENCES members(id),
        replacement_id uuid NOT NULL UNIQUE REFERENCES members(id),
        by_id uuid REFERENCES participants(id),
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE member_settings (
        assembly_id uuid PRIMARY KEY REFERENCES assemblies(id),
        invite_days integer NOT NULL,
        published_categories text[] NOT NULL DEFAULT '{}',
        gap_points integer NOT NULL
      );
      CREATE TABLE member_quotas (
        assembly_id uuid NOT NULL REFERENCES assemblies(id),
        category text NOT NULL,
        value text NOT NULL,
        share double precision NOT NULL,
        PRIMARY KEY (assembly_id, category, value)
      );
      ALTER TABLE participants ADD COLUMN invite_expires_at timestamptz
    `,
  },
  {
    id: 12,
    name: 'the programme: sittings planned ahead (times, place), cancelled sittings, one live sitting, time zone',
    // A database from before may hold two live sessions of one assembly: all but the newest end.
    sql: `
      ALTER TABLE assemblies ADD COLUMN time_zone text NOT NULL DEFAULT 'Europe/London';
      ALTER TABLE assembly_sessions ADD COLUMN starts_at timestamptz;
      ALTER TABLE assembly_sessions ADD COLUMN ends_at timestamptz;
      ALTER TABLE assembly_sessions ADD COLUMN place_kind text CHECK (place_kind IN ('room', 'online', 'both'));
      ALTER TABLE assembly_sessions ADD COLUMN room_name text;
      ALTER TABLE assembly_sessions ADD COLUMN room_address text;
      ALTER TABLE assembly_sessions ADD COLUMN online_link text;
      ALTER TABLE assembly_sessions ADD COLUMN cancelled_at timestamptz;
      ALTER TABLE assembly_sessions ADD CONSTRAINT sitting_ends_after_start CHECK (ends_at > starts_at);
      UPDATE assembly_sessions SET status = 'ended', ended_at = now() WHERE status = 'live' AND id NOT IN
        (SELECT DISTINCT ON (assembly_id) id FROM assembly_sessions WHERE status = 'live' ORDER BY assembly_id, created_at DESC);
      CREATE UNIQUE INDEX one_live_sitting ON assembly_sessions (assembly_id) WHERE status = 'live';
      CREATE INDEX assembly_sessions_by_start ON assembly_sessions (assembly_id, starts_at)
    `,
  },
  {
    id: 13,
    name: 'facilitators and note-takers; check-out; hands raised for a member; group hosts; paper counts',
    sql: `
      ALTER TABLE participants DROP CONSTRAINT participants_role_check;
      ALTER TABLE participants ADD CONSTRAINT participants_role_check
        CHECK (role IN ('moderator', 'facilitator', 'note_taker', 'member'));
      ALTER TABLE attendance ADD COLUMN checked_out_at timestamptz;
      ALTER TABLE attendance ADD COLUMN checked_in_by uuid REFERENCES participants(id);
      ALTER TABLE hands ADD COLUMN raised_by uuid REFERENCES participants(id);
      CREATE TABLE group_hosts (
        group_id uuid NOT NULL REFERENCES groups(id),
        participant_id uuid NOT NULL REFERENCES participants(id),
        PRIMARY KEY (group_id, participant_id)
      );
      CREATE TABLE paper_voters (
        vote_id uuid NOT NULL REFERENCES votes(id),
        participant_id uuid NOT NULL REFERENCES participants(id),
        marked_by uuid NOT NULL REFERENCES participants(id),
        PRIMARY KEY (vote_id, participant_id)
      );
      CREATE TABLE paper_totals (
        vote_id uuid PRIMARY KEY REFERENCES votes(id),
        first_by uuid REFERENCES participants(id),
        first_counts jsonb,
        agreed_counts jsonb,
        second_by uuid REFERENCES participants(id),
        last_mismatch_at timestamptz
      )
    `,
  },
  {
    id: 14,
    name: 'members are administered by organisers: a replacement records the organiser who made it',
    sql: `ALTER TABLE member_replacements ADD COLUMN by_organiser_id uuid REFERENCES organisers(id)`,
  },
  {
    id: 15,
    name: "each small group's own speaking queue (hands.group_id), one speaker per floor",
    sql: `
      ALTER TABLE hands ADD COLUMN group_id uuid REFERENCES groups(id);
      DROP INDEX one_speaker;
      CREATE UNIQUE INDEX one_speaker_per_floor ON hands
        (session_id, coalesce(group_id, '00000000-0000-0000-0000-000000000000'::uuid)) WHERE status = 'speaking'
    `,
  },
  {
    id: 16,
    name: 'amendments suggested in place: an anchored range and its rich replacement; withdrawn and stale',
    sql: `
      ALTER TABLE amendments ADD COLUMN suggestion jsonb;
      ALTER TABLE amendments DROP CONSTRAINT amendments_status_check;
      ALTER TABLE amendments ADD CONSTRAINT amendments_status_check
        CHECK (status IN ('proposed', 'tabled', 'adopted', 'rejected', 'withdrawn', 'stale'))
    `,
  },
  {
    id: 17,
    name: 'who wrote what: Yjs client ids to their authors; checkpoints of a document at each fold',
    sql: `
      CREATE TABLE document_authors (
        doc_id text NOT NULL,
        client_id bigint NOT NULL,
        participant_id uuid,
        first_seen timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (doc_id, client_id)
      );
      CREATE TABLE document_checkpoints (
        id uuid PRIMARY KEY,
        doc_id text NOT NULL,
        state bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX document_checkpoints_by_doc ON document_checkpoints (doc_id, created_at)
    `,
  },
  {
    id: 18,
    name: 'audit chain: entries written unchained, linked after their commit',
    // A public entry may now wait, unchained, for the linker (audit/auditLinker.ts); the one change
    // the log accepts is that linking: chain fields set once, from none to all, nothing else.
    sql: `
      ALTER TABLE audit_log DROP CONSTRAINT audit_log_public_chained;
      ALTER TABLE audit_log ADD CONSTRAINT audit_log_chained_whole
        CHECK (num_nulls(seq, prev_hash, hash, sealed) IN (0, 4) AND (seq IS NULL OR action NOT LIKE 'security.%'));
      CREATE INDEX audit_log_unchained ON audit_log (assembly_id, id) WHERE seq IS NULL AND action NOT LIKE 'security.%'
    `,
    run: async (tx) => {
      await tx.query(`CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'UPDATE' THEN
            IF OLD.seq IS NULL AND OLD.action NOT LIKE 'security.%'
               AND num_nulls(NEW.seq, NEW.prev_hash, NEW.hash, NEW.sealed) = 0
               AND NEW.id = OLD.id AND NEW.assembly_id = OLD.assembly_id AND NEW.action = OLD.action
               AND NEW.at = OLD.at AND NEW.detail = OLD.detail
               AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id AND NEW.target IS NOT DISTINCT FROM OLD.target THEN
              RETURN NEW;
            END IF;
          END IF;
          RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'restrict_violation';
        END
        $$`);
    },
  },
  {
    id: 19,
    name: 'the evidence library, expert sessions and their questions, citations of evidence',
    sql: `
      CREATE TABLE evidence_entries (
        id uuid PRIMARY KEY,
        assembly_id uuid NOT NULL REFERENCES assemblies(id),
        number integer NOT NULL,
        kind text NOT NULL CHECK (kind IN ('briefing', 'talk')),
        title text NOT NULL,
        speaker text NOT NULL DEFAULT '',
        affiliation text NOT NULL DEFAULT '',
        interests text NOT NULL DEFAULT '',
        summary text NOT NULL,
        easy_read text NOT NULL DEFAULT '',
        links jsonb NOT NULL DEFAULT '[]',
        balance text NOT NULL CHECK (balance IN ('for', 'against', 'context')),
        added_by uuid REFERENCES participants(id),
        added_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (assembly_id, number)
      );
      CREATE TABLE expert_sessions (
        item_id uuid PRIMARY KEY REFERENCES agenda_items(id),
        assembly_id uuid NOT NULL REFERENCES assemblies(id),
        entry_id uuid NOT NULL REFERENCES evidence_entries(id)
      );
      CREATE TABLE expert_questions (
        id uuid PRIMARY KEY,
        assembly_id uuid NOT NULL REFERENCES assemblies(id),
        item_id uuid NOT NULL REFERENCES agenda_items(id),
        author_id uuid NOT NULL REFERENCES participants(id),
        text text NOT NULL,
        posted_at timestamptz NOT NULL DEFAULT now(),
        asked_at timestamptz,
        answer text,
        answered_at timestamptz,
        hidden_reason text,
        hidden_by uuid REFERENCES participants(id),
        hidden_at timestamptz
      );
      CREATE INDEX expert_questions_by_item ON expert_questions (item_id, author_id);
      CREATE INDEX expert_questions_by_assembly ON expert_questions (assembly_id, posted_at);
      CREATE TABLE question_supports (
        question_id uuid NOT NULL REFERENCES expert_questions(id),
        participant_id uuid NOT NULL REFERENCES participants(id),
        PRIMARY KEY (question_id, participant_id)
      );
      CREATE TABLE evidence_citations (
        assembly_id uuid NOT NULL REFERENCES assemblies(id),
        entry_id uuid NOT NULL REFERENCES evidence_entries(id),
        standard_id uuid REFERENCES standards(id),
        case_id uuid REFERENCES breach_cases(id),
        position integer NOT NULL,
        CHECK ((standard_id IS NULL) <> (case_id IS NULL))
      );
      CREATE UNIQUE INDEX evidence_citations_of_standard ON evidence_citations (standard_id, entry_id) WHERE standard_id IS NOT NULL;
      CREATE UNIQUE INDEX evidence_citations_of_case ON evidence_citations (case_id, entry_id) WHERE case_id IS NOT NULL;
      CREATE INDEX evidence_citations_by_assembly ON evidence_citations (assembly_id)
    `,
  },
  {
    id: 20,
    name: 'the final ballot: a vote whose subject is the assembly’s recommendations',
    sql: `
      ALTER TABLE votes DROP CONSTRAINT votes_subject_check;
      ALTER TABLE votes ADD CONSTRAINT votes_subject_check
        CHECK (subject IN ('adopt_standard', 'amendment', 'consequence', 'question', 'final_ballot'))
    `,
  },
  {
    id: 21,
    name: 'accountability: respondent and leader seats, responses to standards, progress updates',
    sql: `
      ALTER TABLE participants DROP CONSTRAINT participants_role_check;
      ALTER TABLE participants ADD CONSTRAINT participants_role_check
        CHECK (role IN ('moderator', 'facilitator', 'note_taker', 'member', 'respondent', 'leader'));
      CREATE TABLE case_leaders (
        participant_id uuid PRIMARY KEY REFERENCES participants(id),
        case_id uuid NOT NULL REFERENCES breach_cases(id),
        deadline timestamptz NOT NULL,
        replied_at timestamptz
      );
      CREATE INDEX case_leaders_by_case ON case_leaders (case_id);
      CREATE TABLE standard_responses (
        standard_id uuid PRIMARY KEY REFERENCES standards(id),
        assembly_id uuid NOT NULL REFERENCES assemblies(id),
        stance text NOT NULL CHECK (stance IN ('accept', 'accept_in_part', 'reject')),
        reasons text NOT NULL,
        timeline text NOT NULL,
        by_participant uuid NOT NULL REFERENCES participants(id),
        published_at timestamptz NOT NULL DEFAULT now(),
        revised_at timestamptz
      );
      CREATE INDEX standard_responses_by_assembly ON standard_responses (assembly_id);
      CREATE TABLE progress_updates (
        id uuid PRIMARY KEY,
        assembly_id uuid NOT NULL REFERENCES assemblies(id),
        standard_id uuid NOT NULL REFERENCES standards(id),
        state text NOT NULL CHECK (state IN ('planned', 'in_progress', 'done', 'dropped')),
        happened_on date NOT NULL,
        note text NOT NULL,
        links jsonb NOT NULL DEFAULT '[]',
        by_participant uuid NOT NULL REFERENCES participants(id),
        posted_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX progress_updates_by_assembly ON progress_updates (assembly_id, standard_id, posted_at)
    `,
  },
  {
    id: 22,
    name: 'the consensus map: members marks on paragraphs, and each standard map as last computed',
    sql: `
      CREATE TABLE paragraph_marks (
        standard_id uuid NOT NULL REFERENCES standards(id),
        paragraph text NOT NULL,
        participant_id uuid NOT NULL REFERENCES participants(id),
        mark text NOT NULL CHECK (mark IN ('agree', 'disagree', 'pass')),
        wording text NOT NULL,
        marked_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (standard_id, paragraph, participant_id)
      );
      CREATE INDEX paragraph_marks_by_member ON paragraph_marks (participant_id);
      CREATE TABLE consensus_maps (
        standard_id uuid PRIMARY KEY REFERENCES standards(id),
        map jsonb NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now()
      )
    `,
  },
  {
    id: 23,
    name: 'case panels: conflicts declared, and each case panel draw (inputs, lottery, committed seed, panel)',
    sql: `
      CREATE TABLE case_conflicts (
        case_id uuid NOT NULL REFERENCES breach_cases(id),
        participant_id uuid NOT NULL REFERENCES participants(id),
        reason text,
        reason_public boolean NOT NULL DEFAULT false,
        declared_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (case_id, participant_id)
      );
      CREATE TABLE case_panels (
        case_id uuid PRIMARY KEY REFERENCES breach_cases(id),
        assembly_id uuid NOT NULL REFERENCES assemblies(id),
        size integer NOT NULL,
        inputs jsonb NOT NULL,
        inputs_hash text NOT NULL,
        pool jsonb NOT NULL,
        lottery jsonb NOT NULL,
        server_seed text NOT NULL,
        seed_commitment text NOT NULL,
        contribution text,
        final_seed text,
        panel text[],
        prepared_at timestamptz NOT NULL DEFAULT now(),
        drawn_at timestamptz
      );
      CREATE INDEX case_panels_by_assembly ON case_panels (assembly_id)
    `,
  },
  // Amendments adopted before this table get their row from what was kept: each was applied
  // under a fresh client id credited to its proposer, recorded with its update just before the
  // milestone that names the amendment was saved, so it is the proposer's latest client id
  // first seen by then (the standard is locked while amended: no typing of theirs falls between).
  {
    id: 24,
    name: 'the provenance passport: the Yjs client id each adopted amendment wrote its words under',
    sql: `
      CREATE TABLE amendment_edits (
        amendment_id uuid PRIMARY KEY REFERENCES amendments(id),
        doc_id text NOT NULL,
        client_id bigint NOT NULL
      );
      CREATE INDEX amendment_edits_by_document ON amendment_edits (doc_id);
      INSERT INTO amendment_edits (amendment_id, doc_id, client_id)
      SELECT DISTINCT ON (a.id) a.id, m.doc_id, w.client_id
      FROM amendments a
      JOIN document_milestones m ON m.label = 'amended by amendment ' || a.id::text
      JOIN document_authors w
        ON w.doc_id = m.doc_id AND w.participant_id = a.proposer_id AND w.first_seen <= m.created_at
      WHERE a.status = 'adopted'
      ORDER BY a.id, w.first_seen DESC, w.client_id
    `,
  },
  {
    id: 25,
    name: 'appeals against moderation: one per action, decided by a moderator who did not act; a hide names its comment',
    sql: `
      ALTER TABLE moderation_actions ADD COLUMN comment_id uuid REFERENCES comments(id);
      UPDATE moderation_actions m SET comment_id = c.id FROM comments c
        WHERE m.action = 'hide_comment' AND c.author_id = m.participant_id AND c.hidden_by = m.by_id
          AND c.hidden_at = m.at AND c.assembly_id = m.assembly_id;
      CREATE TABLE moderation_appeals (
        id uuid PRIMARY KEY,
        assembly_id uuid NOT NULL REFERENCES assemblies(id),
        action_id uuid NOT NULL UNIQUE REFERENCES moderation_actions(id),
        participant_id uuid NOT NULL REFERENCES participants(id),
        reason text NOT NULL,
        appealed_at timestamptz NOT NULL DEFAULT now(),
        decision text CHECK (decision IN ('upheld', 'overturned')),
        decision_reason text,
        decided_by uuid REFERENCES participants(id),
        decided_at timestamptz,
        CHECK ((decision IS NULL) = (decided_at IS NULL))
      );
      CREATE INDEX moderation_appeals_by_assembly ON moderation_appeals (assembly_id, appealed_at);
      CREATE INDEX moderation_actions_by_member ON moderation_actions (participant_id, at)
    `,
  },
  {
    id: 26,
    name: 'quorum while a vote is open: pause, continue, and a deadline kept across restarts',
    sql: `
      ALTER TABLE votes ADD COLUMN closes_at timestamptz;
      ALTER TABLE votes ADD COLUMN quorum_short_since timestamptz;
      ALTER TABLE votes ADD COLUMN paused_at timestamptz;
      ALTER TABLE votes ADD COLUMN paused_present integer;
      ALTER TABLE votes ADD COLUMN continued_at timestamptz;
      ALTER TABLE votes ADD COLUMN continued_present integer;
      CREATE INDEX votes_open ON votes (assembly_id) WHERE status = 'open'
    `,
  },
  {
    id: 27,
    name: 'the assembly report: one short statement per member, which a moderator may hide',
    sql: `
      CREATE TABLE report_statements (
        id uuid PRIMARY KEY,
        assembly_id uuid NOT NULL REFERENCES assemblies(id),
        participant_id uuid NOT NULL REFERENCES participants(id),
        text text NOT NULL,
        written_at timestamptz NOT NULL DEFAULT now(),
        hidden_reason text,
        hidden_note text,
        hidden_by uuid REFERENCES participants(id),
        hidden_at timestamptz,
        UNIQUE (assembly_id, participant_id)
      )
    `,
  },
  {
    id: 28,
    name: 'signed-in devices: each session gets a random non-secret id and when it last connected',
    // The id names a session to its owner (devices:signOut) without the cookie's secret or hash leaving the server.
    sql: `
      ALTER TABLE sessions ADD COLUMN device_id uuid NOT NULL DEFAULT gen_random_uuid();
      ALTER TABLE sessions ADD COLUMN last_seen_at timestamptz;
      CREATE UNIQUE INDEX sessions_by_device ON sessions (device_id);
      CREATE INDEX sessions_by_participant ON sessions (participant_id)
    `,
  },
  {
    id: 29,
    name: 'case panels: the public transcript of each lottery (indices, no categories) and its hash, committed before the draw',
    // Null for a draw prepared before transcripts: it is drawn, and re-run, as moot-panel-draw/1.
    sql: `
      ALTER TABLE case_panels ADD COLUMN transcript jsonb;
      ALTER TABLE case_panels ADD COLUMN transcript_hash text
    `,
  },
];

// Any constant shared by every node: serialises migrations when several start at once.
const MIGRATION_LOCK = 7_040_301;

/** Brings the schema up to date (tests may stop at an older migration to test the next one). */
export async function migrate(db: Database, migrations = MIGRATIONS): Promise<void> {
  await db.transaction(async (tx) => {
    // The lock comes first: even CREATE TABLE IF NOT EXISTS races between two nodes starting at once.
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const applied = new Set((await tx.query<{ id: number }>('SELECT id FROM schema_migrations')).map((r) => r.id));
    for (const migration of migrations) {
      if (applied.has(migration.id)) continue;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await migration.run?.(tx);
      await tx.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [migration.id, migration.name]);
    }
  });
}

/** Our migrations hold no semicolons inside strings or bodies, so splitting on `;` is exact. */
function splitStatements(sql: string): string[] {
  return sql
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
