/**
 * How the server is reached (issue 10), decided once at start-up from HOST, PUBLIC_URL and the
 * TLS settings, and handed to whatever builds links or decides who may create cases.
 */
export type NetworkFacts = {
  /** The address people use, without a trailing slash: invite links are built from it (PUBLIC_URL, else the listen address). */
  publicUrl: string;
  /** True when the server listens beyond loopback: creating and importing cases then needs an organisation key. */
  beyondLoopback: boolean;
};

/** Whether a listen address only reaches this machine (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127\.\d+\.\d+\.\d+$/.test(bare);
}
