// Runs one streaming search through the compiled library in a plain Node process (no tsx,
// whose loader thread alone costs ~70 MB of RSS) and prints one JSON line:
// {"count","lastName","seconds","baselineRss","peakRss"}, RSS sampled every 50 ms.
// Usage: node search-worker.mjs <dist/runtime/index.js> <definition dir> <settings JSON> <class>
import { pathToFileURL } from 'node:url';

const [indexPath, definitionPath, settingsJson, objectClass] = process.argv.slice(2);
const { createConnector, loadDefinition } = await import(pathToFileURL(indexPath).href);
const definition = await loadDefinition(definitionPath);
const connector = createConnector(definition, JSON.parse(settingsJson));

globalThis.gc?.();
const baselineRss = process.memoryUsage().rss;
let peakRss = baselineRss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);
let count = 0;
let lastName = '';
const started = performance.now();
for await (const object of connector.search(objectClass)) {
  count++;
  lastName = object.__NAME__ ?? '';
}
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
await connector.close();
process.stdout.write(`${JSON.stringify({ count, lastName, seconds, baselineRss, peakRss })}\n`);
