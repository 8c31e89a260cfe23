import {LoadError} from "../../loaders/errors.js";

/** The LoadError a read throws; fails the test if it throws something else or nothing. */
export function loadError(read: () => unknown): LoadError {
  try {
    read();
  } catch (error) {
    if (error instanceof LoadError) return error;
    throw error;
  }
  throw new Error("expected a LoadError, but the read succeeded");
}
