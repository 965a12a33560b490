/**
 * The IndexedDB database a queue is stored in: one per queue name on an origin. Its own module, so the page
 * can look for an earlier page's leftovers without loading the queue.
 */
export function queueDatabaseName(queueName: string): string {
  return `react-feedback-loop:${queueName}`;
}
