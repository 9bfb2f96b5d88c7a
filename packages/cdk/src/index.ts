/**
 * apifront checks for AWS CDK apps: `Aspects.of(app).add(new ApifrontChecks())` lints each
 * stack's synthesized template with apifront and reports every finding about a CloudFront
 * distribution as a CDK annotation on that distribution: errors fail `cdk synth` (as cdk-nag's
 * do), warnings and infos show as warnings and infos. Suppress a rule per construct, with a
 * reason, through {@link ApifrontSuppressions} (the cdk-nag convention).
 */
import { Annotations, CfnResource, IAspect, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { lint, Finding, Severity } from 'apifront';

/** Options of {@link ApifrontChecks}. */
export interface ApifrontChecksProps {
  /** Rule slugs not to run in any stack. */
  readonly disable?: string[];
  /** A severity per rule slug, replacing the rule's own. */
  readonly severity?: Record<string, Severity>;
  /** Report only findings at least this severe (default: `info`, every finding). */
  readonly minimumSeverity?: Severity;
}

/** A rule not to report for a construct, and why. */
export interface ApifrontSuppression {
  /** The rule's slug (`apifront rules` lists them). */
  readonly id: string;
  /** Why the finding does not apply here; recorded in the template. */
  readonly reason: string;
}

/** The CloudFormation metadata key apifront reads (`Metadata.apifront.ignore`). */
const METADATA_KEY = 'apifront';
const DISTRIBUTION = 'AWS::CloudFront::Distribution';
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The shape apifront reads from a resource's `Metadata` (and this library writes). */
interface ApifrontMetadata {
  ignore: string[];
  suppressions: ApifrontSuppression[];
}

/**
 * Lints every stack it visits when the stack is validated (after all aspects have run, right
 * before synthesis), so the template it reads is the one `cdk synth` writes.
 */
export class ApifrontChecks implements IAspect {
  private readonly props: ApifrontChecksProps;
  private readonly seen = new WeakSet<Stack>();

  constructor(props: ApifrontChecksProps = {}) {
    this.props = props;
  }

  visit(node: IConstruct): void {
    if (!Stack.isStack(node) || this.seen.has(node)) return;
    this.seen.add(node);
    const stack = node;
    stack.node.addValidation({
      validate: () => {
        this.check(stack);
        return [];
      },
    });
  }

  /** Lints `stack`'s template and annotates the distributions findings are about. */
  private check(stack: Stack): void {
    const distributions = new Map<string, CfnResource>();
    for (const child of stack.node.findAll()) {
      if (CfnResource.isCfnResource(child) && child.cfnResourceType === DISTRIBUTION) {
        distributions.set(stack.resolve(child.logicalId) as string, child);
      }
    }
    if (distributions.size === 0) return;
    const text = JSON.stringify(templateOf(stack), null, 1);
    const report = lint(text, { disable: this.props.disable, severity: this.props.severity });
    const minimum = RANK[this.props.minimumSeverity ?? 'info'];
    for (const finding of report.findings) {
      const target = distributions.get(finding.distribution);
      if (!target || RANK[finding.severity] > minimum) continue;
      annotate(target, finding);
    }
  }
}

/** The stack's CloudFormation template, tokens resolved (what synthesis writes). */
function templateOf(stack: Stack): unknown {
  const toCloudFormation = (stack as unknown as { _toCloudFormation?: () => unknown })._toCloudFormation;
  if (typeof toCloudFormation !== 'function') {
    throw new Error('apifront-cdk: this aws-cdk-lib has no Stack._toCloudFormation; use aws-cdk-lib 2.x');
  }
  return toCloudFormation.call(stack);
}

/** Reports `finding` on `target` at the finding's severity. */
function annotate(target: CfnResource, finding: Finding): void {
  const where = finding.path.split('/').slice(3).join('.') || 'the distribution';
  const message = `${finding.rule}: ${finding.message} (at ${where}; \`apifront explain ${finding.rule}\`)`;
  const annotations = Annotations.of(target);
  if (finding.severity === 'error') annotations.addError(message);
  else if (finding.severity === 'warning') annotations.addWarningV2(`apifront:${finding.rule}`, message);
  else annotations.addInfo(message);
}

/** Per-construct suppressions, recorded with their reasons in the template. */
export class ApifrontSuppressions {
  /**
   * Stops reporting the rules `suppressions` names for the distributions of `construct` (the
   * construct itself when it is a distribution, its default child, and with `applyToChildren`
   * every distribution below it). Each reason is written into the resource's
   * `Metadata.apifront`, beside the `ignore` list the apifront CLI honours too.
   */
  static addResourceSuppressions(
    construct: IConstruct,
    suppressions: ApifrontSuppression[],
    applyToChildren = false,
  ): void {
    for (const s of suppressions) {
      if (!s.id || !s.reason || s.reason.trim().length < 10) {
        throw new Error(`apifront-cdk: suppressing \`${s.id}\` needs a reason of at least 10 characters`);
      }
    }
    for (const resource of targets(construct, applyToChildren)) {
      const current = (resource.getMetadata(METADATA_KEY) ?? {}) as Partial<ApifrontMetadata>;
      const kept = (current.suppressions ?? []).filter((s) => !suppressions.some((n) => n.id === s.id));
      const all = [...kept, ...suppressions.map(({ id, reason }) => ({ id, reason }))];
      resource.addMetadata(METADATA_KEY, {
        ...current,
        ignore: [...new Set([...(current.ignore ?? []), ...all.map((s) => s.id)])],
        suppressions: all,
      });
    }
  }

  /** The same for every distribution of `stack`. */
  static addStackSuppressions(stack: Stack, suppressions: ApifrontSuppression[]): void {
    ApifrontSuppressions.addResourceSuppressions(stack, suppressions, true);
  }
}

/** The distribution resources a suppression on `construct` applies to. */
function targets(construct: IConstruct, applyToChildren: boolean): CfnResource[] {
  const isDistribution = (c: IConstruct): c is CfnResource =>
    CfnResource.isCfnResource(c) && c.cfnResourceType === DISTRIBUTION;
  const found = new Set<CfnResource>();
  if (isDistribution(construct)) found.add(construct);
  const child = construct.node.defaultChild;
  if (child && isDistribution(child)) found.add(child);
  if (applyToChildren) {
    for (const c of construct.node.findAll()) if (isDistribution(c)) found.add(c);
  }
  if (found.size === 0) {
    throw new Error(`apifront-cdk: ${construct.node.path} holds no CloudFront distribution to suppress a rule on`);
  }
  return [...found];
}
