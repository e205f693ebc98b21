/** Positions of YAML nodes, for located messages about front matter and config files. */
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node as YamlNode } from 'yaml';

/**
 * Line and column (1-based, in the YAML source) of the value at `path`, or of its key when `key`.
 * Falls back to the nearest located parent, then to 1:1.
 */
export function locateYamlPath(
  doc: Document,
  lineCounter: LineCounter,
  path: readonly PropertyKey[],
  key = false,
): { line: number; column: number } {
  let node: unknown = doc.contents;
  let best: YamlNode | undefined;
  for (let i = 0; i < path.length; i += 1) {
    const segment = path[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      best = pair.key as YamlNode;
      if (key && i === path.length - 1) break;
      node = pair.value;
      if (node) best = node as YamlNode;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (!item) break;
      node = item;
      best = item as YamlNode;
    } else {
      break;
    }
  }
  const offset = best?.range?.[0];
  if (offset === undefined) return { line: 1, column: 1 };
  const pos = lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}
