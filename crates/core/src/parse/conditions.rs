//! CloudFormation conditions, evaluated as branches.
//!
//! A template's `Conditions` compile to formulas over *variables*: each unknown value compared
//! by an `Fn::Equals` (a parameter without a default, a pseudo parameter, an attribute) is one
//! variable, whose possible values are the literals it is compared with (or the parameter's
//! `AllowedValues`), plus "something else". Two conditions over the same variable therefore
//! stay consistent (`IsProd` and `IsDev` are never both true, `!IsProd` is never equal to
//! `IsProd`).
//!
//! A condition whose value the template alone decides (parameter defaults, mappings) has that
//! value. The others are decided while a model is built, the first time the model needs them
//! (an `Fn::If`, a resource's `Condition`): each is either forced by the decisions so far or a
//! free choice. [`Branching`] replays a list of free choices and records what was decided, so
//! that a caller can build one model per combination the model depends on (see
//! [`Branching::next_plan`]).

use super::resolve::State;
use crate::model::ConditionValue;
use crate::tree::{Node, NodeKind};
use std::cell::{RefCell, RefMut};
use std::collections::HashMap;

/// How many assignments of variables a consistency check may try before it assumes the
/// combination is possible.
const MAX_ASSIGNMENTS: usize = 4096;

/// The value of a variable: an index into its domain, or (for an open domain) one past its
/// end, "none of the listed values".
type VarValue = usize;

/// A compiled condition.
#[derive(Debug, Clone, PartialEq)]
enum Formula {
    Const(bool),
    /// Variable `.0` has the `.1`-th value of its domain.
    Is(usize, usize),
    Not(Box<Formula>),
    And(Vec<Formula>),
    Or(Vec<Formula>),
}

impl Formula {
    fn eval(&self, values: &HashMap<usize, VarValue>) -> bool {
        match self {
            Formula::Const(b) => *b,
            Formula::Is(var, value) => values.get(var) == Some(value),
            Formula::Not(f) => !f.eval(values),
            Formula::And(fs) => fs.iter().all(|f| f.eval(values)),
            Formula::Or(fs) => fs.iter().any(|f| f.eval(values)),
        }
    }

    fn vars(&self, out: &mut Vec<usize>) {
        match self {
            Formula::Const(_) => {}
            Formula::Is(var, _) => {
                if !out.contains(var) {
                    out.push(*var);
                }
            }
            Formula::Not(f) => f.vars(out),
            Formula::And(fs) | Formula::Or(fs) => fs.iter().for_each(|f| f.vars(out)),
        }
    }

    /// Folds constants (`Not(Const)`, an `And` with a false part …).
    fn simplify(self) -> Formula {
        match self {
            Formula::Not(f) => match f.simplify() {
                Formula::Const(b) => Formula::Const(!b),
                f => Formula::Not(Box::new(f)),
            },
            Formula::And(fs) => fold(fs, false),
            Formula::Or(fs) => fold(fs, true),
            f => f,
        }
    }
}

/// Simplifies the parts of an `And` (`absorbing` false) or an `Or` (`absorbing` true).
fn fold(parts: Vec<Formula>, absorbing: bool) -> Formula {
    let mut kept = Vec::new();
    for part in parts {
        match part.simplify() {
            Formula::Const(b) if b == absorbing => return Formula::Const(absorbing),
            Formula::Const(_) => {}
            f => kept.push(f),
        }
    }
    match kept.len() {
        0 => Formula::Const(!absorbing),
        1 => kept.pop().unwrap_or(Formula::Const(!absorbing)),
        _ if absorbing => Formula::Or(kept),
        _ => Formula::And(kept),
    }
}

/// One unknown value that conditions compare.
#[derive(Debug, Clone)]
struct Var {
    /// What the value is ([`State::Unknown`]'s key, or a name made up for a lone atom).
    key: String,
    /// The values it is compared with (or may take).
    domain: Vec<String>,
    /// True when it may also be none of them.
    open: bool,
}

