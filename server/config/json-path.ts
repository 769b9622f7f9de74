// The JSON paths an http monitor's `expect.json_path` may use: `$`, then `.name`, `[0]` or
// `["any name"]` steps. Parsed here once so the probe only walks the segments.

const step = /^(?:\.([A-Za-z_$][A-Za-z0-9_$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*"|'[^']*')\])/;

/** `$.data.items[0]["status code"]` → ['data', 'items', 0, 'status code'], or null if not such a path. */
export function parseJsonPath(path: string): (string | number)[] | null {
  if (!path.startsWith('$')) return null;
  const segments: (string | number)[] = [];
  let rest = path.slice(1);
  while (rest !== '') {
    const match = step.exec(rest);
    const segment = match ? segmentOf(match) : null;
    if (match === null || segment === null) return null;
    segments.push(segment);
    rest = rest.slice(match[0].length);
  }
  return segments;
}

function segmentOf(match: RegExpExecArray): string | number | null {
  if (match[1] !== undefined) return match[1];
  if (match[2] !== undefined) return Number(match[2]);
  const quoted = match[3] ?? "''";
  if (!quoted.startsWith('"')) return quoted.slice(1, -1);
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return null; // an escape JSON does not know, such as \x
  }
}
