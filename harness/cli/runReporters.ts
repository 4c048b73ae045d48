/**
 * The reporters of one `deadend run`, in the order they get each event: the progress bar, the
 * report files (or the streamed results.json writer), `github`, then the user's modules.
 */
import { join } from 'node:path';
import { reportCatalogue } from '../engine/reportCatalogue.ts';
import type { Progress } from '../report/console.ts';
import { githubReporter } from '../report/github.ts';
import { streamedJsonReporter } from '../report/jsonStream.ts';
import { progressReporter, type Reporter, ReporterSet } from '../report/lifecycle.ts';
import type { ReporterSpec } from '../report/loadReporter.ts';
import { fileReporter } from '../report/reporter.ts';
import { expectPosition } from '../scenario/expectPosition.ts';
import { loadReporterModule } from './reporterModule.ts';

/** `github` joins the reporters under GitHub Actions unless the command line chose them. */
export function withGithubDefault(
  specs: ReporterSpec[],
  chosenOnCommandLine: boolean,
  env = process.env,
): ReporterSpec[] {
  if (chosenOnCommandLine || env.GITHUB_ACTIONS !== 'true' || specs.some((s) => s.kind === 'github'))
    return specs;
  return [...specs, { kind: 'github' }];
}

/** Imports the user's reporter modules once, before anything runs (a bad one stops the run, exit 2). */
export async function loadModules(specs: readonly ReporterSpec[]): Promise<Map<ReporterSpec, Reporter>> {
  const loaded = new Map<ReporterSpec, Reporter>();
  for (const spec of specs) {
    if (spec.kind === 'module') loaded.set(spec, await loadReporterModule(spec.path, spec.options));
  }
  return loaded;
}

export function reporterSet(
  specs: readonly ReporterSpec[],
  modules: Map<ReporterSpec, Reporter>,
  o: { reportDir: string; progress?: Progress; stdout: { write(text: string): unknown }; streamed?: boolean },
): ReporterSet {
  const list: Reporter[] = [];
  if (o.progress) list.push(progressReporter(o.progress));
  for (const spec of specs) {
    if (spec.kind === 'file')
      list.push(
        o.streamed && spec.name === 'json'
          ? streamedJsonReporter(join(o.reportDir, 'results.json'))
          : fileReporter(spec.name, reportCatalogue()),
      );
    else if (spec.kind === 'github') list.push(githubReporter(o.stdout, expectPosition));
    else list.push(modules.get(spec)!);
  }
  return new ReporterSet(list, o.reportDir);
}
