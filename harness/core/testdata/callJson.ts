// biome-ignore-all lint/suspicious/noExplicitAny: tests read the APIs' JSON answers loosely
/** A JSON request to a server on loopback, as the HTTP tests make them: POST when there is a body. */
export async function callJson(
  base: string,
  path: string,
  body?: unknown,
  method = body === undefined ? 'GET' : 'POST',
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: await res.json() };
}
