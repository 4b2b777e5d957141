// `connector search <definition> <class>`: NDJSON objects on stdout or --out FILE.
import { parseLimit, type CommonOptions } from './common-options.js';
import { exitCodes, UsageError } from './exit-codes.js';
import { openConnector } from './open-connector.js';
import { openOutput, writeJsonLines } from './output.js';
import { heapTrimmer } from '../heap-trim.js';
import { incrementalSearch } from '../reconcile/incremental-search.js';

export interface SearchCommandOptions extends CommonOptions {
  filter?: string;
  rawFilter?: string;
  limit?: string;
  out?: string;
  special?: string;
  incremental?: boolean;
}

export async function searchCommand(path: string, objectClass: string, options: SearchCommandOptions): Promise<number> {
  const limit = parseLimit(options.limit);
  const opened = await openConnector(path, options);
  const output = await openOutput(options.out);
  try {
    const specials = options.special ? options.special.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
    if (options.incremental && (options.filter !== undefined || options.rawFilter !== undefined || limit !== undefined || specials)) {
      throw new UsageError('--incremental lists every change of the class: it takes no --filter, --raw-filter, --limit or --special');
    }
    const objects = options.incremental
      ? incrementalSearch(opened.connector.session, objectClass, (message) => process.stderr.write(`warning: ${message}\n`))
      : opened.connector.search(objectClass, {
          ...(options.filter !== undefined && { filter: options.filter }),
          ...(options.rawFilter !== undefined && { rawFilter: options.rawFilter }),
          ...(limit !== undefined && { limit }),
          ...(specials && { specials }),
          // Flat memory however many objects pass (see heap-trim.ts).
          onPage: heapTrimmer(64),
        });
    const count = await writeJsonLines(output.stream, objects);
    if (options.out && options.out !== '-') process.stderr.write(`${count} objects written to ${options.out}\n`);
    return exitCodes.ok;
  } finally {
    await output.close();
    await opened.close();
  }
}
