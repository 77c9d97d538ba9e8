import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times. */
const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

interface ProcStat {
  readonly pid: number;
  readonly ppid: number;
  /** utime + stime of the process itself. */
  readonly ownTicks: number;
  /** cutime + cstime: the children it has waited for (PostgreSQL's ended backends). */
  readonly childTicks: number;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return {
      pid,
      ppid: Number(fields[1]),
      ownTicks: Number(fields[11]) + Number(fields[12]),
      childTicks: Number(fields[13]) + Number(fields[14]),
    };
  } catch {
    return undefined;
  }
}

function allStats(): ProcStat[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((stat): stat is ProcStat => stat !== undefined);
}

/** CPU ticks used so far by a process and all its descendants (PostgreSQL is one per connection). */
function treeTicks(root: number, stats: readonly ProcStat[]): number {
  const byParent = new Map<number, ProcStat[]>();
  for (const stat of stats) byParent.set(stat.ppid, [...(byParent.get(stat.ppid) ?? []), stat]);
  const rootStat = stats.find((stat) => stat.pid === root);
  if (!rootStat) return Number.NaN;
  let ticks = rootStat.ownTicks + rootStat.childTicks;
  const queue = [...(byParent.get(root) ?? [])];
  while (queue.length > 0) {
    const stat = queue.shift() as ProcStat;
    ticks += stat.ownTicks;
    queue.push(...(byParent.get(stat.pid) ?? []));
  }
  return ticks;
}

/** Resident memory of one process in MiB (VmRSS). */
export function residentMiB(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/**
 * The processes watched, by name; a name may stand for several (two APIs). `tree` counts
 * each process's descendants too (PostgreSQL's backends).
 */
export type ProcessGroups = Record<string, { readonly pids: () => readonly number[]; readonly tree: boolean }>;

/** CPU per group over an interval, in percent of one core (200 % = both cores of this machine). */
export class CpuSampler {
  private startTicks = new Map<string, number>();
  private startedAt = 0;

  constructor(private readonly groups: ProcessGroups) {}

  start(): void {
    const stats = allStats();
    this.startTicks = new Map(Object.entries(this.groups).map(([name, group]) => [name, this.ticks(group.pids(), group.tree, stats)]));
    this.startedAt = performance.now();
  }

  stop(): Record<string, number> {
    const stats = allStats();
    const seconds = (performance.now() - this.startedAt) / 1000;
    return Object.fromEntries(
      Object.entries(this.groups).map(([name, group]) => {
        const used = this.ticks(group.pids(), group.tree, stats) - (this.startTicks.get(name) ?? Number.NaN);
        return [name, (used / TICKS_PER_SECOND / seconds) * 100];
      }),
    );
  }

  private ticks(pids: readonly number[], tree: boolean, stats: readonly ProcStat[]): number {
    if (pids.length === 0) return Number.NaN;
    const one = (pid: number) => {
      if (tree) return treeTicks(pid, stats);
      const stat = stats.find((candidate) => candidate.pid === pid);
      return stat ? stat.ownTicks : Number.NaN;
    };
    return pids.reduce((sum, pid) => sum + one(pid), 0);
  }
}
