// POST /api/linktoken: asks Mesh for a link token with the client secret,
// which stays on the server. The browser gets Mesh's answer.
import { meshApiUrl, meshCredentials } from '../../mesh';

// The server decides who the user is (here, one fixed demo user).
const USER_ID = 'nextjs-user-1';

export async function POST() {
  let credentials;
  try {
    credentials = meshCredentials();
  } catch (error) {
    return Response.json({ status: 'error', message: (error as Error).message }, { status: 500 });
  }
  let response;
  try {
    response = await fetch(`${meshApiUrl()}/api/v1/linktoken`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-client-id': credentials.clientId, 'x-client-secret': credentials.clientSecret },
      body: JSON.stringify({ userId: USER_ID }),
      cache: 'no-store',
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    return Response.json({ status: 'error', message: `Mesh API unreachable: ${cause}` }, { status: 502 });
  }
  const text = await response.text();
  try {
    return Response.json(JSON.parse(text), { status: response.status });
  } catch {
    return Response.json({ status: 'error', message: `Mesh answered ${response.status} with a non-JSON body` }, { status: 502 });
  }
}
