// Server side only (imported by the page and the route, never by a client component): where Mesh's API is, and the client's credentials.

export const meshApiUrl = () => process.env.MESH_API_URL || 'https://integration-api.meshconnect.com';

export function meshCredentials() {
  const clientId = process.env.MESH_CLIENT_ID;
  const clientSecret = process.env.MESH_CLIENT_SECRET;
  if (!clientId || !clientSecret) throw new Error('Set MESH_CLIENT_ID and MESH_CLIENT_SECRET');
  return { clientId, clientSecret };
}
