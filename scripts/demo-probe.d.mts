export declare function startDemoProcess(
  dir: string,
  command: string,
  args: string[],
  options?: { timeoutMs?: number; env?: NodeJS.ProcessEnv },
): Promise<{ url: string; stop: () => Promise<void> }>;
export declare function checkHomePage(url: string): Promise<{ pageBytes: number; loaderBytes: number }>;
