import type { z } from 'zod';
import type { CallMeta, Register } from '../register.js';

export interface Progress {
  /** What is being done, as a catalogue key (`import.phase.writing`), shown in the DPO's language. */
  phase: string;
  done: number;
  total: number;
}

export interface ProcedureContext {
  progress?: (p: Progress) => void;
  signal?: AbortSignal;
}

export interface Procedure<I extends z.ZodType = z.ZodType, O = unknown> {
  /** What the procedure does, for the CLI's help and the docs. */
  summary: string;
  input: I;
  /**
   * Procedures that read or write files by path run only where the caller is trusted (the
   * Electron main process after a file dialog, the CLI, tests): never from a renderer.
   */
  trusted?: boolean;
  run(reg: Register, input: z.output<I>, meta: CallMeta, ctx: ProcedureContext): O | Promise<O>;
}

/** Declares a procedure, keeping its input and output types. */
export function procedure<I extends z.ZodType, O>(p: Procedure<I, O>): Procedure<I, O> {
  return p;
}
