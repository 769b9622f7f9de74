// What the security views share: the list of a form's errors, and instants to the minute in UTC.
export function Errors({ errors }: { errors: readonly string[] }) {
  if (errors.length === 0) return null;
  return (
    <ul class="form-errors" role="alert">
      {errors.map((e) => (
        <li>{e}</li>
      ))}
    </ul>
  );
}

export const isoMinute = (ms: number | null, never: string) =>
  ms === null ? never : `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
