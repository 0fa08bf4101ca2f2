/**
 * A progress line on the error stream, as mature tools draw one: on a terminal it rewrites itself in
 * place (carriage return, line cleared) and ends with a newline when the work is done; piped or
 * redirected it prints nothing, unless `force` (the command's --progress, as git's) asks for it,
 * then one plain line per update.
 */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export type ProgressLine = (text: string, done: boolean) => void;

export function progressLine(stream: ProgressStream, force = false): ProgressLine {
  // \r back to the line's start, \x1b[K clears what a longer previous text left.
  if (stream.isTTY) return (text, done) => void stream.write(`\r${text}\x1b[K${done ? '\n' : ''}`);
  if (force) return (text) => void stream.write(`${text}\n`);
  return () => {};
}
