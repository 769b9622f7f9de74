// ISO 8601 instants with a fixed +09:00 offset (Asia/Tokyo has no DST), as configs and CSVs write them.
const offsetMs = 9 * 3_600_000;

export function tokyoIso(ms: number): string {
  const local = new Date(ms + offsetMs).toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
  const seconds = local.slice(0, 19);
  const fraction = local.slice(19, 23);
  return fraction === '.000' ? `${seconds}+09:00` : `${seconds}${fraction}+09:00`;
}
