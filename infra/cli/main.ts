import { commands } from './commands.ts';

/**
 * `sunlight <command> [arguments]`. Each command lives in its own module and is registered in
 * commands.ts; this file only dispatches and turns failures into a message and an exit code.
 */
async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  return command.run(args);
}

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`);
  return `usage: sunlight <command> [arguments]\n\ncommands:\n${lines.join('\n')}\n\nRun "sunlight <command> --help" for a command's arguments.\n`;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
