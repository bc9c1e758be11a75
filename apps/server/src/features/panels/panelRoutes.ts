import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import {
  ErrorCode,
  ORGANISE_ROUTES,
  PANEL_FILE_MAX_BYTES,
  PANEL_FILE_TYPE,
  PANEL_ROUTES,
  refusal,
  type PanelTranscript,
  type PanelVerification,
} from '@moot/protocol';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../realtime/appError.ts';
import { sendError, tooManyTries } from '../../http/errors.ts';
import type { OrganiserHandlers } from '../organise/memberRoutes.ts';
import { organisedOrThrow } from '../organise/organiseStore.ts';
import { requireReader } from '../exports/reader.ts';
import { DRAW_FORMAT, drawFileSchema, verifyDraw, type DrawFile } from './panelDraw.ts';
import { panelOf } from './panelStore.ts';
import { transcriptSchema, verifyTranscript } from './panelTranscript.ts';

/** One re-run per address at a time and per this long: a re-run is up to a second of one core. */
const VERIFY_EVERY_MS = 2_000;
const MAX_ADDRESSES = 10_000;

/** A draw file's or a transcript's re-run as the web page shows it: hashes, the seed, the panel or the drawn indices, chances. */
export function verificationOf(file: DrawFile | PanelTranscript): PanelVerification {
  if ('format' in file) {
    const run = verifyTranscript(file);
    return {
      format: file.format,
      inputsHash: null,
      transcriptHash: run.transcriptHash,
      commitment: run.commitment,
      finalSeed: run.drawn?.finalSeed ?? null,
      panel: null,
      indices: run.drawn?.indices ?? null,
      chances: run.chances,
      problem: run.problem,
    };
  }
  const run = verifyDraw(file);
  return {
    format: file.inputs.format,
    inputsHash: run.inputsHash,
    transcriptHash: run.transcriptHash,
    commitment: run.commitment,
    finalSeed: run.drawn?.finalSeed ?? null,
    panel: run.drawn?.panel ?? null,
    indices: run.drawn?.indices ?? null,
    chances: run.chances,
    problem: run.problem,
  };
}

/** A public transcript or an organisers' draw file, whichever this JSON is; null when neither. */
export function parsePanelFile(json: unknown): DrawFile | PanelTranscript | null {
  const transcript = transcriptSchema.safeParse(json);
  if (transcript.success) return transcript.data;
  const file = drawFileSchema.safeParse(json);
  return file.success ? file.data : null;
}

/**
 * The public check: anyone with a transcript or a draw file posts it and gets the re-run back
 * (nothing stored, nothing read from the database), to compare with the published record on the
 * case's page. The same code as the draw and as `npm run moot -- verify-panel`. And the case's
 * transcript itself, for anyone in the assembly (a session or the watch key).
 */
export function panelRoutes(
  ctx: Pick<AppContext, 'clientAddress' | 'db' | 'throttles'>,
  now: () => number = Date.now,
): Router {
  const router = Router();
  const lastRun = new Map<string, number>();
  const body = express.text({ type: PANEL_FILE_TYPE, limit: PANEL_FILE_MAX_BYTES });
  router.post(PANEL_ROUTES.verify, body, (req: Request, res: Response) => {
    const address = ctx.clientAddress(req);
    const since = now() - (lastRun.get(address) ?? -Infinity);
    if (since < VERIFY_EVERY_MS) {
      return tooManyTries(res, Math.ceil((VERIFY_EVERY_MS - since) / 1000), 'One check at a time', 'oneCheckAtATime');
    }
    if (lastRun.size >= MAX_ADDRESSES) lastRun.clear();
    lastRun.set(address, now());
    let parsed: unknown;
    try {
      parsed = JSON.parse(typeof req.body === 'string' ? req.body : '');
    } catch {
      return sendError(
        res,
        400,
        ErrorCode.badRequest,
        'This is not a draw file (it is not JSON)',
        refusal('request', 'notJson'),
      );
    }
    const file = parsePanelFile(parsed);
    if (!file)
      return sendError(
        res,
        400,
        ErrorCode.badRequest,
        'This is not a Moot panel transcript or draw file',
        refusal('request', 'notADrawFile'),
      );
    res.json(verificationOf(file));
  });
  router.get(PANEL_ROUTES.transcript, async (req: Request, res: Response) => {
    const who = await requireReader(ctx, req, res);
    if (!who) return;
    const caseNumber = z.coerce
      .number()
      .int()
      .positive()
      .max(2 ** 31 - 1)
      .safeParse(req.params.caseNumber);
    const [c] = caseNumber.success
      ? await ctx.db.query<{ id: string }>('SELECT id FROM breach_cases WHERE assembly_id = $1 AND number = $2', [
          who.assembly.id,
          caseNumber.data,
        ])
      : [];
    const panel = c ? await panelOf(ctx.db, c.id) : null;
    if (!panel?.transcript)
      return sendError(
        res,
        404,
        ErrorCode.notFound,
        'No panel with a public transcript has been prepared for this case',
        refusal('panel', 'noneYet'),
      );
    // The seed is withheld until the draw, as everywhere else.
    const transcript: PanelTranscript = {
      ...panel.transcript,
      serverSeed: panel.panel ? panel.serverSeed : null,
      contribution: panel.panel ? panel.contribution : null,
    };
    res.json(transcript);
  });
  return router;
}

const panelFileSchema = z.strictObject({ caseNumber: z.number().int().positive() });

/**
 * The organisers' export of a case's draw file: the pool ids with their categories (which is why
 * only the organisers, who hold the categories already, may have it), the quotas, the size, and
 * once drawn the seed and the room's numbers. Before the draw the seed is withheld, so nobody
 * who could also choose the room's numbers knows it.
 */
export function panelFileRoutes(router: Router, { db }: Pick<AppContext, 'db'>, h: OrganiserHandlers): void {
  router.post(
    ORGANISE_ROUTES.panelFile,
    h.signedIn(async (organiser, req): Promise<DrawFile> => {
      const assembly = await organisedOrThrow(db, organiser.id, h.assemblyIdOf(req), false);
      const { caseNumber } = h.parse(panelFileSchema, req.body);
      const [c] = await db.query<{ id: string }>('SELECT id FROM breach_cases WHERE assembly_id = $1 AND number = $2', [
        assembly.id,
        caseNumber,
      ]);
      const panel = c ? await panelOf(db, c.id) : null;
      if (!panel)
        throw new AppError(ErrorCode.notFound, 'No panel has been prepared for this case', refusal('panel', 'noneYet'));
      return {
        inputs: panel.inputs,
        serverSeed: panel.panel ? panel.serverSeed : null,
        contribution: panel.contribution,
        ...(panel.inputs.format === DRAW_FORMAT ? { seedCommitment: panel.seedCommitment } : {}),
      };
    }),
  );
}
