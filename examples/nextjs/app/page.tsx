import { ConsentStatus } from './consent-status';

export default function Page() {
  return (
    <main>
      <h1>consentry with Next.js</h1>
      <ConsentStatus />
    </main>
  );
}
