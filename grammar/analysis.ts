/**
 * The grammar as chevrotain records it, kept as data, so that the parser of
 * a one-shot run need not record it again. chevrotain learns a grammar by
 * running every rule once in a recording mode (most of the parser's cost at
 * start-up: docs/performance.md, "The grammar, recorded when calc is built");
 * the result is a tree of productions (GAST),
 * from which the lookahead strategy makes a decision for every choice.
 * `recordingOf` writes down both, the productions as JSON and each decision
 * as the tokens that lead to each of its ways, at build time (analysis-macro.ts is a
 * Bun macro, so the data is the grammar of the source being built).
 * `restore` puts them back into a parser in place of its self-analysis: the
 * decisions at once (all of them together cost little: the same section of
 * docs/performance.md), the productions only
 * when asked for them, which chevrotain does to describe a syntax error.
 * tests/grammar/recording.test.ts checks that a restored parser has the productions
 * and decisions of one that recorded its grammar.
 */
import {
  EOF,
  NonTerminal,
  type EmbeddedActionsParser,
  type ILookaheadStrategy,
  type IProduction,
  type Rule,
  type TokenType,
} from "chevrotain";
import {
  decideAlternation,
  decideOptional,
  productionKinds as kinds,
  type AlternationOptions,
  type LL1Lookahead,
  type OptionalOptions,
} from "./lookahead.ts";

/** A production: its class, its own fields (token types by name), its children. */
interface RecordedProduction {
  readonly kind: string;
  readonly fields: Record<string, string | number | boolean | { token: string }>;
  readonly definition?: RecordedProduction[];
}

/** One lookahead decision: where chevrotain files it, and the tokens that lead each way. */
export type RecordedDecision = {
  readonly rule: string;
  /** chevrotain's key for the decision within its rule (its kind of DSL method | its occurrence). */
  readonly key: number;
} & (
  | { readonly kind: "alternation"; readonly hasPredicates: boolean; readonly alternatives: { tokens: string[]; nullable: boolean }[] }
  | { readonly kind: "optional"; readonly tokens: string[] }
);

export interface RecordedGrammar {
  /** The rules' productions, as JSON text (parsed only when they are asked for). */
  readonly rules: string;
  readonly decisions: RecordedDecision[];
}

/** The parts of chevrotain's parser that its self-analysis fills in (internal: not in its typings). */
interface ParserInternals {
  selfAnalysisDone: boolean;
  definitionErrors: { message: string }[];
  definedRulesNames: string[];
  gastProductionsCache: Record<string, Rule>;
  fullRuleNameToShort: Record<string, number>;
  shortRuleNameToFull: string[];
  lookaheadStrategy: ILookaheadStrategy;
  setLaFuncCache(ruleIdx: number, key: number, value: unknown): void;
}

type Kind = keyof typeof kinds;

function kindOf(production: IProduction): Kind {
  for (const [name, kind] of Object.entries(kinds)) {
    if (production.constructor === kind) return name as Kind;
  }
  throw new Error(`the grammar has a production calc cannot record: ${production.constructor.name}`);
}

const isTokenType = (value: unknown): value is TokenType =>
  typeof value === "object" && value !== null && typeof (value as TokenType).tokenTypeIdx === "number";

function recordProduction(production: IProduction): RecordedProduction {
  const fields: RecordedProduction["fields"] = {};
  let definition: RecordedProduction[] | undefined;
  for (const [name, value] of Object.entries(production)) {
    if (name === "_definition") {
      // a NonTerminal's definition is its rule's, reached through referencedRule
      if (!(production instanceof NonTerminal)) definition = (value as IProduction[]).map(recordProduction);
    } else if (name === "referencedRule") {
      // restored from nonTerminalName
    } else if (isTokenType(value)) {
      fields[name] = { token: value.name };
    } else if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
      fields[name] = value;
    } else if (value !== undefined) {
      throw new Error(`the grammar has a field calc cannot record: ${name} of ${production.constructor.name}`);
    }
  }
  return definition === undefined ? { kind: kindOf(production), fields } : { kind: kindOf(production), fields, definition };
}

/** Token names for indexes and back: the vocabulary and chevrotain's end of input. */
function vocabulary(tokenTypes: readonly TokenType[]) {
  const all = [...tokenTypes, EOF];
  const byIndex = new Map(all.map((type) => [type.tokenTypeIdx!, type.name]));
  const byName = new Map(all.map((type) => [type.name, type]));
  const name = (index: number) => {
    const found = byIndex.get(index);
    if (found === undefined) throw new Error(`the grammar has a token type that is not in the vocabulary: index ${index}`);
    return found;
  };
  const type = (name: string) => {
    const found = byName.get(name);
    if (found === undefined) throw new Error(`the recorded grammar names a token calc does not have: ${name}`);
    return found;
  };
  return {
    names: (tokens: Iterable<number>) => [...tokens].map(name),
    indexes: (names: readonly string[]) => new Set(names.map((name) => type(name).tokenTypeIdx!)),
    type,
  };
}

/**
 * What chevrotain's self-analysis makes of a parser's grammar: its productions, and every decision
 * it asks the lookahead strategy for, with the key it files it under. `analyse` runs that analysis.
 */
/** What the build's macro returns: the recorded grammar, or why it could not be recorded. */
export type Recording = RecordedGrammar | { readonly failed: string };

