// Batching of independent writes (one protocol so far: OData JSON batch).
export { createBatchDispatcher, type BatchDispatcher, type BatchDispatcherArgs } from './batch-dispatcher.js';
export { decodeBatchResponse, encodeBatch, type BatchItem, type BatchItemResponse } from './odata-json-batch.js';
export { relativeToBase, baseLocation } from './relative-url.js';
