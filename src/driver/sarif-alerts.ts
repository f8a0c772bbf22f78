// `--from-sarif FILE`: the alerts of the temporary-file class in a scanner's SARIF 2.1.0 log.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Alert } from './alerts';
import { describeError, UsageError } from './errors';
import { lookUpRepository } from './git';

/**
 * Rules that flag insecure temporary files, by the tool that raises them (a rule id alone can mean
 * another thing in another tool: Sonar's S108 is about empty blocks, ruff's about /tmp). Any other
 * rule counts when its descriptor tags it CWE-377 or CWE-379, as CodeQL's and Semgrep's do.
 */
const TEMP_FILE_RULES: { tool: RegExp; rule: RegExp }[] = [
  { tool: /codeql/i, rule: /^(js|py)\/insecure-temporary-file$/ },
  // SonarJS, as SonarQube names it (javascript:S5443) or through eslint-plugin-sonarjs.
  { tool: /sonar|eslint/i, rule: /^((javascript|typescript|jssecurity|tssecurity|js|ts):|sonarjs\/)?(S5443|publicly-writable-directories)$/ },
  // Bandit B108 hardcoded_tmp_directory, B306 mktemp_q (bandit-sarif-formatter).
  { tool: /bandit/i, rule: /^B(108|306)$/ },
  // Ruff S108 hardcoded-temp-file, S306 suspicious-mktemp-usage (flake8-bandit's codes).
  { tool: /ruff/i, rule: /^S(108|306)$/ },
  // Semgrep registry ids are dotted paths: python.lang.correctness.tempfile.mktemp.tempfile-insecure.
  { tool: /semgrep/i, rule: /(^|\.)(tempfile-insecure|insecure-te?mp[\w-]*|[\w-]*mktemp[\w-]*|hardcoded-te?mp[\w-]*)$/ },
];
const TEMP_FILE_CWE = /\bcwe[-_/ ]?0*(377|379)\b/i;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function objects(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}
function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
function positive(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

export interface SarifAlerts {
  alerts: Alert[];
  /** What was read and left out, for the run's summary. */
  description: string;
}

/**
 * Reads the logs; a result's relative URI is resolved through the run's `originalUriBaseIds`, else
 * against `root` (the repository root around the current directory, or the current directory):
 * scanners and code scanning name files relative to the repository root.
 */
export function alertsFromSarif(logs: string[], cwd: string, root: string): SarifAlerts {
  const alerts: Alert[] = [];
  let otherRules = 0;
  let unlocated = 0;
  for (const given of logs) {
    const file = path.resolve(cwd, given);
    let log: unknown;
    try {
      log = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      const why = error instanceof SyntaxError ? `not JSON (${error.message})` : describeError(error);
      throw new UsageError(`cannot read --from-sarif ${given}: ${why}`);
    }
    if (!isObject(log) || !Array.isArray(log.runs)) throw new UsageError(`--from-sarif ${given} is not a SARIF log: it has no "runs" array`);
    log.runs.forEach((run: unknown, runIndex: number) => {
      if (!isObject(run)) return;
      const tool = isObject(run.tool) ? run.tool : {};
      const driver = isObject(tool.driver) ? tool.driver : {};
      const toolName = text(driver.name) ?? 'unknown tool';
      const extensions = objects(tool.extensions);
      objects(run.results).forEach((result, resultIndex) => {
        const rule = ruleOf(result, driver, extensions);
        const ruleId = text(result.ruleId) ?? text(rule?.id) ?? (isObject(result.rule) ? text(result.rule.id) : undefined) ?? '';
        if (!isTempFileRule(toolName, ruleId, rule)) {
          otherRules++;
          return;
        }
        const location = locate(result, run, root);
        if (!location) {
          unlocated++;
          return;
        }
        const message = isObject(result.message) ? text(result.message.text) ?? '' : '';
        alerts.push({ tool: toolName, ruleId, ...location, message, ref: `${given}#${runIndex}/${resultIndex}` });
      });
    });
  }
  const parts = [`${alerts.length} alert(s) of the temporary-file class from ${logs.length} SARIF log(s)`];
  if (otherRules) parts.push(`${otherRules} result(s) of other rules left out`);
  if (unlocated) parts.push(`${unlocated} without a file location left out`);
  return { alerts, description: parts.join('; ') };
}

/** The rule descriptor a result points at: by `rule.index` in its tool component, or by `ruleIndex`, or by id. */
function ruleOf(result: Json, driver: Json, extensions: Json[]): Json | undefined {
  const reference = isObject(result.rule) ? result.rule : undefined;
  // A toolComponent index counts tool.extensions (CodeQL's query packs); without one the rule is the driver's.
  const componentIndex = isObject(reference?.toolComponent) ? reference.toolComponent.index : undefined;
  const component = typeof componentIndex === 'number' ? extensions[componentIndex] : driver;
  const index = typeof reference?.index === 'number' ? reference.index : result.ruleIndex;
  const byIndex = typeof index === 'number' ? objects(component?.rules)[index] : undefined;
  if (byIndex) return byIndex;
  const id = text(result.ruleId) ?? text(reference?.id);
  return id === undefined ? undefined : [driver, ...extensions].flatMap((c) => objects(c.rules)).find((r) => r.id === id);
}

function isTempFileRule(tool: string, ruleId: string, rule: Json | undefined): boolean {
  if (TEMP_FILE_RULES.some((known) => known.tool.test(tool) && known.rule.test(ruleId))) return true;
  const properties = isObject(rule?.properties) ? rule.properties : {};
  const tags = [...(Array.isArray(properties.tags) ? properties.tags : []), properties.cwe, ...(Array.isArray(properties.cwe) ? properties.cwe : [])];
  return tags.some((tag) => typeof tag === 'string' && TEMP_FILE_CWE.test(tag));
}

/** The result's first physical location as an absolute path, line and column. */
function locate(result: Json, run: Json, root: string): Pick<Alert, 'file' | 'line' | 'column'> | undefined {
  const physical = objects(result.locations).map((l) => l.physicalLocation).find(isObject);
  if (!physical) return undefined;
  let artifact = isObject(physical.artifactLocation) ? physical.artifactLocation : undefined;
  // A location may name its file only by its index in run.artifacts.
  if (artifact && text(artifact.uri) === undefined && typeof artifact.index === 'number') {
    const listed = objects(run.artifacts)[artifact.index];
    if (isObject(listed?.location)) artifact = listed.location;
  }
  const uri = text(artifact?.uri);
  if (!artifact || uri === undefined) return undefined;
  const file = resolveUri(uri, text(artifact.uriBaseId), isObject(run.originalUriBaseIds) ? run.originalUriBaseIds : {}, root);
  if (!file) return undefined;
  const region = isObject(physical.region) ? physical.region : {};
  return { file, line: positive(region.startLine) ?? 0, column: positive(region.startColumn) };
}

function resolveUri(uri: string, baseId: string | undefined, bases: Json, root: string, depth = 0): string | undefined {
  if (/^file:/i.test(uri)) return fileURLToPath(uri);
  if (/^[a-z][a-z0-9+.-]*:/i.test(uri)) return undefined; // https: and the like name no local file
  if (path.isAbsolute(uri)) return fileURLToPath(pathToFileURL('/').href.slice(0, -1) + uri);
  const base = baseId !== undefined && isObject(bases[baseId]) ? bases[baseId] : undefined;
  const baseUri = text(base?.uri);
  if (base && baseUri !== undefined && depth < 8) {
    const resolvedBase = resolveUri(baseUri.endsWith('/') ? baseUri : `${baseUri}/`, text(base.uriBaseId), bases, root, depth + 1);
    if (resolvedBase) return fileURLToPath(new URL(uri, pathToFileURL(resolvedBase.endsWith(path.sep) ? resolvedBase : resolvedBase + path.sep)));
  }
  return fileURLToPath(new URL(uri, pathToFileURL(root.endsWith(path.sep) ? root : root + path.sep)));
}

/** `--from-sarif FILE...` for the command line: relative URIs resolve against the repository root around `cwd`. */
export function loadSarifAlerts(logs: string[], cwd: string): SarifAlerts {
  const where = lookUpRepository(cwd);
  return alertsFromSarif(logs, cwd, where.kind === 'repository' ? where.repo.root : fs.realpathSync(cwd));
}