export function recordingOf(parser: EmbeddedActionsParser, tokenTypes: readonly TokenType[], analyse: () => void): RecordedGrammar {
  const internals = parser as unknown as ParserInternals;
  const strategy = internals.lookaheadStrategy as LL1Lookahead;
  const { names } = vocabulary(tokenTypes);
  const decisions: RecordedDecision[] = [];
  let asked: ((key: number) => RecordedDecision) | undefined;
  const listening: ILookaheadStrategy = {
    validate: (options) => strategy.validate(options),
    buildLookaheadForAlternation: (options) => {
      const firsts = strategy.alternationFirsts(options as AlternationOptions);
      const alternatives = firsts.map((first) => ({ tokens: names(first.tokens), nullable: first.nullable }));
      asked = (key) => ({ rule: options.rule.name, key, kind: "alternation", hasPredicates: options.hasPredicates, alternatives });
      return strategy.buildLookaheadForAlternation(options as AlternationOptions);
    },
    buildLookaheadForOptional: (options) => {
      const tokens = names(strategy.optionalFirst(options as OptionalOptions));
      asked = (key) => ({ rule: options.rule.name, key, kind: "optional", tokens });
      return strategy.buildLookaheadForOptional(options as OptionalOptions);
    },
  };
  const file = internals.setLaFuncCache;
  internals.lookaheadStrategy = listening;
  internals.setLaFuncCache = function (ruleIdx, key, value) {
    const decision = asked?.(key);
    if (decision === undefined || decision.rule !== internals.shortRuleNameToFull[ruleIdx]) {
      throw new Error("chevrotain filed a lookahead decision calc did not see it ask for");
    }
    decisions.push(decision);
    asked = undefined;
    file.call(this, ruleIdx, key, value);
  };
  try {
    analyse();
  } finally {
    internals.lookaheadStrategy = strategy;
    delete (internals as Partial<ParserInternals>).setLaFuncCache; // back to the prototype's
  }
  if (internals.definitionErrors.length > 0) throw new Error(internals.definitionErrors.map((e) => e.message).join("\n"));
  const rules = internals.definedRulesNames.map((name) => recordProduction(internals.gastProductionsCache[name]!));
  return { rules: JSON.stringify(rules), decisions };
}

/**
 * Does for `parser` what chevrotain's `performSelfAnalysis` does, from a recording: files every
 * lookahead decision where chevrotain would. Call it in place of `performSelfAnalysis`, and
 * `restoreProductions` when the productions are asked for.
 */
export function restore(parser: EmbeddedActionsParser, recorded: RecordedGrammar, tokenTypes: readonly TokenType[]): void {
  const internals = parser as unknown as ParserInternals;
  if (internals.definitionErrors.length > 0) throw new Error(internals.definitionErrors.map((e) => e.message).join("\n"));
  const { indexes } = vocabulary(tokenTypes);
  for (const decision of recorded.decisions) {
    const rule = internals.fullRuleNameToShort[decision.rule];
    if (rule === undefined) throw new Error(`the recorded grammar has a rule the parser does not: ${decision.rule}`);
    const decide =
      decision.kind === "alternation"
        ? decideAlternation(decision.alternatives.map((a) => ({ tokens: indexes(a.tokens), nullable: a.nullable })), decision.hasPredicates)
        : decideOptional(indexes(decision.tokens));
    internals.setLaFuncCache(rule, decision.key, decide);
  }
  internals.selfAnalysisDone = true;
}

function restoreProduction(recorded: RecordedProduction, type: (name: string) => TokenType, nonTerminals: NonTerminal[]): IProduction {
  const options: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(recorded.fields)) options[name] = typeof value === "object" ? type(value.token) : value;
  if (recorded.definition) options.definition = recorded.definition.map((child) => restoreProduction(child, type, nonTerminals));
  const Kind = kinds[recorded.kind as Kind] as unknown as (new (options: unknown) => IProduction) | undefined;
  if (Kind === undefined) throw new Error(`the recorded grammar has a production calc does not know: ${recorded.kind}`);
  const production = new Kind(options);
  if (production instanceof NonTerminal) nonTerminals.push(production);
  return production;
}

/** The productions of a restored parser, with every rule reference resolved, as chevrotain keeps them. */
export function restoreProductions(parser: EmbeddedActionsParser, recorded: RecordedGrammar, tokenTypes: readonly TokenType[]): void {
  const internals = parser as unknown as ParserInternals;
  const { type } = vocabulary(tokenTypes);
  const nonTerminals: NonTerminal[] = [];
  const rules = new Map<string, Rule>();
  for (const recordedRule of JSON.parse(recorded.rules) as RecordedProduction[]) {
    const rule = restoreProduction(recordedRule, type, nonTerminals) as Rule;
    rules.set(rule.name, rule);
  }
  if ([...rules.keys()].join() !== internals.definedRulesNames.join()) {
    throw new Error(`the recorded grammar's rules (${[...rules.keys()].join(", ")}) are not the parser's (${internals.definedRulesNames.join(", ")})`);
  }
  for (const nonTerminal of nonTerminals) {
    const rule = rules.get(nonTerminal.nonTerminalName);
    if (rule === undefined) throw new Error(`the recorded grammar refers to a rule it does not have: ${nonTerminal.nonTerminalName}`);
    nonTerminal.referencedRule = rule;
  }
  for (const [name, rule] of rules) internals.gastProductionsCache[name] = rule;
}
