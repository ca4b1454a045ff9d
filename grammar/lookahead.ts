/**
 * How the parser chooses between alternatives: one token of lookahead, from
 * FIRST sets computed straight from the recorded grammar. The grammar is
 * LL(1) (maxLookahead: 1), so this decides exactly as chevrotain's own
 * LL(k) strategy would (tests/cli/startup.test.ts compares the two on every
 * choice), in a fraction of the time chevrotain's general path analysis
 * takes. The FIRST sets are worked out when calc is built (analysis.ts
 * keeps them); at run time a decision is made from them alone
 * (decideAlternation, decideOptional). Its checks of the grammar are
 * chevrotain's, run by the tests (checkGrammar).
 */
import {
  Alternation,
  Alternative,
  LLkLookaheadStrategy,
  NonTerminal,
  Option,
  Repetition,
  RepetitionMandatory,
  RepetitionMandatoryWithSeparator,
  RepetitionWithSeparator,
  Rule,
  Terminal,
  type ILookaheadStrategy,
  type IOrAlt,
  type IProduction,
  type TokenType,
} from "chevrotain";

export interface First {
  /** tokenTypeIdx of every token that can come first, categories included. */
  readonly tokens: ReadonlySet<number>;
  /** Whether the production can match nothing at all. */
  readonly nullable: boolean;
}

export type Parser = { LA(k: number): { tokenTypeIdx: number } };
export type AlternationOptions = { prodOccurrence: number; rule: Rule; hasPredicates: boolean };
export type OptionalOptions = { prodOccurrence: number; rule: Rule; prodType: string };

/** Every kind of production in chevrotain's grammar tree, by its class's name (as chevrotain calls them in `prodType`). */
export const productionKinds = {
  Rule,
  NonTerminal,
  Terminal,
  Alternation,
  Alternative,
  Option,
  Repetition,
  RepetitionMandatory,
  RepetitionMandatoryWithSeparator,
  RepetitionWithSeparator,
} as const;

export class LL1Lookahead implements ILookaheadStrategy {
  private readonly firstOfRule = new Map<Rule, First>();

  validate(options: Parameters<ILookaheadStrategy["validate"]>[0]) {
    return new LLkLookaheadStrategy({ maxLookahead: 1 }).validate(options);
  }

  buildLookaheadForAlternation(options: AlternationOptions): (orAlts?: IOrAlt<unknown>[]) => number | undefined {
    return decideAlternation(this.alternationFirsts(options), options.hasPredicates);
  }

  buildLookaheadForOptional(options: OptionalOptions): () => boolean {
    return decideOptional(this.optionalFirst(options));
  }

  /** FIRST of each alternative of an alternation (what grammar/analysis.ts keeps of it). */
  alternationFirsts(options: AlternationOptions): First[] {
    const alternation = find(options.rule, (p) => p instanceof Alternation && p.idx === options.prodOccurrence) as Alternation;
    return alternation.definition.map((alternative) => this.first(alternative));
  }

  /** The tokens that enter an OPTION, MANY or AT_LEAST_ONE (what grammar/analysis.ts keeps of it). */
  optionalFirst(options: OptionalOptions): ReadonlySet<number> {
    const kind = productionKinds[options.prodType as keyof typeof productionKinds];
    const production = find(options.rule, (p) => p instanceof kind && (p as Option).idx === options.prodOccurrence) as Option;
    return this.first(production.definition).tokens;
  }

  /** FIRST of a production, or of a sequence of them. */
  private first(production: IProduction | readonly IProduction[]): First {
    if (Array.isArray(production)) return this.sequence(production);
    if (production instanceof Terminal) return { tokens: withCategories(production.terminalType), nullable: false };
    if (production instanceof NonTerminal) return this.rule(production.referencedRule);
    if (production instanceof Alternation) {
      const alternatives = production.definition.map((alternative) => this.first(alternative));
      return { tokens: union(alternatives), nullable: alternatives.some((f) => f.nullable) };
    }
    const inner = this.sequence((production as Alternative).definition);
    const optional = production instanceof Option || production instanceof Repetition || production instanceof RepetitionWithSeparator;
    return { tokens: inner.tokens, nullable: optional || inner.nullable };
  }

  private sequence(productions: readonly IProduction[]): First {
    const parts: First[] = [];
    for (const production of productions) {
      const first = this.first(production);
      parts.push(first);
      if (!first.nullable) return { tokens: union(parts), nullable: false };
    }
    return { tokens: union(parts), nullable: true };
  }

  private rule(rule: Rule): First {
    let first = this.firstOfRule.get(rule);
    if (!first) {
      first = this.sequence(rule.definition);
      this.firstOfRule.set(rule, first);
    }
    return first;
  }
}

/** Which alternative to take, from the FIRST of each. */
export function decideAlternation(
  firsts: readonly First[],
  hasPredicates: boolean,
): (this: Parser, orAlts?: IOrAlt<unknown>[]) => number | undefined {
  if (hasPredicates || firsts.some((f) => f.nullable)) {
    // a gate, or an alternative that may be empty: try them in order, as chevrotain does
    return function (this: Parser, orAlts?: IOrAlt<unknown>[]) {
      const next = this.LA(1).tokenTypeIdx;
      for (let i = 0; i < firsts.length; i++) {
        const gate = orAlts?.[i]?.GATE;
        if (gate !== undefined && gate.call(this) === false) continue;
        if (firsts[i]!.nullable || firsts[i]!.tokens.has(next)) return i;
      }
      return undefined;
    };
  }
  const choice: number[] = [];
  firsts.forEach((f, i) => {
    for (const token of f.tokens) choice[token] ??= i;
  });
  return function (this: Parser) {
    return choice[this.LA(1).tokenTypeIdx];
  };
}

/** Whether to enter an OPTION, MANY or AT_LEAST_ONE, from the tokens that can start it. */
export function decideOptional(first: ReadonlySet<number>): (this: Parser) => boolean {
  const enter: boolean[] = [];
  for (const token of first) enter[token] = true;
  return function (this: Parser) {
    return enter[this.LA(1).tokenTypeIdx] === true;
  };
}

/** A token's index and those of the tokens in its category (AdditiveOp matches Plus and Minus). */
function withCategories(token: TokenType): Set<number> {
  return new Set([token.tokenTypeIdx!, ...((token as { categoryMatches?: number[] }).categoryMatches ?? [])]);
}

function union(firsts: readonly First[]): Set<number> {
  const tokens = new Set<number>();
  for (const first of firsts) for (const token of first.tokens) tokens.add(token);
  return tokens;
}

/** The production in a rule's grammar that `matches` (depth first, as chevrotain numbers them). */
function find(rule: Rule, matches: (production: IProduction) => boolean): IProduction | undefined {
  const walk = (productions: readonly IProduction[]): IProduction | undefined => {
    for (const production of productions) {
      if (matches(production)) return production;
      if (production instanceof NonTerminal || production instanceof Terminal) continue;
      const inside = walk((production as Alternative).definition);
      if (inside) return inside;
    }
    return undefined;
  };
  return walk(rule.definition);
}
