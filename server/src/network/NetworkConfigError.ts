/**
 * A mistake in how the server is told to reach the network (HOST, PUBLIC_URL, TLS_CERT_FILE /
 * TLS_KEY_FILE, TRUST_PROXY, ALLOWED_HOSTS or the matching startServer options). Its message
 * says what is wrong and how to put it right; main.ts prints it and exits without a stack trace.
 */
export class NetworkConfigError extends Error {
  override readonly name = 'NetworkConfigError';
}
