import * as path from 'node:path';
import { buildProgram, loadCommands } from './main';
import { expectGolden } from '../testing/golden';

const GOLDEN = path.join(__dirname, 'testdata', 'golden');

describe('--help', () => {
  const program = buildProgram(async () => undefined);
  it('the program lists every command', () => {
    const text = program.helpInformation();
    for (const spec of loadCommands()) expect(text).toContain(spec.name);
    expectGolden(path.join(GOLDEN, 'help.txt'), text);
  });
  for (const spec of loadCommands()) {
    it(`${spec.name} --help matches its golden file and offers --json where promised`, () => {
      const cmd = program.commands.find((c) => c.name() === spec.name)!;
      const text = cmd.helpInformation();
      if (spec.json !== false) expect(text).toContain('--json');
      expectGolden(path.join(GOLDEN, `help-${spec.name}.txt`), text);
    });
    for (const sub of spec.subcommands ?? []) {
      it(`${spec.name} ${sub.name} --help matches its golden file and offers --json`, () => {
        const cmd = program.commands.find((c) => c.name() === spec.name)!.commands.find((c) => c.name() === sub.name)!;
        const text = cmd.helpInformation();
        if (sub.json !== false) expect(text).toContain('--json');
        expectGolden(path.join(GOLDEN, `help-${spec.name}-${sub.name}.txt`), text);
      });
    }
  }
});
