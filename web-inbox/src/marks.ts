// Performance marks for the speed benchmark (system-tests' WebInboxSpeedBenchmark): the time from the page's
// navigation to the moment a page's content was first rendered, read with performance.getEntriesByName(name).

const marked = new Set<string>();

export function markShown(name: 'inbox:list-shown' | 'inbox:thread-shown') {
  if (marked.has(name) || typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  marked.add(name);
  performance.mark(name);
}
