// Python scopes, as far as tmpfix needs them: which names each function (or the module) binds, where
// each is assigned and referenced, so that a name can be followed back to its value.
import { field, fields, named, unitOf, UNIT_TYPES, walk, type PyNode } from './tree';

export type AssignKind = 'assign' | 'unpack' | 'augmented' | 'with' | 'for' | 'param' | 'import' | 'def' | 'except' | 'del' | 'walrus' | 'other';

export interface Assignment {
  name: string;
  kind: AssignKind;
  /** The identifier written to. */
  target: PyNode;
  /** The value for `x = value`, `with value as x`, a parameter default; for unpacking, the whole right side. */
  value?: PyNode;
  /** For `a, b = value`: the position of this name. */
  index?: number;
  unit: PyNode;
}

export interface Unit {
  node: PyNode;
  assignments: Map<string, Assignment[]>;
  /** Identifier loads (not writes) directly in this unit, by name. */
  references: Map<string, PyNode[]>;
  globals: Set<string>;
  nonlocals: Set<string>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Node types whose `identifier` children are not name loads. */
function isWrite(id: PyNode): boolean {
  const parent = id.parent;
  if (!parent) return false;
  switch (parent.type) {
    case 'attribute':
      return id.field === 'attribute';
    case 'keyword_argument':
      return id.field === 'name';
    case 'function_definition':
    case 'class_definition':
      return id.field === 'name';
    case 'parameters':
    case 'lambda_parameters':
    case 'default_parameter':
    case 'typed_parameter':
    case 'typed_default_parameter':
    case 'list_splat_pattern':
    case 'dictionary_splat_pattern':
      return id.field !== 'value' && id.field !== 'type';
    case 'dotted_name':
    case 'aliased_import':
    case 'import_statement':
    case 'import_from_statement':
    case 'global_statement':
    case 'nonlocal_statement':
      return true;
    default:
      return false;
  }
}

export class Scopes {
  readonly units = new Map<PyNode, Unit>();
  readonly identifiers: PyNode[] = [];

  constructor(
    readonly root: PyNode,
    private readonly source: string,
  ) {
    this.unit(root);
    walk(root, (node) => {
      if (UNIT_TYPES.has(node.type) && node !== root) this.unit(node);
      switch (node.type) {
        case 'identifier':
          this.identifiers.push(node);
          if (!isWrite(node) && !this.isTarget(node)) push(this.unit(unitOf(node)).references, this.text(node), node);
          break;
        case 'assignment':
          this.assignment(node);
          break;
        case 'augmented_assignment': {
          const left = field(node, 'left');
          if (left?.type === 'identifier') this.record(left, 'augmented', field(node, 'right'));
          break;
        }
        case 'named_expression': {
          const name = field(node, 'name');
          if (name) this.record(name, 'walrus', field(node, 'value'));
          break;
        }
        case 'for_statement':
        case 'for_in_clause':
          this.targets(field(node, 'left'), 'for', field(node, 'right'));
          break;
        case 'with_item': {
          const value = field(node, 'value');
          if (value?.type === 'as_pattern') {
            const alias = field(value, 'alias');
            const expr = named(value)[0];
            this.targets(alias ? named(alias)[0] : undefined, 'with', expr);
          }
          break;
        }
        case 'except_clause': {
          const value = field(node, 'value') ?? named(node)[0];
          if (value?.type === 'as_pattern') {
            const alias = field(value, 'alias');
            this.targets(alias ? named(alias)[0] : undefined, 'except', undefined);
          }
          break;
        }
        case 'function_definition':
        case 'class_definition': {
          const name = field(node, 'name');
          if (name) this.record(name, 'def', node, node.parent ? unitOf(node) : undefined);
          if (node.type === 'function_definition') this.parameters(node, field(node, 'parameters'));
          break;
        }
        case 'lambda':
          this.parameters(node, field(node, 'parameters'));
          break;
        case 'import_statement':
        case 'import_from_statement':
          for (const item of fields(node, 'name')) {
            const local = item.type === 'aliased_import' ? field(item, 'alias') : named(item)[0];
            if (local) this.record(local, 'import', node);
          }
          break;
        case 'global_statement':
        case 'nonlocal_statement': {
          const u = this.unit(unitOf(node));
          for (const id of named(node)) (node.type === 'global_statement' ? u.globals : u.nonlocals).add(this.text(id));
          break;
        }
        case 'delete_statement':
          for (const id of named(node)) if (id.type === 'identifier') this.record(id, 'del', undefined);
          break;
      }
    });
  }

  private text(node: PyNode): string {
    return this.source.slice(node.start, node.end);
  }

  unit(node: PyNode): Unit {
    let u = this.units.get(node);
    if (!u) {
      u = { node, assignments: new Map(), references: new Map(), globals: new Set(), nonlocals: new Set() };
      this.units.set(node, u);
    }
    return u;
  }

