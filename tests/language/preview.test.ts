// Session.preview (issue 23 §2): what a line would answer, with no effect, stopped by its own stop
// request and never by the session's.
import { describe, expect, test } from "bun:test";
import { Session } from "../../src/session.ts";

const text = (outcome: ReturnType<Session["evaluate"]>) => (outcome.kind === "value" || outcome.kind === "definition" ? outcome.text : outcome.kind);

describe("Session.preview", () => {
  test("an assignment or a definition gives its value and binds nothing; ans stays", () => {
    const session = new Session();
    session.evaluate("x = 2");
    expect(text(session.preview("y = x * 21"))).toBe("42");
    expect(text(session.preview("g(t) = t+1"))).toBe("g(t) = t + 1");
    expect(text(session.preview("z = 5; z + x"))).toBe("7");
    expect(session.listVariables().map(({ name }) => name)).toEqual(["x"]);
    expect(session.listFunctions()).toEqual([]);
    expect(text(session.evaluate("ans"))).toBe("2");
    expect(session.evaluate("y").kind).toBe("error");
  });

  test("stopped by its own stop request; the session's raised stop request does not stop it", () => {
    let stopLines = false;
    const session = new Session({ interrupt: { requested: () => stopLines } });
    session.evaluate("fib(n) = if n < 2 then n else fib(n-1) + fib(n-2)");
    const stopped = session.preview("fib(25)", { requested: () => true });
    expect(stopped.kind === "error" && stopped.error.kind).toBe("interrupted");
    stopLines = true;
    expect(text(session.preview("fib(10)", { requested: () => false }))).toBe("55");
    stopLines = false;
    // and the session's own lines are as before
    expect(text(session.evaluate("fib(10)"))).toBe("55");
  });
});
