import { Lexer } from "chevrotain";
const T = await import("../grammar/tokens.ts");
const t0 = performance.now();
const lexer = new Lexer(T.allTokens, { positionTracking: "onlyOffset", ensureOptimizations: true, skipValidations: true, traceInitPerf: true } as any);
console.error("total", (performance.now() - t0).toFixed(2));
