import { addStandardSchema, moveStandardSchema, removeStandardSchema, retitleStandardSchema } from './charter.ts';
import {
  awarenessMessageSchema,
  closeDocumentSchema,
  openDocumentSchema,
  syncMessageSchema,
  watchDocumentSchema,
} from './documents.ts';
import type { AssemblyClientEvent, WatchClientEvent } from './events.ts';
import type { z } from 'zod';

/** The schema for every client event's payload, per namespace: the boundary parses with these. */
export const SCHEMAS = {
  assembly: {
    'doc:open': openDocumentSchema,
    'doc:close': closeDocumentSchema,
    'doc:sync': syncMessageSchema,
    'doc:awareness': awarenessMessageSchema,
    'standard:add': addStandardSchema,
    'standard:retitle': retitleStandardSchema,
    'standard:move': moveStandardSchema,
    'standard:remove': removeStandardSchema,
  },
  watch: {
    'doc:open': watchDocumentSchema,
    'doc:close': closeDocumentSchema,
  },
} as const satisfies {
  assembly: Record<AssemblyClientEvent, z.ZodType>;
  watch: Record<WatchClientEvent, z.ZodType>;
};
