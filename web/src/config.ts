/** What the gateway tells the console about itself (`/console/config.json`): how to sign in, and the idle limit. */
export interface ConsoleConfig {
  authMode: 'dev' | 'oidc';
  oidc: { authority: string; clientId: string; scope: string } | null;
  /** Minutes without use after which the console signs out (CJIS session lock). */
  idleMinutes: number;
  /** How often the counts of what waits are refreshed. */
  pollSeconds: number;
}

export async function loadConfig(): Promise<ConsoleConfig> {
  const response = await fetch('/console/config.json', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`The hub did not answer /console/config.json (${response.status}).`);
  return (await response.json()) as ConsoleConfig;
}
