// The CPU accounting behind "server CPU/req" and "others % of machine", on synthetic /proc text:
// fixed figures, so every expectation is exact and nothing depends on the machine's load.
import { describe, expect, it } from 'vitest';
import { cpuTicksUsed, machineTicks, otherCpuShare, parseMachineCpu, parseProcessStat, processTable, ticksToMs, treePids } from '../lib/cpu-accounting.js';
import { cpuOverRun } from '../lib/load.js';

/** A /proc/<pid>/stat line as the kernel writes it (52 fields; only some matter here). */
function statLine({ pid, comm = 'node', ppid = 1, utime = 0, stime = 0, cutime = 0, cstime = 0, start = 1000 }) {
  // fields 3…: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime
  //            priority nice threads itrealvalue starttime vsize rss …
  const rest = ['S', ppid, pid, pid, 0, -1, 4194560, 500, 0, 0, 0, utime, stime, cutime, cstime, 20, 0, 7, 0, start, 1e6, 5000];
  return `${pid} (${comm}) ${[...rest, ...Array(30).fill(0)].join(' ')}\n`;
}

const table = (...lines) => processTable(lines.map((line) => parseProcessStat(statLine(line))));

/** /proc/stat with the aggregate line and two per-core lines (which must be ignored). */
function procStat({ user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0, guest = 0 }) {
  return [`cpu  ${user} ${nice} ${system} ${idle} ${iowait} ${irq} ${softirq} ${steal} ${guest} 0`, 'cpu0 1 2 3 4 5 6 7 8 0 0', 'cpu1 9 9 9 9 9 9 9 9 0 0', 'intr 1 2 3', 'ctxt 99', ''].join('\n');
}

const machine = (fields) => parseMachineCpu(procStat(fields));

describe('parseProcessStat', () => {
  it("reads pid, parent, start time and the process's own user + system ticks, never its children's", () => {
    const parsed = parseProcessStat(statLine({ pid: 4242, comm: 'tmux: (server) x', ppid: 17, utime: 150, stime: 30, cutime: 9000, cstime: 800, start: 98765 }));
    expect(parsed).toEqual({ pid: 4242, ppid: 17, cpuTicks: 180, startTicks: 98765 });
  });
});

describe('parseMachineCpu', () => {
  it('reads the aggregate line, not the per-core lines, and does not read guest time twice', () => {
    expect(machine({ user: 10, nice: 1, system: 4, idle: 80, iowait: 2, irq: 1, softirq: 1, steal: 1, guest: 5 })).toEqual({
      user: 10,
      nice: 1,
      system: 4,
      idle: 80,
      iowait: 2,
      irq: 1,
      softirq: 1,
      steal: 1,
    });
  });

  it('takes a missing steal column (old kernels) as 0 and names a file without the aggregate line', () => {
    expect(parseMachineCpu('cpu  1 2 3 4 5 6 7\n').steal).toBe(0);
    expect(() => parseMachineCpu('cpu0 1 2 3\n')).toThrow(/no aggregate "cpu " line/);
  });
});

describe('treePids', () => {
  it("lists a process and all its descendants, not its parent's other children", () => {
    const processes = table({ pid: 10, ppid: 1 }, { pid: 11, ppid: 10 }, { pid: 12, ppid: 11 }, { pid: 13, ppid: 1 }, { pid: 14, ppid: 10 });
    expect(treePids(processes, 10).sort()).toEqual([10, 11, 12, 14]);
    expect(treePids(processes, 99)).toEqual([99]); // gone: only itself, which counts nothing
  });
});

describe('cpuTicksUsed', () => {
  const before = table({ pid: 1, utime: 100, stime: 10 }, { pid: 2, utime: 50, start: 500 }, { pid: 3, utime: 70 }, { pid: 5, utime: 40 });
  const after = table(
    { pid: 1, utime: 130, stime: 15 }, // same process: +35
    { pid: 2, utime: 8, start: 900 }, // pid 2 reused by a new process: all its 8 ticks are in the window
    { pid: 4, utime: 12, start: 1200 }, // started during the window: from 0
    { pid: 5, utime: 30 }, // read lower than before: counts as nothing, never as negative
    // pid 3 ended: not readable any more, counts nothing
  );

  it('counts each process from its first reading, or from 0 when it started in between', () => {
    expect(cpuTicksUsed(before, after, [1])).toBe(35);
    expect(cpuTicksUsed(before, after, [2])).toBe(8);
    expect(cpuTicksUsed(before, after, [4])).toBe(12);
    expect(cpuTicksUsed(before, after, [3])).toBe(0);
    expect(cpuTicksUsed(before, after, [5])).toBe(0);
    expect(cpuTicksUsed(before, after, [1, 2, 3, 4, 5])).toBe(55);
  });

  it('does not count a parent again for a child it reaped (cutime/cstime are not read)', () => {
    const parentBefore = table({ pid: 7, utime: 10 }, { pid: 8, ppid: 7, utime: 400 });
    const parentAfter = table({ pid: 7, utime: 12, cutime: 450, cstime: 50 });
    expect(cpuTicksUsed(parentBefore, parentAfter, [7, 8])).toBe(2);
  });

  it('converts USER_HZ ticks to milliseconds', () => {
    expect(ticksToMs(35)).toBe(350);
  });
});

