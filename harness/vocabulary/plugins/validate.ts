/**
 * What validate checks of the YAML's plugin uses, beyond the ids (the ids are references like
 * any other: pluginNamespaces gives validate one namespace per plugin kind): the `params` of
 * each use against the registered plugin's schema, with the path of the offending value so
 * the loader can place it at file:line:col.
 */
import {
  checkPluginParams,
  PLUGIN_REFERENCE_KINDS,
  type PluginReferenceKind,
  type PluginSet,
} from './registry.ts';

type Key = string | number;

const isPluginKind = (kind: string): kind is PluginReferenceKind => kind in PLUGIN_REFERENCE_KINDS;

function at(data: unknown, path: readonly Key[]): unknown {
  let v = data;
  for (const k of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<Key, unknown>)[k];
  }
  return v;
}

/**
 * One problem per `params` value that the plugin's schema rejects. `refs` are the references
 * validate walked in `data` (a `{ plugin: id }` use is a reference at `[…, 'plugin']`); uses
 * of ids that are not registered are skipped (the reference check reports those).
 */
export function pluginParamsProblems(
  set: PluginSet,
  refs: readonly { kind: string; id: string; path: readonly Key[] }[],
  data: unknown,
): { path: Key[]; message: string }[] {
  const out: { path: Key[]; message: string }[] = [];
  for (const r of refs) {
    if (!isPluginKind(r.kind) || r.path[r.path.length - 1] !== 'plugin') continue;
    const use = r.path.slice(0, -1);
    const params = at(data, [...use, 'params']);
    for (const p of checkPluginParams(set, r.kind, r.id, params)) {
      out.push({
        path: params === undefined ? [...use, 'plugin'] : [...use, 'params', ...p.path],
        message: `params of the ${r.kind} "${r.id}": ${p.path.length > 0 ? `${p.path.join('.')}: ` : ''}${p.message}`,
      });
    }
  }
  return out;
}
