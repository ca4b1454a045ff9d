// help %, help to, help if (issue 23): every example a topic gives is dist/calc's real answer, and
// no line of a topic is wider than a terminal's 80 columns with its indent.
import { describe, expect, test } from "bun:test";
import { TOPICS } from "../../src/cli/topics.ts";
import { run, useBinary } from "../support/binary.ts";

useBinary();

describe("help topics", () => {
  for (const topic of TOPICS) {
    test(`help ${topic.names.join(" ")}`, () => {
      const indent = topic.names.join(" ").length + 2;
      for (const line of topic.lines) expect(indent + [...line].length).toBeLessThanOrEqual(80);
      const examples = topic.lines.flatMap((line) => line.split(/ {3,}/)).filter((part) => part.includes(" → "));
      expect(examples.length).toBeGreaterThan(0);
      for (const example of examples) {
        const [input, answer] = example.replace(/ \([^)]*\)$/, "").split(" → ") as [string, string];
        expect({ input, ...run([input]) }).toEqual({ input, out: `${answer}\n`, err: "", code: 0 });
      }
    });
  }
});
