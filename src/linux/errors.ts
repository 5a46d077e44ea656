// Why a file cannot be run as a Linux/ia64 process.

export class ExecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExecError';
  }
}
