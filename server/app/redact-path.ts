// Paths as they may be logged: a push URL's last segment is its monitor's only credential. Any
// segment after a `push` segment is replaced, so a mistyped push URL (`/api/v1//push/…`, a
// different case) that matches no route is still not logged with its token.
const afterPushSegment = /(\/push\/+)[^/]*/gi;

export function redactPath(path: string): string {
  return path.replace(afterPushSegment, '$1[redacted]');
}
