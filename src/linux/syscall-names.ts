// Names of the Linux/ia64 system calls by number (1024 + the table index),
// for naming the ones this emulation does not implement. "-" marks an
// unassigned number.

const NAMES = (
  'ni_syscall exit read write open close creat link unlink execve chdir fchdir utimes mknod chmod ' +
  'chown lseek getpid getppid mount umount2 setuid getuid geteuid ptrace access sync fsync ' +
  'fdatasync kill rename mkdir rmdir dup pipe times brk setgid getgid getegid acct ioctl fcntl ' +
  'umask chroot ustat dup2 setreuid setregid getresuid setresuid getresgid setresgid getgroups ' +
  'setgroups getpgid setpgid setsid getsid sethostname setrlimit getrlimit getrusage gettimeofday ' +
  'settimeofday select poll symlink readlink uselib swapon swapoff reboot truncate ftruncate fchmod ' +
  'fchown getpriority setpriority statfs fstatfs gettid semget semop semctl msgget msgsnd msgrcv ' +
  'msgctl shmget shmat shmdt shmctl syslog setitimer getitimer - - - vhangup lchown ' +
  'remap_file_pages wait4 sysinfo clone setdomainname uname adjtimex - init_module delete_module - ' +
  '- quotactl bdflush sysfs personality afs_syscall setfsuid setfsgid getdents flock readv writev ' +
  'pread64 pwrite64 _sysctl mmap munmap mlock mlockall mprotect mremap msync munlock munlockall ' +
  'sched_getparam sched_setparam sched_getscheduler sched_setscheduler sched_yield ' +
  'sched_get_priority_max sched_get_priority_min sched_rr_get_interval nanosleep nfsservctl prctl ' +
  'old_getpagesize mmap2 pciconfig_read pciconfig_write perfmonctl sigaltstack rt_sigaction ' +
  'rt_sigpending rt_sigprocmask rt_sigqueueinfo rt_sigreturn rt_sigsuspend rt_sigtimedwait getcwd ' +
  'capget capset sendfile getpmsg putpmsg socket bind connect listen accept getsockname getpeername ' +
  'socketpair send sendto recv recvfrom shutdown setsockopt getsockopt sendmsg recvmsg pivot_root ' +
  'mincore madvise stat lstat fstat clone2 getdents64 getunwind readahead setxattr lsetxattr ' +
  'fsetxattr getxattr lgetxattr fgetxattr listxattr llistxattr flistxattr removexattr lremovexattr ' +
  'fremovexattr tkill futex sched_setaffinity sched_getaffinity set_tid_address fadvise64 tgkill ' +
  'exit_group lookup_dcookie io_setup io_destroy io_getevents io_submit io_cancel epoll_create ' +
  'epoll_ctl epoll_wait restart_syscall semtimedop timer_create timer_settime timer_gettime ' +
  'timer_getoverrun timer_delete clock_settime clock_gettime clock_getres clock_nanosleep fstatfs64 ' +
  'statfs64 mbind get_mempolicy set_mempolicy mq_open mq_unlink mq_timedsend mq_timedreceive ' +
  'mq_notify mq_getsetattr kexec_load vserver waitid add_key request_key keyctl ioprio_set ' +
  'ioprio_get move_pages inotify_init inotify_add_watch inotify_rm_watch migrate_pages openat ' +
  'mkdirat mknodat fchownat futimesat newfstatat unlinkat renameat linkat symlinkat readlinkat ' +
  'fchmodat faccessat pselect6 ppoll unshare splice set_robust_list get_robust_list sync_file_range ' +
  'tee vmsplice fallocate getcpu epoll_pwait utimensat signalfd timerfd eventfd timerfd_create ' +
  'timerfd_settime timerfd_gettime signalfd4 eventfd2 epoll_create1 dup3 pipe2 inotify_init1 preadv ' +
  'pwritev rt_tgsigqueueinfo recvmmsg fanotify_init fanotify_mark prlimit64 name_to_handle_at ' +
  'open_by_handle_at clock_adjtime syncfs setns sendmmsg process_vm_readv process_vm_writev accept4 ' +
  'finit_module sched_setattr sched_getattr renameat2 getrandom memfd_create bpf execveat ' +
  'userfaultfd membarrier kcmp mlock2 copy_file_range preadv2 pwritev2 statx io_pgetevents ' +
  'perf_event_open seccomp pkey_mprotect pkey_alloc pkey_free rseq - - - - - - - - - - - - - - - - ' +
  '- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - ' +
  '- - - - - - - - - - - - - - - - - - - - - - - - - - pidfd_send_signal io_uring_setup ' +
  'io_uring_enter io_uring_register open_tree move_mount fsopen fsconfig fsmount fspick pidfd_open ' +
  '- close_range openat2 pidfd_getfd faccessat2 process_madvise epoll_pwait2 mount_setattr ' +
  'quotactl_fd landlock_create_ruleset landlock_add_rule landlock_restrict_self - process_mrelease ' +
  'futex_waitv set_mempolicy_home_node '
).trim().split(' ');

/** The first system call number; ia64 numbers its calls from 1024. */
export const SYSCALL_BASE = 1024;

/** The call's name, or null for a number Linux/ia64 does not assign. */
export function syscallName(nr: number): string | null {
  const n = NAMES[nr - SYSCALL_BASE];
  return n === undefined || n === '-' ? null : n;
}
