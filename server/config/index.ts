export { formatConfigErrors, loadConfigFile, parseConfigText } from './load-config.ts';
export { parseDurationMs, formatConfigDuration } from './durations.ts';
export { parsePercentage } from './percentages.ts';
export { substituteEnv, type Env } from './env-substitution.ts';
export * from './types.ts';
