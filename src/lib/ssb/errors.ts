/** Typed errors of the SSB loader: each says the table, the request and what was expected. */
export class SsbError extends Error {
  readonly table: string;
  constructor(table: string, message: string) {
    super(`SSB table ${table}: ${message}`);
    this.name = new.target.name;
    this.table = table;
  }
}

/** The API answered with an HTTP error status. */
export class SsbHttpError extends SsbError {
  readonly status: number;
  constructor(table: string, url: string, status: number, body: string) {
    super(table, `HTTP ${status} from ${url}${body ? `: ${body.slice(0, 300)}` : ""}`);
    this.status = status;
  }
}

/** No answer within the time limit, or the response grew past the size cap. */
export class SsbLimitError extends SsbError {}

/** Not online and nothing cached for this query. */
export class SsbOfflineError extends SsbError {}

/** The response is not a JSON-stat 2 dataset, or its dimensions do not match the query. */
export class SsbFormatError extends SsbError {}
