import { expect, it } from "vitest";

it("fails", () => expect(1).toBe(2));
it.fails("passes although it is marked to fail", () => expect(1).toBe(1));
