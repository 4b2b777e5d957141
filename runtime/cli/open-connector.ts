// What every command that talks to a target does first: load the definition, resolve
// settings, open the state store, build the connector with logging when --verbose.
import { loadDefinition } from '../definition/load-definition.js';
import type { DefinitionModel } from '../definition/model.js';
import type { HttpEvent } from '../http/http-events.js';
import { Connector } from '../operations/connector.js';
import { openStateStore } from '../state/index.js';
import type { StateStore } from '../state/types.js';
import { parseConcurrency, settingsFor, type CommonOptions } from './common-options.js';

export interface OpenedConnector {
  definition: DefinitionModel;
  connector: Connector;
  state: StateStore;
  close(): Promise<void>;
}

export async function openConnector(path: string, options: CommonOptions, extra: { batch?: boolean } = {}): Promise<OpenedConnector> {
  const definition = await loadDefinition(path);
  const settings = settingsFor(definition, options);
  const state = openStateStore(options.state);
  const concurrency = parseConcurrency(options.concurrency);
  const logger = options.verbose ? await verboseLogger(settings.redactor.redactText.bind(settings.redactor)) : undefined;
  const connector = Connector.create(definition, settings, {
    state,
    ...(concurrency !== undefined && { concurrency }),
    ...(logger && { logger }),
    ...(extra.batch !== undefined && { batch: extra.batch }),
  });
  return {
    definition,
    connector,
    state,
    close: async () => {
      await connector.close();
      state.close();
    },
  };
}

/** --verbose: one structured line per HTTP event on stderr (already redacted; redacted again as text). */
async function verboseLogger(redact: (text: string) => string): Promise<(event: HttpEvent) => void> {
  const { default: pino } = await import('pino');
  const log = pino({ base: null, level: 'debug', redact: { paths: ['headers.authorization', 'headers.Authorization'], censor: '<redacted>' } }, pino.destination({ fd: 2, sync: true }));
  return (event) => log.debug(JSON.parse(redact(JSON.stringify(event))) as object);
}
