/** Where the CLI writes: machine output on stdout, human output on stderr, colour only on a terminal. */
import { styleText } from 'node:util';
import type { Logger } from '../document.ts';

export type Io = {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly color: boolean;
};

/** The process's streams; colour when stderr is a TTY and NO_COLOR is unset. */
export function processIo(env: NodeJS.ProcessEnv = process.env): Io {
  return {
    stdout: (text) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    stderr: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    color: Boolean(process.stderr.isTTY) && env.NO_COLOR === undefined && env.TERM !== 'dumb',
  };
}

type Style = Parameters<typeof styleText>[0];

/** Applies a style when colour is on. */
export function paint(io: Io, style: Style, text: string): string {
  return io.color ? styleText(style, text) : text;
}

/** A logger on stderr; `debug` lines only with `verbose`. */
export function stderrLogger(io: Io, verbose = false): Logger {
  return {
    info: (m) => io.stderr(m),
    warn: (m) => io.stderr(paint(io, 'yellow', `warning: ${m}`)),
    debug: (m) => {
      if (verbose) io.stderr(paint(io, 'dim', m));
    },
  };
}
