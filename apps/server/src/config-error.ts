// A configuration the service cannot honour; the CLI prints its message and exits 1.
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}
