// A server component: rendered on the server for each request (it reads the
// server's environment), with the client component inside.
import { connection } from 'next/server';
import { Connect } from './connect';
import { meshApiUrl } from './mesh';

export default async function Home() {
  await connection();
  // The prewarm frame only helps against Mesh's own Link UI.
  const againstMesh = new URL(meshApiUrl()).hostname.endsWith('.meshconnect.com');
  return (
    <main>
      <h1>Connect an account</h1>
      <Connect skipPrewarm={!againstMesh} />
    </main>
  );
}
