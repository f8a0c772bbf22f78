import type { Finding, RuleMeta } from '../index';
import { ruleDoc, ruleDocUrl, packageJson } from './package-info';
import type { FileResult, ChangedResult } from './types';
import { alertEntry, answeredAlerts, type RunInfo } from './report-json';
import { OUTDATED_TMP } from './tmp-advisory';

function artifact(rel: string): { uri: string; uriBaseId: string } {
  return { uri: rel.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function ruleDescriptor(meta: RuleMeta): Record<string, unknown> {
  const url = ruleDocUrl(meta);
  const markdown = ruleDoc(meta);
  return {
    id: meta.id,
    name: meta.id,
    shortDescription: { text: meta.description },
    fullDescription: { text: meta.description },
    ...(url ? { helpUri: url } : {}),
    help: { text: `${meta.description}. Documentation: ${meta.docs} (tmpfix explain ${meta.id}).`, ...(markdown ? { markdown } : {}) },
    defaultConfiguration: { level: 'warning' },
    properties: {
      tags: ['security', ...meta.cwe.map((cwe) => `external/cwe/${cwe.toLowerCase()}`)],
      cwe: meta.cwe,
      fix: meta.fix,
      docs: meta.docs,
    },
  };
}

/** All rewrites of one file as one SARIF fix: the rules' edits share one print and are not separable. */
function fileFix(result: ChangedResult): Record<string, unknown> {
  return {
    description: { text: `Apply tmpfix's rewrite of ${result.rel}` },
    artifactChanges: [
      {
        artifactLocation: artifact(result.rel),
        replacements: (result.replacements ?? []).map((r) => ({
          deletedRegion: { charOffset: r.offset, charLength: r.length },
          insertedContent: { text: r.inserted },
        })),
      },
    ],
  };
}

/** What a result's properties say of its file's target (JavaScript and TypeScript files). */
interface TargetProperties {
  target?: string;
  targetReason?: string;
  targetWarning?: string;
}

function targetProperties(result: { target: string; targetReason?: string; targetWarning?: string }): TargetProperties {
  if (!result.targetReason) return {};
  return { target: result.target, targetReason: result.targetReason, ...(result.targetWarning ? { targetWarning: result.targetWarning } : {}) };
}

function sarifResult(rel: string, finding: Finding, ruleIndex: number, fix: Record<string, unknown> | undefined, alerts: string[] | undefined, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const state = finding.suppressed ? 'suppressed' : finding.fixed ? 'fixed by tmpfix' : 'needs review';
  // The engine already ends a suppressed finding's message with "(suppressed)".
  const text = finding.message.endsWith(`(${state})`) ? finding.message : `${finding.message} (${state})`;
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: 'warning',
    message: { text },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifact(rel),
          region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
        },
      },
    ],
    // With --from-sarif: the alerts (`log#run/result`) this result answers.
    properties: { fixed: finding.fixed, needsReview: !finding.fixed && !finding.suppressed, ...extra, ...(alerts ? { alerts } : {}) },
    ...(finding.suppressed ? { suppressions: [{ kind: 'inSource' }] } : {}),
    ...(fix ? { fixes: [fix] } : {}),
  };
}

const ERROR_KIND = { parse: 'Parse error', internal: 'Internal error', io: 'Read error' } as const;

export function sarifReport(results: FileResult[], metas: RuleMeta[], info: RunInfo): string {
  const ruleIndex = new Map(metas.map((meta, index) => [meta.id, index]));
  const answered = info.alerts && answeredAlerts(info.alerts.outcomes);
  const sarifResults: Record<string, unknown>[] = [];
  const notifications: Record<string, unknown>[] = [];
  for (const result of results) {
    if (result.status === 'error') {
      notifications.push({
        level: 'error',
        message: { text: `${ERROR_KIND[result.kind]}: ${result.message}` },
        locations: [{ physicalLocation: { artifactLocation: artifact(result.rel), ...(result.line ? { region: { startLine: result.line, startColumn: result.column ?? 1 } } : {}) } }],
      });
    }
    if (result.status !== 'changed' && result.status !== 'unchanged') continue;
    // The file's fix rides on its first fixed finding, so that applying every fix applies it once.
    const fix = result.status === 'changed' && result.replacements ? fileFix(result) : undefined;
    const carrier = fix ? Math.max(0, result.findings.findIndex((f) => f.fixed)) : -1;
    const target = targetProperties(result);
    result.findings.forEach((finding, index) => {
      sarifResults.push(sarifResult(result.rel, finding, ruleIndex.get(finding.ruleId) ?? -1, index === carrier ? fix : undefined, answered?.(result.rel, index), { ...target }));
    });
  }
  // Checks of the driver (outdated-tmp-package) come after the rules, at their package.json.
  const driverRules = info.packageFindings.length ? [OUTDATED_TMP] : [];
  for (const finding of info.packageFindings) {
    sarifResults.push(sarifResult(finding.path, finding, metas.length, undefined, undefined, { package: finding.package }));
  }
  const pkg = packageJson();
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'tmpfix',
            version: info.version,
            semanticVersion: info.version,
            ...(pkg.homepage ? { informationUri: pkg.homepage } : {}),
            rules: [...metas, ...driverRules].map(ruleDescriptor),
          },
        },
        ...(info.shard ? { automationDetails: { id: `tmpfix/shard-${info.shard.replace('/', '-of-')}/` } } : {}),
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        ...(info.alerts ? { properties: { alertSource: info.alerts.source ?? null, alerts: info.alerts.outcomes.map(alertEntry) } } : {}),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