impl Var {
    fn size(&self) -> usize {
        self.domain.len() + usize::from(self.open)
    }
}

/// What the compiler needs from the template: the value of an `Fn::Equals` operand and the
/// `AllowedValues` of a parameter named by a key.
pub(crate) trait Operands {
    /// Evaluates an operand (its state, and the key of an unknown one).
    fn operand(&self, node: &Node) -> (State, Option<String>);
    /// The `AllowedValues` of the parameter whose key is `key` (`${Env}`), when literal.
    fn allowed_values(&self, key: &str) -> Option<Vec<String>>;
}

/// The compiled `Conditions` of a template.
#[derive(Debug, Default)]
struct Compiled {
    vars: Vec<Var>,
    formulas: HashMap<String, Formula>,
}

/// The `Conditions` section, compiled on first need, and the decisions of the model being
/// built.
pub(crate) struct Branching<'n> {
    defs: Vec<(&'n str, &'n Node<'n>)>,
    /// Compiled on the first question (`None` before).
    compiled: RefCell<Option<Compiled>>,
    state: RefCell<Decisions>,
}

/// The decisions of one build.
#[derive(Debug, Default, Clone)]
struct Decisions {
    /// The values of the free choices to replay, in order.
    plan: Vec<bool>,
    /// Free choices made so far in this build.
    free: usize,
    /// Every condition decided so far, in order.
    made: Vec<Decision>,
    /// When set, conditions the template does not decide stay undecided (read as unknown).
    opaque: bool,
}

/// A condition decided while building a model.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Decision {
    name: String,
    value: bool,
    /// False when the earlier decisions forced it.
    free: bool,
}

impl<'n> Branching<'n> {
    /// The conditions of `conditions` (the template's `Conditions` map, when it has one).
    pub fn new(conditions: Option<&'n Node<'n>>) -> Self {
        let defs = conditions
            .and_then(Node::as_map)
            .unwrap_or_default()
            .iter()
            .map(|e| (e.key.as_ref(), &e.value))
            .collect();
        Self {
            defs,
            compiled: RefCell::new(None),
            state: RefCell::new(Decisions::default()),
        }
    }

    /// Starts a build that replays `plan` (see [`Branching::next_plan`]); with `opaque`, no
    /// condition is decided that the template does not decide.
    pub fn start(&self, plan: Vec<bool>, opaque: bool) {
        *self.state.borrow_mut() = Decisions {
            plan,
            opaque,
            ..Decisions::default()
        };
    }

    /// The conditions decided in the build so far, in order.
    pub fn decided(&self) -> Vec<ConditionValue> {
        self.state
            .borrow()
            .made
            .iter()
            .map(|d| ConditionValue {
                name: d.name.clone(),
                value: d.value,
                free: d.free,
            })
            .collect()
    }

    /// The plan of the next combination after the build just finished, in depth-first order
    /// (each free choice is tried true first, then false); `None` when every combination the
    /// model depends on has been built.
    pub fn next_plan(&self) -> Option<Vec<bool>> {
        let state = self.state.borrow();
        let free: Vec<bool> = state
            .made
            .iter()
            .filter(|d| d.free)
            .map(|d| d.value)
            .collect();
        let last_true = free.iter().rposition(|v| *v)?;
        let mut plan = free[..last_true].to_vec();
        plan.push(false);
        Some(plan)
    }

    /// The value of condition `name` when the template alone decides it (parameter defaults,
    /// mappings); `None` when it depends on a choice.
    pub fn fixed(&self, name: &str, ops: &dyn Operands) -> Option<bool> {
        let compiled = self.compiled_with(name, ops)?;
        match compiled.formulas.get(name)? {
            Formula::Const(b) => Some(*b),
            _ => None,
        }
    }