  /** An identifier that is written: an assignment target, a loop variable, a `with ... as` name. */
  private isTarget(id: PyNode): boolean {
    let n: PyNode = id;
    while (n.parent && (n.parent.type === 'pattern_list' || n.parent.type === 'tuple_pattern' || n.parent.type === 'list_pattern' || n.parent.type === 'as_pattern_target' || (n.parent.type === 'parenthesized_expression' && n.parent.parent?.type === 'pattern_list'))) n = n.parent;
    const p = n.parent;
    if (!p) return false;
    if ((p.type === 'assignment' || p.type === 'augmented_assignment') && n.field === 'left') return true;
    if ((p.type === 'for_statement' || p.type === 'for_in_clause') && n.field === 'left') return true;
    if (p.type === 'named_expression' && n.field === 'name') return true;
    if (p.type === 'as_pattern' && n.field === 'alias') return true;
    if (p.type === 'delete_statement') return false;
    return false;
  }

  private record(target: PyNode, kind: AssignKind, value: PyNode | undefined, unitNode?: PyNode, index?: number): void {
    const unit = unitNode ?? unitOf(target);
    push(this.unit(unit).assignments, this.text(target), { name: this.text(target), kind, target, value, index, unit });
  }

  private assignment(node: PyNode): void {
    const left = field(node, 'left');
    let right = field(node, 'right');
    // `a = b = value`: both names get the innermost value.
    while (right?.type === 'assignment') right = field(right, 'right');
    if (!left) return;
    if (left.type === 'identifier') this.record(left, right ? 'assign' : 'other', right);
    else this.targets(left, 'unpack', right);
  }

  private targets(target: PyNode | undefined, kind: AssignKind, value: PyNode | undefined): void {
    if (!target) return;
    if (target.type === 'identifier') {
      this.record(target, kind === 'unpack' ? 'assign' : kind, value);
      return;
    }
    if (target.type === 'pattern_list' || target.type === 'tuple_pattern' || target.type === 'list_pattern' || target.type === 'parenthesized_expression') {
      named(target).forEach((part, index) => {
        if (part.type === 'identifier') this.record(part, kind === 'for' || kind === 'with' ? kind : 'unpack', value, undefined, index);
        else this.targets(part, kind === 'for' || kind === 'with' ? kind : 'other', undefined);
      });
    }
  }

  private parameters(owner: PyNode, params: PyNode | undefined): void {
    if (!params) return;
    for (const p of named(params)) {
      let id: PyNode | undefined;
      let value: PyNode | undefined;
      if (p.type === 'identifier') id = p;
      else if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') {
        id = field(p, 'name');
        value = field(p, 'value');
      } else if (p.type === 'typed_parameter') id = named(p).find((c) => c.type === 'identifier');
      else if (p.type === 'list_splat_pattern' || p.type === 'dictionary_splat_pattern') id = named(p)[0];
      if (id?.type === 'identifier') push(this.unit(owner).assignments, this.text(id), { name: this.text(id), kind: 'param', target: id, value, unit: owner });
    }
  }

  /** The unit whose binding a name at `at` refers to (Python's LEGB, class bodies skipped from inside functions). */
  bindingUnit(name: string, at: PyNode): Unit | undefined {
    let unitNode = unitOf(at);
    let first = true;
    for (;;) {
      const u = this.unit(unitNode);
      if (u.globals.has(name)) return this.unit(this.root).assignments.has(name) ? this.unit(this.root) : undefined;
      const skipClass = !first && unitNode.type === 'class_definition';
      if (!skipClass && !u.nonlocals.has(name) && u.assignments.has(name)) return u;
      if (unitNode.type === 'module') return undefined;
      unitNode = unitOf(unitNode);
      first = false;
    }
  }

  assignmentsOf(name: string, at: PyNode): Assignment[] {
    return this.bindingUnit(name, at)?.assignments.get(name) ?? [];
  }

  /** Every load of the name bound in `unit`, including those in nested functions that see it. */
  referencesOf(name: string, unit: Unit): PyNode[] {
    const out: PyNode[] = [...(unit.references.get(name) ?? [])];
    for (const other of this.units.values()) {
      if (other === unit || !(other.references.get(name)?.length)) continue;
      if (!nestedIn(other.node, unit.node)) continue;
      for (const ref of other.references.get(name)!) if (this.bindingUnit(name, ref) === unit) out.push(ref);
    }
    return out.sort((a, b) => a.start - b.start);
  }
}

export function nestedIn(inner: PyNode, outer: PyNode): boolean {
  for (let n = inner.parent; n; n = n.parent) if (n === outer) return true;
  return false;
}
