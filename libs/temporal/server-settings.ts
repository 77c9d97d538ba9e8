/**
 * The Temporal server settings Överens needs beyond the server's defaults, as dynamic
 * configuration. The embedded dev server is started with them; `deploy/temporal-dynamic-config.yaml`
 * gives the cluster of `docker-compose.yml` the same (a test holds the two equal).
 */
export const TEMPORAL_SERVER_SETTINGS: Readonly<Record<string, number>> = {
  // Temporal admits 10 unfinished updates per workflow by default: the 11th of 16 parties
  // answering at once would be refused and have to come back. Room for a national case of
  // 311 parties answering together; each update is a few hundred bytes while it waits.
  'history.maxInFlightUpdates': 500,
};
