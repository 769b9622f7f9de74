// Reads the Prometheus text format back into `series → value`, a series written exactly as
// prom-client prints it: `name{label="value",…}`.
export function samples(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const cut = line.lastIndexOf(' ');
    out.set(line.slice(0, cut), Number(line.slice(cut + 1)));
  }
  return out;
}

/** The series of one metric name (with or without labels). */
export function seriesOf(all: Map<string, number>, name: string): Map<string, number> {
  return new Map([...all].filter(([series]) => series === name || series.startsWith(`${name}{`)));
}
