// Loading slawatch.yaml (SPEC §5): YAML → `${ENV}` substitution → schema → cross-references →
// engine types. All or nothing: any error refuses the whole file with every error found, so a
// running server keeps its last good config.

import { readFile } from 'node:fs/promises';
import { checkReferences } from './check-references.ts';
import { isPathWithin, toConfigError, type ConfigPath, type PathError } from './config-errors.ts';
import { substituteEnv, type Env } from './env-substitution.ts';
import { parseYaml, type YamlResult } from './parse-yaml.ts';
import { offThreadMinChars, parseYamlOffThread } from './parse-yaml-off-thread.ts';
import { configSchema } from './schema.ts';
import { toSlawatchConfig } from './to-specs.ts';
import type { ConfigResult } from './types.ts';
import { configErrorMap, issuesToPathErrors } from './zod-issues.ts';

export { formatConfigErrors } from './config-errors.ts';

const emptyFileMessage = 'the file is empty (expected a mapping with services and notifications)';

/**
 * Parses config text. `env` supplies `${NAME}` values (pass `process.env`); `sourceName` names
 * the text for the caller's messages (formatConfigErrors prints it; errors carry paths only).
 */
export function parseConfigText(text: string, env: Env, _sourceName: string): ConfigResult {
  return validateConfig(parseYaml(text), env);
}

function validateConfig(yaml: YamlResult, env: Env): ConfigResult {
  if (!yaml.ok) return yaml;
  if (yaml.value === null || yaml.value === undefined)
    return { ok: false, errors: [{ path: '', message: emptyFileMessage }] };

  const substituted = substituteEnv(yaml.value, env);
  const parsed = configSchema.safeParse(substituted.value, { error: configErrorMap });
  // A value whose variable is missing became '': its schema error would only repeat the env error.
  const schemaErrors = parsed.success ? [] : issuesToPathErrors(parsed.error.issues);
  const errors: PathError[] = [
    ...substituted.errors,
    ...schemaErrors.filter((error) => !substituted.errors.some((envError) => isPathWithin(error.path, envError.path))),
    ...checkReferences(substituted.value),
  ];
  if (errors.length > 0 || !parsed.success) {
    // Stable sort: file order, and for one place the order the checks ran in.
    const sorted = errors
      .map((error, index) => ({ error, index, offset: yaml.offsetOf(error.path) }))
      .sort((a, b) => a.offset - b.offset || a.index - b.index);
    return { ok: false, errors: sorted.map(({ error }) => toConfigError(error)) };
  }
  return { ok: true, config: toSlawatchConfig(parsed.data) };
}

export async function loadConfigFile(path: string, env: Env): Promise<ConfigResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { ok: false, errors: [{ path: '', message: `cannot read the file: ${(error as Error).message}` }] };
  }
  if (text.length < offThreadMinChars) return parseConfigText(text, env, path);
  const parsed = await parseYamlOffThread(text);
  if (!parsed.ok) return parseConfigText(text, env, path);
  // Positions are only needed to order errors: the document is parsed here again only then.
  let positions: YamlResult | null = null;
  const offsetOf = (configPath: ConfigPath) => {
    positions ??= parseYaml(text);
    return positions.ok ? positions.offsetOf(configPath) : 0;
  };
  return validateConfig({ ok: true, value: parsed.value, offsetOf }, env);
}
