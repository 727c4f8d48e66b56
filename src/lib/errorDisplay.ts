/**
 * A user's mistake — a typed error of the library (an unknown claim, a bad input frame, a data file that
 * breaks its contract) — is shown in one line, `Name: message`, not with Node's stack trace: the tslab
 * kernel prints a failing cell's error with `console.error`, which honours `util.inspect.custom`. Errors
 * of other kinds (a bug) keep their stack.
 */
import { inspect } from "node:util";
import { FindingError } from "./findings/errors";
import { DataError, IndicatorInputError } from "./data/errors";
import { StatisticsInputError } from "./stats/errors";
import { ParameterError } from "./params";
import { PlotInputError } from "./plots/common";
import { HypothesisError } from "./hypotheses/types";
import { SsbError } from "./ssb/errors";
import { AsyncCellError } from "./notebook/asyncErrors";
import { InteropError } from "./interop/errors";

/**
 * Make the library's typed errors print as one line (done once when the library is imported).
 * @example
 * showTypedErrorsInOneLine();
 * console.error(new FindingError("no claim 'x'")); // prints "FindingError: no claim 'x'"
 */
export function showTypedErrorsInOneLine(): void {
  for (const cls of [FindingError, DataError, StatisticsInputError, IndicatorInputError, ParameterError, PlotInputError, HypothesisError, SsbError, AsyncCellError, InteropError]) {
    Object.defineProperty(cls.prototype, inspect.custom, {
      configurable: true,
      value(this: Error): string {
        return `${this.name}: ${this.message}`;
      },
    });
  }
}

showTypedErrorsInOneLine();