    /// The compiled conditions, `name` among them. `None` while conditions compile (a condition
    /// asked for by an `Fn::If` where CloudFormation allows none).
    fn compiled_with(&self, name: &str, ops: &dyn Operands) -> Option<RefMut<'_, Compiled>> {
        let mut slot = self.compiled.try_borrow_mut().ok()?;
        let compiled = slot.get_or_insert_with(|| self.compile(ops, Compiled::default()));
        if !compiled.formulas.contains_key(name) {
            // Not defined (a snippet without its `Conditions`): a condition of its own.
            *compiled = self.compile_one(ops, std::mem::take(compiled), name);
        }
        RefMut::filter_map(slot, Option::as_mut).ok()
    }

    /// The value of condition `name` in the model being built: decided by the template, by the
    /// decisions so far, or by a free choice (recorded). `None` when it stays unknown (an
    /// opaque build).
    pub fn value(&self, name: &str, ops: &dyn Operands) -> Option<bool> {
        let compiled = self.compiled_with(name, ops)?;
        let formula = compiled.formulas.get(name)?;
        if let Formula::Const(b) = formula {
            return Some(*b);
        }
        let mut state = self.state.try_borrow_mut().ok()?;
        if let Some(d) = state.made.iter().find(|d| d.name == name) {
            return Some(d.value);
        }
        if state.opaque {
            return None;
        }
        let decided: Vec<(&Formula, bool)> = state
            .made
            .iter()
            .filter_map(|d| compiled.formulas.get(&d.name).map(|f| (f, d.value)))
            .collect();
        let possible = |value: bool| {
            let mut all = decided.clone();
            all.push((formula, value));
            satisfiable(&all, &compiled.vars)
        };
        let (value, free) = match (possible(true), possible(false)) {
            (true, true) => {
                let value = state.plan.get(state.free).copied().unwrap_or(true);
                state.free += 1;
                (value, true)
            }
            (can_be_true, _) => (can_be_true, false),
        };
        state.made.push(Decision {
            name: name.to_string(),
            value,
            free,
        });
        Some(value)
    }

    /// Compiles every defined condition into `out`.
    fn compile(&self, ops: &dyn Operands, out: Compiled) -> Compiled {
        let mut c = Compiler {
            defs: &self.defs,
            ops,
            out,
            in_progress: Vec::new(),
        };
        for (name, _) in &self.defs {
            c.named(name);
        }
        c.out
    }

    /// Adds condition `name` to `out`.
    fn compile_one(&self, ops: &dyn Operands, out: Compiled, name: &str) -> Compiled {
        let mut c = Compiler {
            defs: &self.defs,
            ops,
            out,
            in_progress: Vec::new(),
        };
        c.named(name);
        c.out
    }
}

/// True when some assignment of the variables makes every formula take its value.
fn satisfiable(formulas: &[(&Formula, bool)], vars: &[Var]) -> bool {
    let mut used = Vec::new();
    for (f, _) in formulas {
        f.vars(&mut used);
    }
    let sizes: Vec<usize> = used
        .iter()
        .map(|v| vars.get(*v).map_or(1, Var::size))
        .collect();
    let total = sizes.iter().try_fold(1usize, |acc, s| {
        acc.checked_mul(*s).filter(|t| *t <= MAX_ASSIGNMENTS)
    });
    let Some(total) = total else {
        return true;
    };
    let mut values = HashMap::with_capacity(used.len());
    (0..total).any(|mut n| {
        for (var, size) in used.iter().zip(&sizes) {
            values.insert(*var, n % size);
            n /= size;
        }
        formulas.iter().all(|(f, want)| f.eval(&values) == *want)
    })
}

struct Compiler<'c, 'n> {
    defs: &'c [(&'n str, &'n Node<'n>)],
    ops: &'c dyn Operands,
    out: Compiled,
    /// Named conditions being compiled (to break reference cycles).
    in_progress: Vec<String>,
}

impl Compiler<'_, '_> {
    /// The formula of a named condition, compiling it on first use. An undefined or cyclic
    /// condition is a variable of its own.
    fn named(&mut self, name: &str) -> Formula {
        if let Some(f) = self.out.formulas.get(name) {
            return f.clone();
        }
        let def = self.defs.iter().find(|(n, _)| *n == name).map(|(_, d)| *d);
        let formula = match def {
            Some(node) if !self.in_progress.iter().any(|n| n == name) => {
                self.in_progress.push(name.to_string());
                let f = self.formula(node, 0).simplify();
                self.in_progress.pop();
                f
            }
            _ => self.atom(format!("condition {name}")),
        };
        self.out.formulas.insert(name.to_string(), formula.clone());
        formula
    }