describe('machineTicks', () => {
  it('counts steal in the total but not as busy, and a decreasing iowait as no time', () => {
    const start = machine({ user: 100, system: 20, idle: 500, iowait: 30, steal: 10 });
    const end = machine({ user: 150, system: 30, idle: 560, iowait: 25, steal: 50, irq: 2, softirq: 3 });
    expect(machineTicks(start, end)).toEqual({ busy: 65, total: 65 + 60 + 0 + 40 });
  });
});

const snapshot = (machineFields, ...processes) => ({ machine: machine(machineFields), processes: table(...processes) });

describe('otherCpuShare', () => {
  it('two CPU hogs beside the measured row on 2 saturated cores: the hogs’ part of the busy time', () => {
    // 1 s on 2 cores = 200 ticks, all busy; ours (bench 5, server 45, load generator 30) 80, hogs 60 + 60.
    const start = snapshot({ user: 1000, idle: 5000 }, { pid: 1 }, { pid: 10 }, { pid: 11 }, { pid: 12 }, { pid: 20 }, { pid: 21 });
    const end = snapshot(
      { user: 1180, system: 20, idle: 5000 },
      { pid: 1 },
      { pid: 10, utime: 5 },
      { pid: 11, utime: 45 },
      { pid: 12, utime: 30 },
      { pid: 20, utime: 60 },
      { pid: 21, utime: 60 },
    );
    expect(otherCpuShare(start, end, [10, 11, 12])).toBeCloseTo(0.6, 12);
  });

  it('stays within the machine when per-process readings cover more than the window (the 1.88 case)', () => {
    // The machine's 200 ticks were all busy, but skewed readings saw 376 ticks of other processes
    // and a reaped child's lifetime landed in its parent's cutime: neither can push the share past 1.
    const start = snapshot({ user: 0, idle: 0 }, { pid: 10 }, { pid: 20, utime: 100 }, { pid: 30 });
    const end = snapshot({ user: 200, idle: 0 }, { pid: 10 }, { pid: 20, utime: 476 }, { pid: 30, cutime: 5000 });
    expect(otherCpuShare(start, end, [10])).toBe(1);
  });

  it('is the idle share of nothing on an idle machine, and null when no time passed', () => {
    const start = snapshot({ user: 10, idle: 100 }, { pid: 10, utime: 4 }, { pid: 20, utime: 4 });
    const idle = snapshot({ user: 10, idle: 300 }, { pid: 10, utime: 4 }, { pid: 20, utime: 4 });
    expect(otherCpuShare(start, idle, [10])).toBe(0);
    expect(otherCpuShare(start, start, [10])).toBeNull();
  });

  it('gives all busy time to others when ours used none, including processes that ended', () => {
    // Half the machine busy; the only process seen using CPU ended before the second reading.
    const start = snapshot({ user: 0, idle: 0 }, { pid: 10, utime: 3 }, { pid: 20, utime: 5 });
    const end = snapshot({ user: 100, idle: 100 }, { pid: 10, utime: 3 });
    expect(otherCpuShare(start, end, [10])).toBe(0.5);
  });

  it('lies in [0, 1] for any readings, by construction', () => {
    let state = 7;
    const next = (limit) => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state % limit;
    };
    const fields = () => ({ user: next(500), nice: next(20), system: next(200), idle: next(500), iowait: next(50), irq: next(10), softirq: next(10), steal: next(50) });
    const processes = () => Array.from({ length: 6 }, (_, i) => ({ pid: i + 1, utime: next(400), stime: next(100), start: next(3) }));
    for (let round = 0; round < 500; round += 1) {
      const share = otherCpuShare(snapshot(fields(), ...processes()), snapshot(fields(), ...processes()), [1, 2, 3]);
      if (share === null) continue;
      expect(share).toBeGreaterThanOrEqual(0);
      expect(share).toBeLessThanOrEqual(1);
    }
  });
});

describe('cpuOverRun', () => {
  it("sums each server's tree, the load generator's, and the others' share between the two samples", () => {
    // bench 10 → server 11 (→ worker 12 started during the run), load generator 13; 20 is someone else's.
    const start = snapshot({ user: 0, idle: 0 }, { pid: 10, utime: 50 }, { pid: 11, ppid: 10, utime: 100 }, { pid: 13, ppid: 10, utime: 7 }, { pid: 20, utime: 1 });
    const end = snapshot(
      { user: 100, idle: 100 },
      { pid: 10, utime: 52 },
      { pid: 11, ppid: 10, utime: 130 },
      { pid: 12, ppid: 11, utime: 8, start: 2000 },
      { pid: 13, ppid: 10, utime: 37 },
      { pid: 20, utime: 31 },
    );
    const cpu = cpuOverRun(start, end, { cpuPids: { app: 11 }, loadGeneratorPid: 13, benchPid: 10 });
    expect(cpu.serverCpuMs).toEqual({ app: 380 });
    expect(cpu.loadGeneratorCpuMs).toBe(300);
    // busy 100 of 200; ours 2 + 38 + 30 = 70, others 30
    expect(cpu.otherCpuShare).toBeCloseTo(0.5 * (30 / 100), 12);
    expect(cpuOverRun(undefined, end, { cpuPids: { app: 11 }, loadGeneratorPid: 13 })).toEqual({ serverCpuMs: {}, loadGeneratorCpuMs: null, otherCpuShare: null });
  });
});
