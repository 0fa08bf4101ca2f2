import { z } from 'zod';

export const id = z.number({ error: 'must be a record number' }).int().positive();
export const version = z.number({ error: 'must be a version number' }).int().positive();
export const empty = z.object({}).default({});
/** Content validated by the service itself, with field-level messages. */
export const content = z.record(z.string(), z.unknown(), { error: 'must be an object' });