    fn formula(&mut self, node: &Node, depth: usize) -> Formula {
        if depth > super::MAX_DEPTH {
            return self.atom(format!("@{}", node.span.start));
        }
        let Some([entry]) = node.as_map() else {
            return self.atom(format!("@{}", node.span.start));
        };
        let args = entry.value.as_seq().unwrap_or_default();
        match (entry.key.as_ref(), &entry.value.kind) {
            ("Condition", NodeKind::Str(name)) => self.named(name),
            ("Fn::Not", _) => match args {
                [inner] => Formula::Not(Box::new(self.formula(inner, depth + 1))),
                _ => self.atom(format!("@{}", node.span.start)),
            },
            ("Fn::And", _) => {
                Formula::And(args.iter().map(|a| self.formula(a, depth + 1)).collect())
            }
            ("Fn::Or", _) => Formula::Or(args.iter().map(|a| self.formula(a, depth + 1)).collect()),
            ("Fn::Equals", _) => match args {
                [a, b] => self.equals(a, b, node),
                _ => self.atom(format!("@{}", node.span.start)),
            },
            _ => self.atom(format!("@{}", node.span.start)),
        }
    }

    fn equals(&mut self, a: &Node, b: &Node, node: &Node) -> Formula {
        let (a, b) = (self.ops.operand(a), self.ops.operand(b));
        match (a, b) {
            ((State::Text(x), _), (State::Text(y), _)) => Formula::Const(x == y),
            ((State::Text(literal), _), (State::Unknown { .. }, Some(key)))
            | ((State::Unknown { .. }, Some(key)), (State::Text(literal), _)) => {
                self.is(&key, &literal)
            }
            ((State::Unknown { .. }, Some(x)), (State::Unknown { .. }, Some(y))) if x == y => {
                Formula::Const(true)
            }
            ((State::Unknown { .. }, Some(x)), (State::Unknown { .. }, Some(y))) => {
                let (x, y) = if x <= y { (x, y) } else { (y, x) };
                self.atom(format!("{x} == {y}"))
            }
            _ => self.atom(format!("@{}", node.span.start)),
        }
    }

    /// `key` equals `literal`: a value of the variable `key`.
    fn is(&mut self, key: &str, literal: &str) -> Formula {
        let var = match self.out.vars.iter().position(|v| v.key == key) {
            Some(i) => i,
            None => {
                let (domain, open) = match self.ops.allowed_values(key) {
                    Some(allowed) if !allowed.is_empty() => (allowed, false),
                    _ => (Vec::new(), true),
                };
                self.out.vars.push(Var {
                    key: key.to_string(),
                    domain,
                    open,
                });
                self.out.vars.len() - 1
            }
        };
        let Some(v) = self.out.vars.get_mut(var) else {
            return Formula::Const(false);
        };
        match v.domain.iter().position(|d| d == literal) {
            Some(i) => Formula::Is(var, i),
            None if v.open => {
                v.domain.push(literal.to_string());
                Formula::Is(var, v.domain.len() - 1)
            }
            // Not one of the parameter's allowed values.
            None => Formula::Const(false),
        }
    }

