// CPU accounting from /proc snapshots, as pure functions of the parsed text, so the arithmetic is
// tested on fixed figures rather than on whatever the machine happens to be doing.
//
// Two sources, each used for what it gets right:
// - /proc/stat's aggregate "cpu" line: every core's time since boot, split into busy, idle and
//   stolen, in one read. Its busy ticks include processes that ended during a window, and its
//   busy part can never exceed its total.
// - /proc/<pid>/stat: one process's own user + system time (never its children's: cutime/cstime
//   hold reaped children, whose whole lifetime would land in one window). It says whose the time
//   was, but misses processes that ended before the second snapshot.

/** USER_HZ, the unit of every /proc time field: 100 on every mainstream Linux build. */
export const CLOCK_TICKS_PER_SECOND = 100;

export function ticksToMs(ticks) {
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

// Fields of the "cpu" line, in order (proc(5)). guest and guest_nice follow but are already
// counted in user and nice, so they are not read.
const MACHINE_FIELDS = ['user', 'nice', 'system', 'idle', 'iowait', 'irq', 'softirq', 'steal'];
// Time some process of this machine ran (irq and softirq are charged to the interrupted task's
// system time too). Idle and iowait: nobody ran. Steal: the hypervisor gave the core to another VM.
const BUSY_FIELDS = ['user', 'nice', 'system', 'irq', 'softirq'];

/** The aggregate line of /proc/stat as { user, nice, system, idle, iowait, irq, softirq, steal } ticks. */
export function parseMachineCpu(procStatText) {
  const line = procStatText.split('\n').find((candidate) => candidate.startsWith('cpu '));
  if (!line) throw new Error('/proc/stat has no aggregate "cpu " line');
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  // Kernels before 2.6.11 had no steal column: absent fields are 0.
  return Object.fromEntries(MACHINE_FIELDS.map((name, index) => [name, Number.isFinite(values[index]) ? values[index] : 0]));
}

/**
 * One /proc/<pid>/stat line as { pid, ppid, startTicks, cpuTicks }: cpuTicks is the process's own
 * utime + stime (all its threads); startTicks (time since boot it started) tells a reused pid apart.
 */
export function parseProcessStat(text) {
  // The command name (field 2) is in parentheses and may itself hold spaces and parentheses.
  const close = text.lastIndexOf(')');
  const pid = Number(text.slice(0, text.indexOf('(')).trim());
  const fields = text.slice(close + 2).trim().split(' '); // fields[0] is field 3 (state)
  const at = (field) => Number(fields[field - 3]);
  return { pid, ppid: at(4), cpuTicks: at(14) + at(15), startTicks: at(22) };
}

/** The table read from every /proc/<pid>/stat: Map pid → parsed entry. */
export function processTable(entries) {
  return new Map(entries.map((entry) => [entry.pid, entry]));
}

/** pid and all its descendants in one table (only pids the table holds, plus the root). */
export function treePids(table, rootPid) {
  const children = new Map();
  for (const { pid, ppid } of table.values()) {
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(pid);
  }
  const tree = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.shift();
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

// Every counter here only grows while its process (or the machine) lives. iowait is the known
// exception (proc(5): it "can decrease"); a counter read lower than before counts as no time.
function grown(before, after) {
  return after > before ? after - before : 0;
}

/**
 * CPU ticks the given pids used between two process tables. A process is the same one only if
 * its start time matches (a reused pid is new); one that started in between counts from 0; one
 * that ended before `after` is not in `after` and counts nothing.
 */
export function cpuTicksUsed(before, after, pids) {
  let ticks = 0;
  for (const pid of pids) {
    const now = after.get(pid);
    if (!now) continue;
    const then = before.get(pid);
    ticks += grown(then && then.startTicks === now.startTicks ? then.cpuTicks : 0, now.cpuTicks);
  }
  return ticks;
}

/** Busy and total ticks of the whole machine between two /proc/stat readings (all cores). */
export function machineTicks(before, after) {
  const delta = Object.fromEntries(MACHINE_FIELDS.map((name) => [name, grown(before[name], after[name])]));
  const busy = BUSY_FIELDS.reduce((sum, name) => sum + delta[name], 0);
  return { busy, total: busy + delta.idle + delta.iowait + delta.steal };
}

/**
 * Share of the whole machine's CPU capacity (all cores) that processes other than `ourPids` used
 * between two snapshots { machine, processes }; null when no time passed.
 *
 * = (machine busy ÷ machine total, from /proc/stat) × (others' part of the task time the process
 * tables saw). Both factors lie in [0, 1], so the share does too, whatever the sampling skew:
 * the figures being divided never come from two different windows. Time of processes that ended
 * during the window is in the machine's busy ticks and split in the same proportion.
 */
export function otherCpuShare(start, end, ourPids) {
  const { busy, total } = machineTicks(start.machine, end.machine);
  if (total === 0) return null;
  const ours = cpuTicksUsed(start.processes, end.processes, ourPids);
  const ourSet = new Set(ourPids);
  const othersPids = [...end.processes.keys()].filter((pid) => !ourSet.has(pid));
  const others = cpuTicksUsed(start.processes, end.processes, othersPids);
  // Our processes live through the whole window: if they used nothing, none of the busy time was ours.
  const oursPart = ours === 0 ? 0 : ours / (ours + others);
  return (busy / total) * (1 - oursPart);
}
