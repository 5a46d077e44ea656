// The error numbers the system calls return (asm-generic values, which
// ia64 uses).

export const EPERM = 1;
export const ENOENT = 2;
export const EBADF = 9;
export const EAGAIN = 11;
export const ENOMEM = 12;
export const EACCES = 13;
export const EFAULT = 14;
export const EEXIST = 17;
export const ENODEV = 19;
export const EINVAL = 22;
export const ENOTTY = 25;
export const ESPIPE = 29;
export const ENOSYS = 38;