    /// A variable of its own that is either true or not.
    fn atom(&mut self, key: String) -> Formula {
        self.is(&key, "true")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::LineIndex;

    /// Operands of a test: `Ref X` is unknown with key `${X}`; strings are known.
    struct Refs;

    impl Operands for Refs {
        fn operand(&self, node: &Node) -> (State, Option<String>) {
            if let Some(s) = node.as_str() {
                return (State::Text(s.to_string()), None);
            }
            let key = node
                .get("Ref")
                .and_then(Node::as_str)
                .map(|name| format!("${{{name}}}"));
            let state = State::Unknown {
                why: crate::value::Unknown::Intrinsic("Ref".into()),
                shape: None,
                key: key.clone(),
            };
            (state, key)
        }

        fn allowed_values(&self, key: &str) -> Option<Vec<String>> {
            (key == "${Tier}").then(|| vec!["small".into(), "large".into()])
        }
    }

    fn conditions(yaml: &str) -> Node<'static> {
        let idx = LineIndex::new(yaml);
        crate::parse::yaml::parse_tree(yaml, &idx)
            .expect("parses")
            .root
    }

    /// Every combination of the named conditions, built in depth-first order.
    fn combinations(b: &Branching, names: &[&str]) -> Vec<Vec<(String, bool)>> {
        let mut out = Vec::new();
        let mut plan = Vec::new();
        loop {
            b.start(plan, false);
            for name in names {
                b.value(name, &Refs);
            }
            out.push(b.decided().into_iter().map(|c| (c.name, c.value)).collect());
            match b.next_plan() {
                Some(next) => plan = next,
                None => return out,
            }
        }
    }

    #[test]
    fn conditions_over_one_parameter_stay_consistent() {
        let root = conditions(
            "IsProd: !Equals [!Ref Env, prod]\nIsDev: !Equals [dev, !Ref Env]\n\
             NotProd: !Not [!Condition IsProd]\nProdOrDev: !Or [!Condition IsProd, !Condition IsDev]\n",
        );
        let b = Branching::new(Some(&root));
        let all = combinations(&b, &["IsProd", "IsDev", "NotProd", "ProdOrDev"]);
        let t = |n: &str, v| (n.to_string(), v);
        assert_eq!(
            all,
            [
                vec![
                    t("IsProd", true),
                    t("IsDev", false),
                    t("NotProd", false),
                    t("ProdOrDev", true)
                ],
                vec![
                    t("IsProd", false),
                    t("IsDev", true),
                    t("NotProd", true),
                    t("ProdOrDev", true)
                ],
                vec![
                    t("IsProd", false),
                    t("IsDev", false),
                    t("NotProd", true),
                    t("ProdOrDev", false)
                ],
            ]
        );
    }

    #[test]
    fn allowed_values_close_the_domain_and_literals_decide() {
        let root = conditions(
            "Small: !Equals [!Ref Tier, small]\nLarge: !Equals [!Ref Tier, large]\n\
             Huge: !Equals [!Ref Tier, huge]\nAlways: !Equals [a, a]\n\
             Both: !And [!Condition Always, !Condition Small]\n",
        );
        let b = Branching::new(Some(&root));
        let all = combinations(&b, &["Huge", "Always", "Small", "Large", "Both"]);
        // Huge and Always are constants; Small decides Large and Both.
        assert_eq!(all.len(), 2);
        assert_eq!(
            all[0],
            [
                ("Small".to_string(), true),
                ("Large".to_string(), false),
                ("Both".to_string(), true)
            ]
        );
        assert_eq!(all[1][0], ("Small".to_string(), false));
        assert_eq!(all[1][1], ("Large".to_string(), true));
    }

    #[test]
    fn undefined_and_cyclic_conditions_are_free() {
        let root = conditions("A: !Condition B\nB: !Condition A\n");
        let b = Branching::new(Some(&root));
        assert_eq!(combinations(&b, &["A", "Missing"]).len(), 4);
        let none = Branching::new(None);
        assert_eq!(combinations(&none, &["X"]).len(), 2);
    }

    #[test]
    fn an_opaque_build_decides_nothing_the_template_does_not() {
        let root = conditions("IsProd: !Equals [!Ref Env, prod]\nYes: !Equals [a, a]\n");
        let b = Branching::new(Some(&root));
        b.start(Vec::new(), true);
        assert_eq!(b.value("IsProd", &Refs), None);
        assert_eq!(b.value("Yes", &Refs), Some(true));
        assert!(b.decided().is_empty());
        assert_eq!(b.next_plan(), None);
    }
}
