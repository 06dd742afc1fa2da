/** A CLI command: a one-line summary for the usage text, and its entry point (returns the exit code). */
export interface Command {
  summary: string;
  run(args: string[]): Promise<number>;
}

/** Every command of the `sunlight` CLI. Add one line per command module. */
export const commands: Record<string, Command> = {
  serve: { summary: 'run the server (same as npm start)', run: async () => (await import('../server.ts'), new Promise<number>(() => {})) },
  backtest: { summary: 'what a rule or a changed threshold would have raised, without raising it', run: async (args) => (await import('./backtest-command.ts')).run(args) },
  rebuild: { summary: 'rebuild every read model from the event log', run: async (args) => (await import('./rebuild-command.ts')).run(args) },
  import: { summary: 'import an event log (IEEE XES or CSV) as case events', run: async (args) => (await import('../import/import-command.ts')).run(args) },
  simulate: { summary: 'generate a simulated county and its cases (NDJSON or to a server)', run: async (args) => (await import('../simulator/simulate-command.ts')).runSimulate(args) },
};
