// The flags of `npm run bench`: which benchmarks to run and whether to rebuild cached inputs.
import { parseArgs } from 'node:util';

export const benchNames = ['year', 'import', 'storage', 'probing', 'overview', 'startup'] as const;
export type BenchName = (typeof benchNames)[number];

export interface BenchArgs {
  only: BenchName[];
  rebuild: boolean;
}

export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: { only: { type: 'string', multiple: true }, rebuild: { type: 'boolean', default: false } },
  });
  const requested = (values.only ?? []).flatMap((v) => v.split(','));
  for (const name of requested) {
    if (!(benchNames as readonly string[]).includes(name)) {
      throw new Error(`--only ${name}: expected one of ${benchNames.join(', ')}`);
    }
  }
  return {
    only: requested.length > 0 ? (requested as BenchName[]) : [...benchNames],
    rebuild: values.rebuild ?? false,
  };
}
