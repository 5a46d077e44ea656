// Errors the command line reports as one line with exit status 1.

/** A problem with the user's input (a file, an argument). */
export class UsageError extends Error {}
